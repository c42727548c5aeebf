// A realistic self-diagnosis for the report tests: 离散型, 销售 (M4) tailored, a few 物流 (M3)
// requirements answered 企业不涉及 (NA); levels 1–2 mostly met, level 3 partly, 4–5 little.
import { capabilityProfileFor, policiesFor, roadmapFor, viewsReadinessFor } from '@cmmm/advice';
import { assess, editionIndex, requireEdition, type Grade, type ScoreResult } from '@cmmm/model';
import type { ReportInput } from '../src/report-view.ts';

export const edition = requireEdition();

/** Deterministic answers: a fixed pattern per level, varied by position. */
export function sampleAnswers(): Record<string, Grade> {
  const answers: Record<string, Grade> = {};
  let n = 0;
  for (const { requirement: r, domain: d, subdomain: s, item: i } of editionIndex(edition).requirements) {
    n++;
    if (d.id === 'M4') continue; // tailored
    if (s.id === 'M3-1' && i.id.endsWith('.5')) {
      answers[r.id] = 'NA';
      continue;
    }
    const pattern: Record<number, Grade[]> = {
      1: ['FI', 'FI', 'LI', 'FI', 'LI', 'FI', 'PI'],
      2: ['LI', 'FI', 'LI', 'LI', 'PI', 'FI', 'LI'],
      3: ['PI', 'LI', 'PI', 'NI', 'LI', 'PI', 'FI'],
      4: ['NI', 'PI', 'NI', 'NI', 'PI', 'NI', 'NI'],
      5: ['NI', 'NI', 'NI', 'PI', 'NI', 'NI', 'NI'],
    };
    const row = pattern[r.level]!;
    answers[r.id] = row[n % row.length]!;
  }
  return answers;
}

export const sampleInput = () => ({ enterpriseType: 'discrete' as const, tailored: ['M4'], answers: sampleAnswers() });

export function sampleResult(): ScoreResult {
  const r = assess(sampleInput());
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

/** What the server passes: the roadmap and policies it computed once for the result page. */
export function sampleReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const result = sampleResult();
  return {
    result,
    edition,
    answers: sampleAnswers(),
    enterprise: {
      name: '无锡精工智造科技有限公司',
      creditCode: '91320214MA1XYZ1234',
      industryName: 'C34 通用设备制造业',
      regionPath: '江苏省 / 无锡市 / 新吴区',
      enterpriseType: 'discrete',
    },
    reportNumber: 'CMMM-2026-000123',
    issuedAt: new Date('2026-11-22T02:00:00Z'),
    verifyUrl: 'https://cmmm.example.cn/verify/CMMM-2026-000123',
    peers: [
      { group: 'industry', label: 'C34 通用设备制造业', peers: 37, percentile: 68 },
      { group: 'region', label: '江苏省无锡市新吴区', peers: 3, percentile: null },
    ],
    roadmap: roadmapFor(result, edition),
    policies: policiesFor('320214', result.level), // 无锡市新吴区
    ...profileAndViews(result),
    language: 'zh-CN',
    ...overrides,
  };
}

/** 能力度等级 and the application views, as the result page computes them. */
export function profileAndViews(result: ScoreResult, answers: Record<string, Grade> = sampleAnswers()): Pick<ReportInput, 'profile' | 'views'> {
  const profile = capabilityProfileFor(result, answers, edition);
  return { profile, views: viewsReadinessFor(profile, answers, edition) };
}
