// 演示数据: clearly labelled demo enterprises across industries and regions, each with a completed
// self-diagnosis scored by the engine, drawn so that levels follow seed 002's national distribution
// (69% at 一级 or below, 15% 二级, 7% 三级, 9% 四级 and above). `clearDemoData` removes exactly them.
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type Grade } from '@cmmm/model';
import { creditCodeCheckCharacter, findIndustry, suggestedEnterpriseType } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { hashPassword } from '../../security/passwords.ts';
import { newId } from '../../security/tokens.ts';

export const DEMO_LABEL = '演示数据';

/** Target level → share of enterprises (seed 002: 69% ≤ 一级, 15% 二级, 7% 三级, 9% ≥ 四级). */
const LEVEL_SHARES: readonly [number, number][] = [
  [0, 0.24],
  [1, 0.45],
  [2, 0.15],
  [3, 0.07],
  [4, 0.06],
  [5, 0.03],
];

const INDUSTRIES = ['131', '151', '223', '251', '261', '271', '292', '301', '311', '331', '342', '351', '367', '382', '392', '401'];
const REGIONS = ['110108', '310115', '370202', '360111', '140105', '150105', '640104', '320214', '320213', '440305', '320583', '320571', '330106', '420111', '510107', '120116'];

/** Small deterministic PRNG (mulberry32): the same seed gives the same data (demo data, benches). */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickTarget(random: () => number): number {
  let x = random();
  for (const [level, share] of LEVEL_SHARES) {
    if ((x -= share) < 0) return level;
  }
  return 0;
}

/** Answers that reach the levels up to `target` and fall short at the next one. */
function answersFor(target: number, random: () => number): Record<string, Grade> {
  const edition = requireEdition(DEFAULT_EDITION_ID);
  const answers: Record<string, Grade> = {};
  for (const { requirement: r, level } of editionIndex(edition).requirements) {
    const x = random();
    answers[r.id] = level <= target ? (x < 0.6 ? 'FI' : x < 0.95 ? 'LI' : 'PI') : x < 0.2 ? 'FI' : x < 0.5 ? 'LI' : x < 0.8 ? 'PI' : 'NI';
  }
  return answers;
}

function creditCode(region: string, n: number): string {
  const first17 = `91${region}DEMO${String(n).padStart(5, '0')}`.replace(/[IOSVZ]/g, 'X').slice(0, 17);
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

export interface DemoSeedOutcome {
  enterprises: number;
  levels: Record<string, number>;
}

export async function seedDemoData(ctx: ServiceContext, options: { enterprises: number; seed?: number }): Promise<DemoSeedOutcome> {
  const random = prng(options.seed ?? 20261121);
  const passwordHash = await hashPassword(`demo-${newId()}`); // demo accounts cannot be logged into
  const levels: Record<string, number> = {};
  let serial = await ctx.repos.enterprises.countDemoEnterprises();
  for (let i = 0; i < options.enterprises; i++) {
    serial += 1;
    const industryCode = INDUSTRIES[Math.floor(random() * INDUSTRIES.length)]!;
    const regionCode = REGIONS[Math.floor(random() * REGIONS.length)]!;
    const enterpriseType = suggestedEnterpriseType(industryCode) ?? 'discrete';
    const target = pickTarget(random);
    const answers = answersFor(target, random);
    const result = assess({ enterpriseType, tailored: [], answers });
    if (!result.ok) throw new Error(`demo scoring failed: ${result.issues[0]?.message}`);
    const score = result.value;
    levels[score.level] = (levels[score.level] ?? 0) + 1;
    const enterpriseId = newId();
    const industryName = findIndustry(industryCode)?.name ?? '制造';
    const completedAt = new Date(ctx.now().getTime() - Math.floor(random() * 365) * 86_400_000);
    await ctx.transaction(async (tx) => {
      await tx.repos.enterprises.insertEnterprise({
        id: enterpriseId,
        name: `${DEMO_LABEL}·${industryName}示范企业${serial}号`,
        creditCode: creditCode(regionCode, serial),
        organisationType: 'independent',
        parentName: null,
        industryCode,
        regionCode,
        enterpriseType,
        contactName: DEMO_LABEL,
        contactMobile: '13800000000',
        subPlatformCode: null,
        isDemo: true,
      });
      await tx.repos.accounts.insertAccount({
        id: newId(),
        username: `demo-${serial}-${enterpriseId.slice(0, 8)}`,
        passwordHash,
        displayName: DEMO_LABEL,
        mobile: null,
        role: 'enterprise_user',
        enterpriseId,
        isDemo: true,
      });
      await tx.repos.assessments.insertCompletedAssessment({ id: newId(), enterpriseId, result: score, answers, completedAt, isDemo: true });
    });
  }
  return { enterprises: options.enterprises, levels };
}

export async function clearDemoData(ctx: ServiceContext): Promise<{ enterprises: number; accounts: number }> {
  return ctx.transaction((tx) => tx.repos.enterprises.deleteDemoData()); // assessments cascade
}
