// What the 正式评估 page computes from the wire: who the viewer is on the sheet and what they may do,
// the steps 首次会议 → 取证与评分 → 组内一致意见 → 等级判定 → 沟通评估结果 → 末次会议, the sheet's filters and groups, and small
// formats. Pure: no React, no requests. After 等级判定: certification-view.ts.
import type { FINDING_KINDS } from '@cmmm/contract/formal-rating';
import type { FormalAssessment, FormalStage, FindingKind, RatedGradeCode, SheetRow, WorkingSheet } from './rating-api.ts';

/** Stages with a level determined: the result is shown, the sheet only read. */
export const RESULT_STAGES: readonly FormalStage[] = ['rated', 'communicating', 'final', 'under_review', 'publicized', 'certified'];
export const hasResult = (stage: FormalStage): boolean => RESULT_STAGES.includes(stage);
/** Stages with a working sheet (the server answers ILLEGAL_TRANSITION before). */
export const SHEET_STAGES: readonly FormalStage[] = ['feasible', 'assessing', ...RESULT_STAGES];
export const hasSheet = (stage: FormalStage): boolean => SHEET_STAGES.includes(stage);

/** Lowest first, as the radio group offers them: 不满足 0, 部分满足 0.5, 大部分满足 0.8, 全部满足 1. */
export const GRADES_ASCENDING: readonly RatedGradeCode[] = ['NI', 'PI', 'LI', 'FI'];
export const GRADE_SCORE: Readonly<Record<RatedGradeCode, number>> = { NI: 0, PI: 0.5, LI: 0.8, FI: 1 };

/** Each consensus grade is one kind of finding (the contract's FINDING_KINDS, which the bundle cannot import). */
export const FINDING_KIND_OF: typeof FINDING_KINDS = { NI: 'weakness', PI: 'improvement', LI: 'conformity', FI: 'good_practice' };
export const FINDING_KIND_ORDER: readonly FindingKind[] = ['weakness', 'improvement', 'conformity', 'good_practice'];

/** 弱项 and 改进项 need the finding's text before the roll-up (FINDING_TEXT_REQUIRED). */
export const findingRequired = (grade: RatedGradeCode | undefined): boolean => grade === 'NI' || grade === 'PI';

// ---- who the viewer is

export interface RatingRole {
  /** On the team, declared no conflict, can log in: rates and collects evidence. */
  rater: boolean;
  /** The team's lead among the raters. */
  lead: boolean;
  /** The viewer's own ratings are submitted (fixed). */
  submitted: boolean;
  /** Every rater has submitted: the consensus may be recorded. */
  allSubmitted: boolean;
  /** Every requirement has a consensus. */
  consensusComplete: boolean;
  canRecordMeeting: boolean;
  canRate: boolean;
  canAddEvidence: boolean;
  canRecordConsensus: boolean;
  canWriteSummaries: boolean;
  /** The lead may determine the level (the button shows; it works once consensusComplete). */
  leadsRollUp: boolean;
  canReopen: boolean;
}

/**
 * The view's actions decide, and the working sheet too (a server that does not list the new actions
 * yet): myAssessorId ≠ null means the viewer rates; the lead is the rater with teamRole 'lead' who is
 * the viewer. The server decides again on every change.
 */
export function ratingRoleOf(view: Pick<FormalAssessment, 'stage' | 'actions'>, sheet: WorkingSheet | undefined): RatingRole {
  const { stage, actions } = view;
  const me = sheet?.myAssessorId ?? null;
  const rater = me !== null || actions.includes('rate');
  const lead = (me !== null && !!sheet?.raters.some((r) => r.assessorId === me && r.teamRole === 'lead')) || actions.includes('recordConsensus') || actions.includes('rollUp') || actions.includes('reopenRating');
  const submitted = !!sheet && sheet.mySubmittedAt !== null;
  const raters = sheet?.raters ?? [];
  const allSubmitted = raters.length > 0 && raters.every((r) => r.submittedAt !== null);
  const rows = sheet?.rows ?? [];
  const consensusComplete = rows.length > 0 && rows.every((r) => r.consensus !== null);
  const assessing = stage === 'assessing';
  return {
    rater,
    lead,
    submitted,
    allSubmitted,
    consensusComplete,
    canRecordMeeting: (stage === 'feasible' || assessing) && (actions.includes('recordFirstMeeting') || lead),
    canRate: assessing && me !== null && !submitted,
    canAddEvidence: assessing && (actions.includes('addEvidence') || me !== null),
    canRecordConsensus: assessing && lead && allSubmitted,
    canWriteSummaries: assessing && (actions.includes('writeSummaries') || lead),
    leadsRollUp: assessing && lead,
    canReopen: stage === 'rated' && (actions.includes('reopenRating') || lead),
  };
}

/** A rater sees the others' ratings once their own are submitted; the scheme's staff see them all. */
export const seesOthers = (sheet: Pick<WorkingSheet, 'myAssessorId' | 'mySubmittedAt'>): boolean => sheet.myAssessorId === null || sheet.mySubmittedAt !== null;

// ---- the steps

export const RATING_STEPS = ['meeting', 'rating', 'consensus', 'level', 'communicate', 'final'] as const;
export type RatingStep = (typeof RATING_STEPS)[number];

export function ratingStepOf(stage: FormalStage, sheet: WorkingSheet | undefined): { current: number; status: 'wait' | 'process' | 'finish' } {
  // 等级判定 done: the result goes to the enterprise (沟通评估结果), then 末次会议 fixes it.
  if (stage === 'rated' || stage === 'communicating') return { current: 4, status: 'process' };
  if (hasResult(stage)) return { current: 5, status: 'finish' };
  if (stage !== 'assessing') return { current: 0, status: stage === 'feasible' ? 'process' : 'wait' };
  const role = ratingRoleOf({ stage, actions: [] }, sheet);
  if (!role.allSubmitted) return { current: 1, status: 'process' };
  if (!role.consensusComplete) return { current: 2, status: 'process' };
  return { current: 3, status: 'process' };
}

// ---- the sheet's filters and groups

export interface SheetFilter {
  level: number | null;
  domainId: string | null;
  /** 只看分歧. */
  disagreement: boolean;
  /** 未达成一致: no consensus yet. */
  noConsensus: boolean;
  /** 未评分 (a rater before submitting). */
  unrated: boolean;
}
export const NO_FILTER: SheetFilter = { level: null, domainId: null, disagreement: false, noConsensus: false, unrated: false };
export const isFiltered = (f: SheetFilter): boolean => f.level !== null || f.domainId !== null || f.disagreement || f.noConsensus || f.unrated;

export function filterRows(rows: readonly SheetRow[], filter: SheetFilter, myGrade: (row: SheetRow) => RatedGradeCode | undefined): SheetRow[] {
  return rows.filter(
    (r) =>
      (filter.level === null || r.level === filter.level) &&
      (filter.domainId === null || r.domainId === filter.domainId) &&
      (!filter.disagreement || r.disagreement) &&
      (!filter.noConsensus || r.consensus === null) &&
      (!filter.unrated || myGrade(r) === undefined),
  );
}

export interface DomainGroup {
  domainId: string;
  domainName: string;
  rows: SheetRow[];
}
export interface LevelGroup {
  level: number;
  domains: DomainGroup[];
}

/** By level (一级 first), then by domain in the sheet's order (the model's). */
export function groupRows(rows: readonly SheetRow[]): LevelGroup[] {
  const levels = new Map<number, Map<string, DomainGroup>>();
  for (const row of rows) {
    const domains = levels.get(row.level) ?? new Map<string, DomainGroup>();
    const group = domains.get(row.domainId) ?? { domainId: row.domainId, domainName: row.domainName, rows: [] };
    group.rows.push(row);
    domains.set(row.domainId, group);
    levels.set(row.level, domains);
  }
  return [...levels.entries()].sort(([a], [b]) => a - b).map(([level, domains]) => ({ level, domains: [...domains.values()] }));
}

/** The domains in scope, in the sheet's order. */
export function domainsOf(rows: readonly Pick<SheetRow, 'domainId' | 'domainName'>[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.domainId)) seen.set(r.domainId, r.domainName);
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
}

export const levelsOf = (rows: readonly Pick<SheetRow, 'level'>[]): number[] => [...new Set(rows.map((r) => r.level))].sort((a, b) => a - b);

/** The grade every shown rating agrees on, to start the consensus form with. */
export function unanimousGrade(row: Pick<SheetRow, 'ratings'>): RatedGradeCode | undefined {
  const grades = new Set(row.ratings.map((r) => r.grade));
  return grades.size === 1 ? [...grades][0] : undefined;
}

/** The requirement an issue of RATINGS_INCOMPLETE, CONSENSUS_INCOMPLETE or FINDING_TEXT_REQUIRED names ('consensus.<id>.finding'). */
export function issueRequirementId(path: string): string | undefined {
  const match = /^(?:ratings|consensus)\.([^.]+)/.exec(path);
  return match?.[1];
}

/** 1.5 MB, 320 KB, 12 B. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Evidence files, each once (the server answers a file it already holds with the same id). */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
