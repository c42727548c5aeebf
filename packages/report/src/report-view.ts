// Gather first, render second: everything the PDF shows, already formatted, in the report's language.
// Pure: no IO, no clock (issuedAt comes in), no randomness.
import type { CapabilityProfileView, ViewReadiness } from '@cmmm/contract/capability-profile';
import type { PolicyMatch, RoadmapEntry } from '@cmmm/contract/knowledge';
import { editionIndex, type Edition, type EnterpriseType, type Grade, type IndexedRequirement, type MaturityLevel, type ScoreResult } from '@cmmm/model';
import { fixed, floorFraction, formatDate, gainText, nodeScore, percent, shortfallText } from './format.ts';
import { LABELS, type ReportLabels, type ReportLanguage } from './labels.ts';
import { profileReportView, type ProfileReportView } from './profile-view.ts';

export interface EnterpriseInfo {
  name: string;
  /** 统一社会信用代码 */
  creditCode: string;
  industryName: string;
  /** 天津市 / 滨海新区 … */
  regionPath: string;
  enterpriseType: EnterpriseType;
}

export interface PeerGroupInput {
  group: 'industry' | 'region';
  label: string;
  peers: number;
  /** 0–100: share of the group's enterprises with a lower total score; null below 5 peers. */
  percentile: number | null;
}

export interface ReportInput {
  result: ScoreResult;
  edition: Edition;
  answers: Readonly<Record<string, Grade>>;
  enterprise: EnterpriseInfo;
  reportNumber: string;
  issuedAt: Date;
  /** Where the report can be verified online; null or '' when generated offline (no QR code). */
  verifyUrl: string | null;
  peers?: readonly PeerGroupInput[];
  /** The improvement roadmap (@cmmm/advice roadmapFor), as the result page shows it. */
  roadmap: readonly RoadmapEntry[];
  /** The policies of the enterprise's region (@cmmm/advice policiesFor), as the result page shows them. */
  policies: readonly PolicyMatch[];
  /** 能力度等级 and the application views' readiness (@cmmm/advice), as the result page shows them. */
  profile?: CapabilityProfileView;
  views?: readonly ViewReadiness[];
  language: ReportLanguage;
  /**
   * Set when the edition, result, roadmap, profile and views were given in the edition's unofficial English
   * translation (names, level names and characteristics, requirement texts): its notice, printed on the cover
   * and beside the disclaimer. The Chinese text stays authoritative.
   */
  translationNotice?: string;
}

export interface Field {
  label: string;
  value: string;
}

export interface LevelScoreRow {
  level: number;
  /** 一级（规划级） or Level 1 · Planning */
  name: string;
  score: string;
  reached: boolean;
  status: string;
}

export interface NodeRow {
  id: string;
  name: string;
  /** Formatted weight within the parent (at the reference level). */
  weight: string;
  /** One formatted score per evaluated level, in the order of ReportView.scores.levels. */
  scores: string[];
  /** 1 element, 2 domain, 3 subdomain (for indentation). */
  depth: 1 | 2 | 3;
}

export interface RequirementRow {
  requirementId: string;
  level: string;
  subdomain: string;
  item: string;
  text: string;
  grade: string;
}

export interface ImprovementRow {
  requirementId: string;
  subdomain: string;
  text: string;
  change: string;
  gain: string;
}

export interface HoldingRow {
  requirementId: string;
  subdomain: string;
  text: string;
  grade: string;
  effect: string;
}

export interface RoadmapView {
  name: string;
  reason: string;
  subdomains: string[];
  path: string[];
  targets: { requirementId: string; text: string }[];
  case: { enterprise: string; summary: string; kpis: { name: string; before: string; after: string; change: string }[] } | null;
}

export interface PolicyView {
  scope: string;
  region: string;
  document: string;
  reward: string;
  levels: string;
  appliesTo: string;
}

export interface PoliciesView {
  /** Those rewarding the current or next level. */
  matched: PolicyView[];
  /** 相关政策: the region's others, with no reward for either level. */
  related: PolicyView[];
}

export interface AppendixRow {
  requirementId: string;
  item: string;
  level: string;
  grade: string;
  /** The raw grade, for colouring. */
  code: Grade;
}

export interface ChartData {
  radar: { indicators: string[]; series: { name: string; values: (number | null)[] }[] };
  subdomains: { title: string; names: string[]; values: (number | null)[] };
  levels: { title: string; names: string[]; values: number[]; reached: boolean[] };
  radarTitle: string;
  threshold: string;
}

export interface ReportView {
  kind: 'self_diagnosis';
  language: ReportLanguage;
  labels: ReportLabels;
  title: string;
  cover: {
    title: string;
    subtitle: string;
    enterprise: Field[];
    levelLabel: string;
    levelName: string;
    details: Field[];
    verifyUrl: string | null;
    verifyText: string;
  };
  /** Shown in the running header. */
  headerText: string;
  summary: {
    level: number;
    levelName: string;
    characteristics: string;
    totalScore: string;
    displayIndex: string;
    levelScores: LevelScoreRow[];
    scope: Field[];
    disclaimer: string;
  };
  charts: ChartData;
  scores: {
    levels: string[];
    weightNote: string;
    elements: NodeRow[];
    domains: NodeRow[];
    subdomains: NodeRow[];
  };
  strengths: { rows: RequirementRow[]; note: string };
  weaknesses: { rows: RequirementRow[]; note: string };
  gap: {
    intro: string;
    facts: Field[];
    improvementsIntro: string;
    improvements: ImprovementRow[];
    holdingIntro: string;
    holding: HoldingRow[];
  } | null;
  roadmap: RoadmapView[];
  /** null when the caller gave no profile. */
  profile: ProfileReportView | null;
  peers: { rows: { label: string; peers: string; percentile: string; text: string }[]; note: string | null };
  policies: PoliciesView;
  appendix: { intro: string; rows: AppendixRow[] };
}

/** How many strengths and weak points the body lists (all answers are in the appendix). */
export const LISTED_REQUIREMENTS = 30;
/** How many holding requirements the gap section lists. */
export const LISTED_HOLDING = 15;
/** How many of a pattern's subdomains (weakest first). */
export const ROADMAP_SUBDOMAINS = 6;

const RANK: Record<Grade, number> = { FI: 0, LI: 1, PI: 2, NI: 3, NA: 4 };

export function buildReportView(input: ReportInput): ReportView {
  const { result, edition, answers, enterprise, language } = input;
  const L = LABELS[language];
  const zh = language === 'zh-CN';
  const translated = !zh && !!input.translationNotice;
  const index = editionIndex(edition);
  const nodeName = (id: string) => index.name(id) ?? '';
  const idOf = (r: IndexedRequirement) => r.requirement.id;
  const def = (level: number) => edition.levels.find((l) => l.level === level);
  /** 二级（规范级） in Chinese; "Level 2 · Standardized (二级（规范级）)" in English. */
  const levelTitle = (level: number): string => {
    const d = def(level);
    if (!d) return zh ? result.levelName : translated ? L.belowLevel1 : `${L.belowLevel1} (${result.levelName})`;
    const cn = `${d.label}（${d.name}）`;
    if (zh) return cn;
    // A translated edition names its levels in English; otherwise the Chinese follows in brackets.
    return translated ? `Level ${level} – ${d.name}` : `Level ${level} – ${L.levelNames[level] ?? d.name} (${cn})`;
  };
  const shortLevel = (level: number): string => (zh ? (def(level)?.label ?? `${level}级`) : `L${level}`);
  // A translated edition names the enterprise types itself; otherwise the labels (English with the Chinese beside it).
  const enterpriseTypeName = (translated ? edition.enterpriseTypes.find((t) => t.id === result.enterpriseType)?.name : undefined) ?? L.enterpriseTypes[result.enterpriseType];
  const provided = (s: string | undefined) => (s && s.trim() ? s.trim() : L.notProvided);
  const grade = (g: Grade) => L.grades[g];

  // ---- cover and summary
  const levelName = levelTitle(result.level);
  const evaluated = ([1, 2, 3, 4, 5] as const).filter((l) => result.breakdown[`${l}`] !== undefined);
  const levelScores: LevelScoreRow[] = evaluated.map((l) => {
    const b = result.breakdown[`${l}`]!;
    return { level: l, name: levelTitle(l), score: floorFraction(b.scoreExact), reached: b.reached, status: b.reached ? L.reached : L.notReached };
  });
  const tailoredNames = result.tailored.map((id) => `${id} ${nodeName(id)}`);
  // A part excluded with its domain (物流 under 物流) is named once, with the domain.
  const excluded = Object.entries(result.excluded)
    .filter(([id]) => {
      const parent = index.parent(id);
      return !parent || !Object.hasOwn(result.excluded, parent.node.id);
    })
    .map(([id, why]) => (zh ? `${id} ${nodeName(id)}（${why === 'tailored' ? L.excludedTailored : L.excludedNotAssessed}）` : `${id} ${nodeName(id)} (${why === 'tailored' ? L.excludedTailored : L.excludedNotAssessed})`));
  const editionText = translated ? `${edition.standard} ${edition.title}` : `${edition.standard}《${edition.title}》`;
  const cover: ReportView['cover'] = {
    title: L.reportTitle,
    subtitle: `${L.reportSubtitle} · ${edition.standard}`,
    enterprise: [
      { label: L.enterpriseName, value: provided(enterprise.name) },
      { label: L.creditCode, value: provided(enterprise.creditCode) },
      { label: L.industry, value: provided(enterprise.industryName) },
      { label: L.region, value: provided(enterprise.regionPath) },
      { label: L.enterpriseType, value: enterpriseTypeName },
    ],
    levelLabel: L.maturityLevel,
    levelName,
    details: [
      { label: L.issuedAt, value: formatDate(input.issuedAt, language) },
      { label: L.reportNumber, value: input.reportNumber },
      { label: L.modelEdition, value: editionText },
      ...(edition.basedOn?.length ? [{ label: L.basedOn, value: edition.basedOn.join(zh ? '、' : ', ') }] : []),
      ...(translated ? [{ label: L.translation, value: input.translationNotice! }] : []),
    ],
    verifyUrl: input.verifyUrl ? input.verifyUrl : null,
    verifyText: input.verifyUrl ? L.verify : L.noVerify,
  };

  // ---- score tables: one column per evaluated level; weights at the reference level
  const target = result.gap?.targetLevel ?? null;
  const reference = target ?? evaluated[evaluated.length - 1] ?? 1;
  const refBreakdown = result.breakdown[`${reference}`];
  const perLevel = evaluated.map((l) => result.breakdown[`${l}`]!);
  const elements: NodeRow[] = [];
  const domains: NodeRow[] = [];
  const subdomains: NodeRow[] = [];
  (refBreakdown?.elements ?? []).forEach((e, ei) => {
    elements.push({ id: e.id, name: e.name, weight: percent(e.weight), depth: 1, scores: perLevel.map((b) => nodeScore(b.elements[ei]!.score)) });
    e.domains.forEach((d, di) => {
      domains.push({ id: d.id, name: d.name, weight: percent(d.weight), depth: 2, scores: perLevel.map((b) => nodeScore(b.elements[ei]!.domains[di]!.score)) });
      d.subdomains.forEach((s, si) => {
        subdomains.push({
          id: s.id,
          name: s.name,
          weight: percent(s.weight),
          depth: 3,
          scores: perLevel.map((b) => nodeScore(b.elements[ei]!.domains[di]!.subdomains[si]!.score)),
        });
      });
    });
  });

  // ---- charts: elements at the current and target levels; subdomains at the target level
  const radarLevels = [result.level, target].filter((l): l is MaturityLevel => typeof l === 'number' && l >= 1);
  if (!radarLevels.length) radarLevels.push(reference as MaturityLevel);
  const radarSeries = radarLevels.map((l) => ({
    name: levelTitle(l),
    values: (result.breakdown[`${l}`]?.elements ?? []).map((e) => e.score),
  }));
  const chartSubdomains = (refBreakdown?.elements ?? []).flatMap((e) => e.domains.flatMap((d) => d.subdomains));
  const charts: ChartData = {
    radarTitle: L.radarTitle(radarLevels.map(shortLevel).join(zh ? '、' : ', ')),
    radar: { indicators: (refBreakdown?.elements ?? []).map((e) => e.name), series: radarSeries },
    subdomains: {
      title: L.subdomainChartTitle(levelTitle(reference)),
      names: chartSubdomains.map((s) => s.name),
      values: chartSubdomains.map((s) => s.score),
    },
    levels: {
      title: L.levelChartTitle,
      names: evaluated.map(shortLevel),
      values: evaluated.map((l) => result.breakdown[`${l}`]!.score),
      reached: evaluated.map((l) => result.breakdown[`${l}`]!.reached),
    },
    threshold: L.threshold,
  };

  // ---- strengths and weak points: requirements of the levels up to the target level
  const upTo = target ?? 5;
  const answered = index.requirements.filter((r) => r.level <= upTo && answers[idOf(r)] !== undefined);
  const answerOf = (r: IndexedRequirement) => answers[idOf(r)]!;
  const row = (r: IndexedRequirement): RequirementRow => ({
    requirementId: idOf(r),
    level: shortLevel(r.level),
    subdomain: r.subdomain.name,
    item: r.item.name,
    text: r.requirement.text,
    grade: grade(answerOf(r)),
  });
  const strong = answered
    .filter((r) => answerOf(r) === 'FI' || answerOf(r) === 'LI')
    .sort((a, b) => b.level - a.level || RANK[answerOf(a)] - RANK[answerOf(b)] || a.order - b.order);
  const weak = answered
    .filter((r) => answerOf(r) === 'PI' || answerOf(r) === 'NI')
    .sort((a, b) => a.level - b.level || RANK[answerOf(b)] - RANK[answerOf(a)] || a.order - b.order);
  const listed = (rows: IndexedRequirement[]) => ({
    rows: rows.slice(0, LISTED_REQUIREMENTS).map(row),
    note: rows.length ? L.listed(Math.min(rows.length, LISTED_REQUIREMENTS), rows.length) : L.noneFound,
  });

  // ---- gap to the next level
  const textOf = (id: string) => index.requirement(id)?.requirement.text ?? '';
  const subName = (id: string) => `${id} ${nodeName(id)}`;
  const gap: ReportView['gap'] = result.gap
    ? {
        intro: L.gapIntro(levelTitle(result.gap.targetLevel)),
        facts: [
          { label: L.targetLevel, value: levelTitle(result.gap.targetLevel) },
          { label: L.levelScore, value: floorFraction(result.breakdown[`${result.gap.targetLevel}`]?.scoreExact ?? '0') },
          { label: L.shortfall, value: shortfallText(result.breakdown[`${result.gap.targetLevel}`]?.scoreExact ?? '0') },
          { label: L.scoreAfter, value: floorFraction(decimalFraction(result.gap.scoreAfter)) },
        ],
        improvementsIntro: L.improvementsIntro(result.gap.improvements.length),
        improvements: result.gap.improvements.map((i) => ({
          requirementId: i.requirementId,
          subdomain: subName(i.subdomainId),
          text: textOf(i.requirementId),
          change: `${grade(i.from)} → ${grade(i.to)}`,
          gain: gainText(i.gain),
        })),
        holdingIntro: L.holdingIntro(Math.min(LISTED_HOLDING, result.gap.holding.length), result.gap.holding.length),
        holding: result.gap.holding.slice(0, LISTED_HOLDING).map((h) => ({
          requirementId: h.requirementId,
          subdomain: subName(h.subdomainId),
          text: textOf(h.requirementId),
          grade: grade(h.grade),
          effect: gainText(h.effect),
        })),
      }
    : null;

  // ---- roadmap, peers, policies (the roadmap and policies as given: the report only renders them)
  const roadmap = input.roadmap.map((r) => roadmapView(r));
  const withPercentile = (input.peers ?? []).filter((p) => p.percentile !== null && p.peers >= 5);
  const tooFew = (input.peers ?? []).filter((p) => !withPercentile.includes(p));
  const groupName = (p: PeerGroupInput) => (zh ? `${p.group === 'industry' ? L.industryGroup : L.regionGroup}（${p.label}）` : `${p.group === 'industry' ? L.industryGroup : L.regionGroup} (${p.label})`);
  const peers: ReportView['peers'] = {
    rows: withPercentile.map((p) => {
      const pct = fixed(p.percentile!, 0);
      return { label: groupName(p), peers: `${p.peers}`, percentile: pct, text: L.percentileText(pct) };
    }),
    note: input.peers === undefined || input.peers.length === 0 ? L.peersNone : tooFew.length ? L.peersTooFew(tooFew.map(groupName).join(zh ? '、' : ', ')) : null,
  };
  const policies: PoliciesView = {
    matched: input.policies.filter((p) => p.applies !== 'related').map((p) => policyView(p)),
    related: input.policies.filter((p) => p.applies === 'related').map((p) => policyView(p)),
  };

  // ---- appendix: every answer, in the edition's order
  const appendixRows: AppendixRow[] = index.requirements
    .filter((r) => answers[idOf(r)] !== undefined)
    .map((r) => ({ requirementId: idOf(r), item: r.item.name, level: shortLevel(r.level), grade: grade(answerOf(r)), code: answerOf(r) }));

  return {
    kind: 'self_diagnosis',
    language,
    labels: L,
    title: `${L.reportTitle} · ${provided(enterprise.name)}`,
    cover,
    headerText: `${provided(enterprise.name)} · ${L.reportNumber} ${input.reportNumber}`,
    summary: {
      level: result.level,
      levelName,
      characteristics: def(result.level)?.characteristics ?? L.characteristicsNone,
      totalScore: floorFraction(result.totalScoreExact),
      displayIndex: floorFraction(times(result.totalScoreExact, 20)),
      levelScores,
      scope: [
        { label: L.enterpriseType, value: enterpriseTypeName },
        { label: L.tailored, value: tailoredNames.length ? tailoredNames.join(zh ? '、' : ', ') : L.none },
        { label: L.excluded, value: excluded.length ? excluded.join(zh ? '、' : ', ') : L.none },
        { label: L.modelEdition, value: editionText },
      ],
      disclaimer: translated ? `${L.disclaimer} ${input.translationNotice!}` : L.disclaimer,
    },
    charts,
    scores: { levels: evaluated.map(shortLevel), weightNote: `${L.weightNote(levelTitle(reference))}${L.absentNote}`, elements, domains, subdomains },
    strengths: listed(strong),
    weaknesses: listed(weak),
    gap,
    roadmap,
    profile: input.profile ? profileReportView(input.profile, input.views ?? [], language) : null,
    peers,
    policies,
    appendix: { intro: L.appendixIntro(appendixRows.length), rows: appendixRows },
  };

  function roadmapView(r: RoadmapEntry): RoadmapView {
    return {
      name: r.name,
      reason: r.reason,
      subdomains: r.subdomains.slice(0, ROADMAP_SUBDOMAINS).map((s) => (zh ? `${s.name}（${L.levelScore} ${nodeScore(s.score)}，${L.weight} ${percent(s.weight)}）` : `${s.name} (${L.levelScore} ${nodeScore(s.score)}, ${L.weight} ${percent(s.weight)})`)),
      path: r.path,
      targets: r.targets,
      case: r.case
        ? {
            enterprise: r.case.enterprise,
            summary: r.case.summary,
            kpis: r.case.kpis.map((k) => ({ name: k.name, before: k.before ?? '—', after: k.after ?? '—', change: k.change ?? '—' })),
          }
        : null,
    };
  }

  function policyView(p: PolicyMatch): PolicyView {
    return {
      scope: L.policyScope[p.scope],
      region: p.region,
      document: p.document,
      reward: p.reward,
      levels: p.levels.map((l) => levelTitle(l)).join(zh ? '、' : ', '),
      appliesTo: p.applies === 'current' ? L.forCurrentLevel : p.applies === 'next' ? L.forNextLevel : '',
    };
  }
}

/** An exact fraction string times an integer. */
function times(exact: string, k: number): string {
  const [p = '0', q = '1'] = exact.split('/');
  return `${BigInt(p) * BigInt(k)}/${q}`;
}

/** A finite double as an exact decimal fraction string (its shortest round-trip form). */
function decimalFraction(x: number): string {
  const [mantissa = '0', exp = '0'] = x.toExponential().split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  const digits = BigInt(`${int}${frac}`);
  const e = Number(exp) - frac.length;
  return e >= 0 ? `${digits * 10n ** BigInt(e)}` : `${digits}/${10n ** BigInt(-e)}`;
}
