// 查看结果: the stored result, strengths and weak points with the requirement texts, and the position
// among peers (same industry major category; same province), hidden below 5 peers.
import type { Grade } from '@cmmm/db';
import { parseStoredResult } from '@cmmm/contract';
import { editionIndex, requireEdition } from '@cmmm/model';
import { findIndustry, findRegion } from '@cmmm/reference';
import { capabilityProfileFor, policiesFor, roadmapFor, viewsReadinessFor } from '@cmmm/advice';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';
import { peerStandingOf, percentileOf } from '../statistics/peer-standing.ts';
import { readableDiagnosis } from './load-diagnosis.ts';
import { summaryOf, validResultIdOf } from './views.ts';

interface RequirementNote {
  requirementId: string;
  level: number;
  subdomainId: string;
  subdomainName: string;
  itemName: string;
  text: string;
  grade: Grade;
}

/** Share of peers scoring lower (ties count half), 0–100; null below MIN_PEERS (scores in hand; the page counts in the database). */
export function percentileAmong(score: number, peers: readonly number[]): number | null {
  return percentileOf({ n: peers.length, below: peers.filter((s) => s < score).length, equal: peers.filter((s) => s === score).length });
}

/** 查看结果. */
export async function readSelfDiagnosisResult(ctx: ServiceContext, actor: Actor | null, { id }: { id: string }) {
  const { diagnosis, result, strengths, weakPoints, roadmap, policies, peers, profile, views } = await gatherResult(ctx, await readableDiagnosis(ctx, actor, id));
  return { diagnosis, result, strengths, weakPoints, roadmap, policies, peers, profile, views };
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
      { group: 'industry' as const, label: findIndustry(industryMajor)?.name ?? industryMajor, ...industryPeers },
      { group: 'region' as const, label: findRegion(`${province}0000`)?.region.name ?? province, ...regionPeers },
    ],
  };
}
