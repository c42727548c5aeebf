// 查看结果: the stored result, strengths and weak points with the requirement texts, and the position
// among peers (same industry major category; same province), hidden below 5 peers.
import type { Grade } from '@cmmm/db';
import { requireEdition, type ScoreResult } from '@cmmm/model';
import { findIndustry, findRegion } from '@cmmm/reference';
import { policiesFor, roadmapFor } from '@cmmm/report';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy.ts';
import { findEnterpriseById } from '../../repositories/enterprises.ts';
import { latestCompletedAmongPeers, listAnswers, listSelfDiagnoses } from '../../repositories/self-diagnoses.ts';
import { readableDiagnosis } from './access.ts';
import { summaryOf, validResultIdOf } from './views.ts';

export const MIN_PEERS = 5;

interface RequirementNote {
  requirementId: string;
  level: number;
  subdomainId: string;
  subdomainName: string;
  itemName: string;
  text: string;
  grade: Grade;
}

/** Share of peers scoring lower (ties count half), 0–100; null below MIN_PEERS. */
export function percentileAmong(score: number, peers: readonly number[]): number | null {
  if (peers.length < MIN_PEERS) return null;
  const below = peers.filter((s) => s < score).length;
  const equal = peers.filter((s) => s === score).length;
  return Math.round(((below + equal / 2) / peers.length) * 1000) / 10;
}

export async function selfDiagnosisResult(ctx: ServiceContext, actor: Actor | null, id: string) {
  const row = await readableDiagnosis(ctx, actor, id);
  if (row.status !== 'completed' || !row.result) throw new AppError('NOT_COMPLETED');
  const result = row.result as unknown as ScoreResult;
  const answers = await listAnswers(ctx.db, id);
  const evaluated = new Set(Object.keys(result.breakdown).map(Number));
  const notes: RequirementNote[] = [];
  const edition = requireEdition(row.edition_id);
  for (const e of edition.elements)
    for (const d of e.domains)
      for (const s of d.subdomains)
        for (const item of s.items)
          for (const r of item.requirements) {
            const grade = answers[r.id];
            if (grade && evaluated.has(r.level) && !result.excluded[s.id]) {
              notes.push({ requirementId: r.id, level: r.level, subdomainId: s.id, subdomainName: s.name, itemName: item.name, text: r.text, grade });
            }
          }

  const enterprise = (await findEnterpriseById(ctx.db, row.enterprise_id))!;
  const industryMajor = enterprise.industry_code.slice(0, 2);
  const province = enterprise.region_code.slice(0, 2);
  const others = (await latestCompletedAmongPeers(ctx.db, industryMajor, province)).filter((p) => p.enterprise_id !== row.enterprise_id && p.total_score !== null);
  const industryPeers = others.filter((p) => p.industry_code.startsWith(industryMajor)).map((p) => p.total_score!);
  const regionPeers = others.filter((p) => p.region_code.startsWith(province)).map((p) => p.total_score!);
  const score = row.total_score ?? 0;

  const all = await listSelfDiagnoses(ctx.db, row.enterprise_id);
  return {
    diagnosis: summaryOf(row, validResultIdOf(all)),
    result,
    strengths: notes.filter((n) => n.grade === 'FI' || n.grade === 'LI'),
    weakPoints: notes.filter((n) => n.grade === 'PI' || n.grade === 'NI'),
    roadmap: roadmapFor(result, edition),
    policies: policiesFor(enterprise.region_code, result.level),
    peers: [
      { group: 'industry' as const, label: findIndustry(industryMajor)?.name ?? industryMajor, peers: industryPeers.length, percentile: percentileAmong(score, industryPeers) },
      { group: 'region' as const, label: findRegion(`${province}0000`)?.region.name ?? province, peers: regionPeers.length, percentile: percentileAmong(score, regionPeers) },
    ],
  };
}
