// 查看结果: the stored result, strengths and weak points with the requirement texts, and the position
// among peers (same industry major category; same province), hidden below 5 peers.
import type { Grade } from '@cmmm/db';
import { parseStoredResult } from '@cmmm/contract';
import { editionIndex, requireEdition } from '@cmmm/model';
import { findIndustry, findRegion, industryNameEn, regionNameEn } from '@cmmm/reference';
import { capabilityProfileFor, policiesFor, roadmapFor, viewsReadinessFor } from '@cmmm/advice';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';
import { peerStandingOf, percentileOf } from '../statistics/peer-standing.ts';
import { readableDiagnosis } from './load-diagnosis.ts';
import { localiseScoreResult, modelText, type Lang, type ModelText } from '../platform/model-text.ts';
import { summaryOf, validResultIdOf } from './views.ts';

interface RequirementNote {
  requirementId: string;
  level: number;
  subdomainId: string;
  subdomainName: string;
  itemName: string;
  text: string;
  /** The Chinese original, when `text` is a translation. */
  textZh?: string;
  grade: Grade;
}

/** Share of peers scoring lower (ties count half), 0–100; null below MIN_PEERS (scores in hand; the page counts in the database). */
export function percentileAmong(score: number, peers: readonly number[]): number | null {
  return percentileOf({ n: peers.length, below: peers.filter((s) => s < score).length, equal: peers.filter((s) => s === score).length });
}

/** 查看结果, in Chinese or (lang=en) with the model's text in its unofficial English translation. */
export async function readSelfDiagnosisResult(ctx: ServiceContext, actor: Actor | null, { id, lang = 'zh-CN' }: { id: string; lang?: Lang }) {
  const gathered = await gatherResult(ctx, await readableDiagnosis(ctx, actor, id));
  const { diagnosis, result, strengths, weakPoints, roadmap, policies, peers, profile, views, translation } = localiseResult(gathered, modelText(gathered.edition.id, lang));
  return { diagnosis, result, strengths, weakPoints, roadmap, policies, peers, profile, views, ...(translation ? { translation } : {}) };
}

type Gathered = Awaited<ReturnType<typeof gatherResult>>;

/**
 * The model's names and texts of a gathered result in the reader's language: node names, requirement
 * texts (each with its Chinese original, `textZh`), application views, the peers' industry and
 * province. Advice texts (roadmap patterns, cases, policies) stay Chinese: they are not model text.
 */
export function localiseResult(g: Gathered, text: ModelText) {
  if (!text.translation) return { ...g, translation: null };
  const index = editionIndex(g.edition);
  const requirement = <T extends { requirementId: string; text: string }>(r: T): T & { textZh: string } => ({ ...r, text: text.requirement(r.requirementId, r.text), textZh: r.text });
  const named = <T extends { id: string; name: string }>(node: T): T => ({ ...node, name: text.name(node.id, node.name) });
  const note = (n: RequirementNote): RequirementNote => {
    const item = index.requirement(n.requirementId)?.item;
    return { ...requirement(n), subdomainName: text.name(n.subdomainId, n.subdomainName), itemName: item ? text.name(item.id, n.itemName) : n.itemName };
  };
  const [industry, region] = g.peers;
  return {
    ...g,
    translation: text.translation,
    result: localiseScoreResult(g.result, g.edition, text),
    strengths: g.strengths.map(note),
    weakPoints: g.weakPoints.map(note),
    roadmap: g.roadmap.map((entry) => ({ ...entry, subdomains: entry.subdomains.map(named), targets: entry.targets.map(requirement) })),
    profile: { ...g.profile, domains: g.profile.domains.map((d) => ({ ...named(d), subdomains: d.subdomains.map(named) })) },
    views: g.views.map((v) => ({
      ...v,
      ...text.view(v.id, { name: v.name, focus: v.focus }),
      subdomains: v.subdomains.map((s) => ({ ...named(s), levels: s.levels.map((l) => ({ ...l, missing: l.missing.map(requirement) })) })),
    })),
    peers: [
      { ...industry!, label: industryNameEn(industry!.code) ?? industry!.label },
      { ...region!, label: regionNameEn(`${region!.code}0000`) ?? region!.label },
    ],
  };
}

/** Everything the result page and the report show, gathered once (the caller has authorized). */
export async function gatherResult(ctx: ServiceContext, row: SelfDiagnosisRow) {
  const id = row.id;
  if (row.status !== 'completed' || !row.result) throw new AppError('NOT_COMPLETED');
  const result = parseStoredResult(row.result);
  const answers = await ctx.repos.selfDiagnoses.listAnswers(id);
  const evaluated = new Set(Object.keys(result.breakdown).map(Number));
  const edition = requireEdition(row.edition_id);
  const notes: RequirementNote[] = editionIndex(edition).requirements.flatMap(({ requirement: r, item, subdomain: s, level }) => {
    const grade = answers[r.id];
    return grade && evaluated.has(level) && !result.excluded[s.id] ? [{ requirementId: r.id, level, subdomainId: s.id, subdomainName: s.name, itemName: item.name, text: r.text, grade }] : [];
  });

  const enterprise = (await ctx.repos.enterprises.findEnterpriseById(row.enterprise_id))!;
  const industryMajor = enterprise.industry_code.slice(0, 2);
  const province = enterprise.region_code.slice(0, 2);
  const standing = { enterpriseId: row.enterprise_id, score: row.total_score ?? 0 };
  const industryPeers = await peerStandingOf(ctx, standing, 'industry_major', industryMajor);
  const regionPeers = await peerStandingOf(ctx, standing, 'province', province);

  const all = await ctx.repos.selfDiagnoses.listSelfDiagnoses(row.enterprise_id);
  const profile = capabilityProfileFor(result, answers, edition);
  return {
    diagnosis: summaryOf(row, validResultIdOf(all)),
    enterprise,
    answers,
    edition,
    result,
    strengths: notes.filter((n) => n.grade === 'FI' || n.grade === 'LI'),
    weakPoints: notes.filter((n) => n.grade === 'PI' || n.grade === 'NI'),
    roadmap: roadmapFor(result, edition),
    policies: policiesFor(enterprise.region_code, result.level),
    profile,
    views: viewsReadinessFor(profile, answers, edition),
    peers: [
      { group: 'industry' as const, code: industryMajor, label: findIndustry(industryMajor)?.name ?? industryMajor, ...industryPeers },
      { group: 'region' as const, code: province, label: findRegion(`${province}0000`)?.region.name ?? province, ...regionPeers },
    ],
  };
}
