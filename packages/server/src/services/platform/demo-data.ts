// 演示数据: clearly labelled demo enterprises across industries and regions, each with a completed
// self-diagnosis scored by the engine, drawn so that levels follow seed 002's national distribution
// (69% at 一级 or below, 15% 二级, 7% 三级, 9% 四级 and above). `clearDemoData` removes exactly them.
import { INFORMATION_SYSTEMS, PRODUCTION_MODES, REVENUE_BANDS, type ScoreResult, type Survey } from '@cmmm/contract';
import { assess, DEFAULT_EDITION_ID, editionIndex, requireEdition, type EnterpriseType, type Grade } from '@cmmm/model';
import { creditCodeCheckCharacter, findIndustry, industries, regionTree, suggestedEnterpriseType, type RegionNode } from '@cmmm/reference';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { hashPassword } from '../../security/passwords.ts';
import { newId } from '../../security/tokens.ts';
import { TRAINING_ISSUER, TRAINING_VALIDITY_YEARS, yearsAfter } from '../assessors/qualification-rules.ts';
import type { DemoEnterpriseDraw } from '../../repositories/demo-data.ts';
import { monthOf, nodeScoresOf, scoreE9Of } from '../statistics/diagnosis-facts.ts';
import { recordDiagnosisResult } from '../statistics/record-diagnosis-result.ts';
import { rebuildWeakSubdomains, weakCounting } from '../statistics/weak-subdomain-aggregate.ts';

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

/** How common each system is among demo enterprises at 一级 (more common the higher the level). */
const SYSTEM_USE: Record<(typeof INFORMATION_SYSTEMS)[number], number> = {
  ERP: 0.55, MES: 0.2, PLM_PDM: 0.15, SCM: 0.1, CRM: 0.25, WMS: 0.2, EAM: 0.08, APS: 0.05, QMS: 0.15, EMS: 0.08, SCADA_DCS: 0.1, OA: 0.6,
};

/** A 调查问卷 of an enterprise at `level`: more systems and more networked, numerically controlled equipment the higher the level. */
export function demoSurveyFor(level: number, random: () => number): Survey {
  const lift = 0.6 + level * 0.3;
  const share = (base: number, step: number) => Math.max(0, Math.min(100, Math.round(base + level * step + (random() - 0.5) * 30)));
  return {
    employees: 20 + Math.floor(random() * 2000),
    revenueBand: REVENUE_BANDS[Math.min(REVENUE_BANDS.length - 1, Math.floor(random() * 3) + Math.floor(level / 2))]!,
    mainProducts: '演示产品',
    productionMode: PRODUCTION_MODES[Math.floor(random() * PRODUCTION_MODES.length)]!,
    informationSystems: INFORMATION_SYSTEMS.filter((s) => random() < Math.min(0.97, SYSTEM_USE[s] * lift)),
    networkedEquipmentShare: share(15, 14),
    ncEquipmentShare: share(25, 12),
  };
}

/**
 * The certified level of a demo enterprise whose self-diagnosis reached `level`, or null (most have none): some
 * from 二级 up hold a certificate, often a level below their self-diagnosis (self-assessment tends to be optimistic).
 */
export function demoCertificateLevel(level: number, random: () => number): number | null {
  if (level < 2 || random() >= 0.15) return null;
  const x = random();
  return Math.min(5, Math.max(1, level + (x < 0.45 ? -1 : x < 0.9 ? 0 : 1)));
}

/** A demo certificate's number: unique per demo enterprise (its serial). */
const demoCertificateNumber = (serial: number) => `DEMO-CMMM-${String(serial).padStart(8, '0')}`;

function creditCode(region: string, n: number): string {
  // DEMO and five digits up to 99,999; D and eight digits beyond (a bulk seed of millions stays unique)
  const first17 = (n < 100_000 ? `91${region}DEMO${String(n).padStart(5, '0')}` : `91${region}D${String(n).padStart(8, '0')}`).replace(/[IOSVZ]/g, 'X').slice(0, 17);
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

export interface DemoSeedOutcome {
  enterprises: number;
  levels: Record<string, number>;
  /** 评估机构, 评估人员 and 标准培训: seeded once (0 when already there). */
  assessmentBodies: number;
  assessors: number;
  trainingCourses: number;
}

export interface DemoSeedOptions {
  enterprises: number;
  seed?: number;
  /** Set-based (templates, chunks); default from BULK_FROM enterprises on. */
  bulk?: boolean;
  /** Called after each chunk of the bulk path: enterprises done so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/** From this many enterprises on, the demo seed is set-based (`seedDemoDataInBulk`). */
export const BULK_FROM = 1_000;

export async function seedDemoData(ctx: ServiceContext, options: DemoSeedOptions): Promise<DemoSeedOutcome> {
  const passwordHash = await hashPassword(`demo-${newId()}`); // demo accounts cannot be logged into
  const seeded = (options.bulk ?? options.enterprises >= BULK_FROM) ? await seedDemoDataInBulk(ctx, options, passwordHash) : await seedOneByOne(ctx, options, passwordHash);
  const conformity = await seedDemoConformityData(ctx, passwordHash);
  return { ...seeded, ...conformity };
}

/** Each enterprise in its own transaction, with every answer stored and scored by the engine (~110 enterprises/s on PostgreSQL). */
async function seedOneByOne(ctx: ServiceContext, options: DemoSeedOptions, passwordHash: string): Promise<Pick<DemoSeedOutcome, 'enterprises' | 'levels'>> {
  const random = prng(options.seed ?? 20261121);
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
    const survey = demoSurveyFor(score.level, random);
    const certificateLevel = demoCertificateLevel(score.level, random);
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
      const assessmentId = newId();
      await tx.repos.assessments.insertCompletedAssessment({ id: assessmentId, enterpriseId, result: score, answers, completedAt, isDemo: true, survey });
      await recordDiagnosisResult(tx, { assessmentId, enterpriseId, completedAt, result: score, survey });
      if (certificateLevel !== null) {
        const issuedOn = beijingDay(completedAt);
        await tx.repos.certificates.insertCertificate({
          id: newId(),
          enterpriseId,
          level: certificateLevel,
          certificateNumber: demoCertificateNumber(serial),
          scope: DEMO_LABEL,
          issuedOn,
          validUntil: beijingDay(new Date(completedAt.getTime() + 3 * 365 * 86_400_000)),
          isDemo: true,
        });
      }
    });
  }
  return { enterprises: options.enterprises, levels };
}

// ---- The bulk path: set-based, for a million enterprises

/** Enterprises per transaction of the bulk path (one progress line each). */
const BULK_CHUNK = 50_000;
/** Templates per enterprise type, spread over the levels by LEVEL_SHARES (so a uniform pick follows seed 002). */
const TEMPLATES_PER_TYPE = 100;

/**
 * Provinces weighted by their rough share of China's manufacturing enterprises (approximate, for a
 * realistic spread: the coastal manufacturing provinces first); a county is then drawn evenly within
 * the province.
 */
const PROVINCE_WEIGHTS: readonly [string, number][] = [
  ['44', 13], ['32', 12], ['33', 12], ['37', 8], ['41', 5], ['35', 4.5], ['34', 4.5], ['42', 4], ['43', 4], ['13', 4], ['36', 3.5],
  ['51', 3.5], ['31', 2], ['21', 2], ['50', 1.8], ['61', 1.8], ['45', 1.8], ['12', 1.3], ['53', 1.2], ['14', 1.2], ['52', 1], ['11', 0.9],
  ['22', 0.7], ['23', 0.7], ['15', 0.7], ['65', 0.6], ['62', 0.5], ['64', 0.3], ['46', 0.2], ['63', 0.15], ['54', 0.05],
];

let countiesByProvince: Map<string, string[]> | undefined;

/** The county codes (GB/T 2260, statistical-only areas left out) of each province. */
function countiesOf(province: string): string[] {
  if (!countiesByProvince) {
    const byProvince = new Map<string, string[]>();
    const walk = (nodes: readonly RegionNode[]) => {
      for (const node of nodes) {
        if (node.level === 'county' && !node.statisticalOnly) byProvince.set(node.code.slice(0, 2), [...(byProvince.get(node.code.slice(0, 2)) ?? []), node.code]);
        walk(node.children);
      }
    };
    walk(regionTree);
    countiesByProvince = byProvince;
  }
  return countiesByProvince.get(province) ?? [];
}

function pickWeighted<T>(items: readonly [T, number][], random: () => number): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [item, weight] of items) if ((x -= weight) < 0) return item;
  return items[items.length - 1]![0];
}

/** Engine-scored templates of one enterprise type, TEMPLATES_PER_TYPE of them, each reaching exactly the level its slot asks. */
async function insertTemplates(ctx: ServiceContext, enterpriseType: EnterpriseType, random: () => number): Promise<{ id: number; level: number }[]> {
  const templates: { id: number; level: number }[] = [];
  for (const [level, share] of LEVEL_SHARES) {
    for (let slot = 0; slot < Math.round(share * TEMPLATES_PER_TYPE); slot++) {
      let score: ScoreResult | undefined;
      let answers: Record<string, Grade> = {};
      for (let attempt = 0; attempt < 20 && score?.level !== level; attempt++) {
        answers = answersFor(level, random);
        const result = assess({ enterpriseType, tailored: [], answers });
        if (!result.ok) throw new Error(`demo scoring failed: ${result.issues[0]?.message}`);
        score = result.value;
      }
      const breakdown = Object.entries(score!.breakdown);
      const id = await ctx.repos.demoData.insertDemoTemplate({
        editionId: score!.edition,
        enterpriseType,
        currentLevel: Math.max(1, ...breakdown.map(([l]) => Number(l))),
        level: score!.level,
        totalScore: score!.totalScore,
        scoreE9: scoreE9Of(score!.totalScoreExact),
        result: score,
        answers: Object.fromEntries(Object.entries(answers).filter(([rid]) => breakdown.some(([l]) => rid.endsWith(`.L${l}`)))),
        levels: breakdown.map(([l, b]) => ({ level: Number(l), score: b!.score, reached: b!.reached })),
        nodeScores: nodeScoresOf(score!, requireEdition(score!.edition)),
      });
      templates.push({ id, level: score!.level });
    }
  }
  return templates;
}

/**
 * The set-based seed: 2 × TEMPLATES_PER_TYPE diagnoses scored by the engine, then chunks of BULK_CHUNK
 * enterprises (drawn here: industry over every manufacturing middle class, province by PROVINCE_WEIGHTS,
 * county evenly, a template of the enterprise's type evenly, dates over the past year) written by a
 * handful of INSERT … SELECT statements per chunk, with the aggregates they add, one transaction each.
 */
async function seedDemoDataInBulk(ctx: ServiceContext, options: DemoSeedOptions, passwordHash: string): Promise<Pick<DemoSeedOutcome, 'enterprises' | 'levels'>> {
  const random = prng(options.seed ?? 20261121);
  const templates = { discrete: await insertTemplates(ctx, 'discrete', random), process: await insertTemplates(ctx, 'process', random) };
  const middles = industries.flatMap((m) => m.middles.map((c) => ({ code: c.code, name: c.name, type: suggestedEnterpriseType(c.code) ?? 'discrete' })));
  const provinces = PROVINCE_WEIGHTS.filter(([code]) => countiesOf(code).length > 0);
  const levels: Record<string, number> = {};
  const now = ctx.now().getTime();
  let serial = await ctx.repos.enterprises.countDemoEnterprises();
  for (let done = 0; done < options.enterprises; ) {
    const rows: DemoEnterpriseDraw[] = [];
    for (; rows.length < BULK_CHUNK && done + rows.length < options.enterprises; ) {
      serial += 1;
      const industry = middles[Math.floor(random() * middles.length)]!;
      const counties = countiesOf(pickWeighted(provinces, random));
      const regionCode = counties[Math.floor(random() * counties.length)]!;
      const pool = templates[industry.type];
      const template = pool[Math.floor(random() * pool.length)]!;
      levels[template.level] = (levels[template.level] ?? 0) + 1;
      const completedAt = new Date(now - Math.floor(random() * 365 * 86_400_000));
      const registeredAt = new Date(completedAt.getTime() - Math.floor(random() * 720 * 86_400_000));
      rows.push({
        serial,
        name: `${DEMO_LABEL}·${industry.name}示范企业${serial}号`,
        creditCode: creditCode(regionCode, serial),
        industryCode: industry.code,
        regionCode,
        enterpriseType: industry.type,
        templateId: template.id,
        registeredAt: registeredAt.toISOString(),
        completedAt: completedAt.toISOString(),
        month: monthOf(completedAt),
        survey: demoSurveyFor(template.level, random),
        certificateLevel: demoCertificateLevel(template.level, random),
        certificateNumber: demoCertificateNumber(serial),
      });
    }
    await ctx.transaction((tx) => tx.repos.demoData.insertDemoChunk(rows, passwordHash, DEMO_LABEL, weakCounting()));
    done += rows.length;
    options.onProgress?.(done, options.enterprises);
  }
  return { enterprises: options.enterprises, levels };
}

export interface DemoClearOutcome {
  enterprises: number;
  accounts: number;
  assessmentBodies: number;
  assessors: number;
  trainingCourses: number;
}

export async function clearDemoData(ctx: ServiceContext): Promise<DemoClearOutcome> {
  return ctx.transaction(async (tx) => {
    // People and courses first (they name accounts and bodies), bodies last (accounts name them).
    const people = await tx.repos.assessors.deleteDemoAssessorsAndCourses();
    const { enterprises, accounts } = await tx.repos.enterprises.deleteDemoData(); // assessments and certificates cascade
    await tx.repos.demoData.deleteDemoTemplates(); // the bulk diagnoses that shared them are gone
    await tx.repos.diagnosisResults.rebuildAggregates(); // their results cascaded; the counts follow
    await rebuildWeakSubdomains(tx); // 问题短板's too
    await tx.repos.surveyAggregate.rebuildSurveyAggregate(); // and 调查问卷's
    const assessmentBodies = await tx.repos.assessmentBodies.deleteDemoAssessmentBodies();
    return { enterprises, accounts, assessmentBodies, ...people };
  });
}

// ---- 评估机构, 评估人员 and 标准培训 (标准符合性评估)

/** The demo bodies: 北京, 江苏 无锡, 广东 深圳. */
const DEMO_BODIES = [
  { key: 'bj', name: '北京中智信智能制造评估中心有限公司', regionCode: '110108', contactName: '刘明', address: '北京市海淀区知春路 56 号' },
  { key: 'wx', name: '无锡太湖智能制造评估咨询有限公司', regionCode: '320214', contactName: '顾雪芳', address: '江苏省无锡市新吴区菱湖大道 200 号' },
  { key: 'sz', name: '深圳前海智造评估技术有限公司', regionCode: '440305', contactName: '黄志强', address: '广东省深圳市南山区科技园南区 8 栋' },
] as const;

type DemoGrade = 'intro' | 'assessor' | 'lead_assessor' | 'high_maturity_lead' | 'trainer';
/** A qualification: its grade, obtained `ago` days before today, valid `years` (default 3) or until `until` days from today. */
interface DemoQualification {
  grade: DemoGrade;
  ago: number;
  until?: number;
  status?: 'approved' | 'pending';
}

/** Twelve people across the bodies, their grade paths as history (older certificates stay, some expired). */
const DEMO_PEOPLE: readonly { name: string; body: (typeof DEMO_BODIES)[number]['key']; listed?: boolean; path: DemoQualification[] }[] = [
  // 高成熟度主任评估师 and 培训讲师
  { name: '王建国', body: 'bj', path: [{ grade: 'intro', ago: 2200 }, { grade: 'assessor', ago: 1900 }, { grade: 'lead_assessor', ago: 1100 }, { grade: 'trainer', ago: 700 }, { grade: 'high_maturity_lead', ago: 300 }] },
  { name: '李秀英', body: 'bj', path: [{ grade: 'intro', ago: 1500 }, { grade: 'assessor', ago: 1200 }, { grade: 'lead_assessor', ago: 400 }] },
  { name: '张伟', body: 'bj', path: [{ grade: 'intro', ago: 900 }, { grade: 'assessor', ago: 600 }] },
  // expired: the certificates stay as history, none valid today
  { name: '赵磊', body: 'bj', path: [{ grade: 'intro', ago: 2400 }, { grade: 'assessor', ago: 2000, until: -900 }] },
  { name: '陈静', body: 'wx', path: [{ grade: 'intro', ago: 2100 }, { grade: 'assessor', ago: 1800 }, { grade: 'lead_assessor', ago: 1000 }, { grade: 'high_maturity_lead', ago: 200 }] },
  { name: '周敏', body: 'wx', path: [{ grade: 'intro', ago: 1300 }, { grade: 'assessor', ago: 1000 }, { grade: 'trainer', ago: 350 }] },
  { name: '吴强', body: 'wx', path: [{ grade: 'intro', ago: 1400 }, { grade: 'assessor', ago: 1100 }, { grade: 'lead_assessor', ago: 500 }] },
  { name: '徐丽', body: 'wx', path: [] }, // intro and 评估师 from the demo courses below
  { name: '孙浩', body: 'sz', path: [{ grade: 'intro', ago: 1300 }, { grade: 'assessor', ago: 1000 }] }, // 主任评估师 from a course
  { name: '马超', body: 'sz', listed: false, path: [{ grade: 'intro', ago: 800 }, { grade: 'assessor', ago: 500 }] },
  // waiting for the platform admin: the approval queue is not empty
  { name: '朱琳', body: 'sz', path: [{ grade: 'intro', ago: 700 }, { grade: 'assessor', ago: 20, status: 'pending' }] },
  { name: '胡斌', body: 'sz', path: [] }, // intro from a course, failed the 评估师 course
];

/** Three courses: who trains, who took part and how it went (the grade a pass awards). */
const DEMO_COURSES: readonly {
  courseType: 'intro' | 'assessor' | 'lead_trainer';
  title: string;
  place: string;
  startsAgo: number;
  days: number;
  trainer: string;
  participants: { name: string; result: 'enrolled' | 'passed' | 'failed'; grade?: DemoGrade }[];
}[] = [
  {
    courseType: 'intro',
    title: 'CMMM intro 培训（北京站）',
    place: '北京',
    startsAgo: 160,
    days: 2,
    trainer: '王建国',
    participants: [{ name: '徐丽', result: 'passed', grade: 'intro' }, { name: '胡斌', result: 'passed', grade: 'intro' }],
  },
  {
    courseType: 'assessor',
    title: '评估师培训（无锡站）',
    place: '无锡',
    startsAgo: 90,
    days: 5,
    trainer: '周敏',
    participants: [{ name: '徐丽', result: 'passed', grade: 'assessor' }, { name: '胡斌', result: 'failed' }],
  },
  {
    courseType: 'lead_trainer',
    title: '主任评估师 & 培训讲师培训（深圳站）',
    place: '深圳',
    startsAgo: 40,
    days: 5,
    trainer: '王建国',
    participants: [{ name: '孙浩', result: 'passed', grade: 'lead_assessor' }, { name: '马超', result: 'enrolled' }],
  },
];

const GRADE_CODES: Record<DemoGrade, string> = { intro: 'IN', assessor: 'AS', lead_assessor: 'LA', high_maturity_lead: 'HM', trainer: 'TR' };

/** The day `days` after `day` ('YYYY-MM-DD'; negative: before). */
const dayAfter = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Three bodies with their agency admins (demo accounts cannot be logged into), twelve people with
 * their grade paths and three courses with results, all relative to today; once (a second seed adds
 * enterprises only). Dates and grades follow the rules the platform enforces (grade path, trainer
 * qualified over the course, a pass dated on the course's last day).
 */
async function seedDemoConformityData(ctx: ServiceContext, passwordHash: string): Promise<{ assessmentBodies: number; assessors: number; trainingCourses: number }> {
  if ((await ctx.repos.assessmentBodies.countDemoAssessmentBodies()) > 0) return { assessmentBodies: 0, assessors: 0, trainingCourses: 0 };
  const today = beijingDay(ctx.now());
  let certificates = 0;
  const certificateNumber = (grade: DemoGrade, on: string) => `DEMO-${on.slice(0, 4)}-${GRADE_CODES[grade]}-${String((certificates += 1)).padStart(4, '0')}`;
  await ctx.transaction(async (tx) => {
    const bodies = new Map<string, string>();
    for (const [i, b] of DEMO_BODIES.entries()) {
      const id = newId();
      bodies.set(b.key, id);
      await tx.repos.assessmentBodies.insertAssessmentBody({
        id,
        name: `${DEMO_LABEL}·${b.name}`,
        creditCode: creditCode(b.regionCode, 90_001 + i),
        regionCode: b.regionCode,
        contactName: b.contactName,
        contactMobile: '13800000000',
        address: b.address,
        isDemo: true,
      });
      await tx.repos.accounts.insertAccount({
        id: newId(),
        username: `demo-agency-${b.key}-${id.slice(0, 8)}`,
        passwordHash,
        displayName: `${DEMO_LABEL}·${b.contactName}`,
        mobile: null,
        role: 'agency_admin',
        bodyId: id,
        isDemo: true,
      });
    }
    const people = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const id = newId();
      people.set(person.name, id);
      await tx.repos.assessors.insertAssessor({ id, name: person.name, mobile: '13800000000', bodyId: bodies.get(person.body)!, listedPublicly: person.listed ?? true, isDemo: true });
      for (const q of person.path) {
        const obtainedOn = dayAfter(today, -q.ago);
        const status = q.status ?? 'approved';
        await tx.repos.assessors.insertQualification({
          id: newId(),
          assessorId: id,
          grade: q.grade,
          certificateNumber: certificateNumber(q.grade, obtainedOn),
          issuingBody: TRAINING_ISSUER,
          obtainedOn,
          validUntil: q.until === undefined ? yearsAfter(obtainedOn, TRAINING_VALIDITY_YEARS) : dayAfter(today, q.until),
          status,
          decidedAt: status === 'approved' ? tx.now() : null,
        });
      }
    }
    for (const c of DEMO_COURSES) {
      const id = newId();
      const startsOn = dayAfter(today, -c.startsAgo);
      const endsOn = dayAfter(startsOn, c.days - 1);
      await tx.repos.trainings.insertTrainingCourse({ id, courseType: c.courseType, title: c.title, place: c.place, startsOn, endsOn, trainerId: people.get(c.trainer)!, isDemo: true });
      for (const participant of c.participants) {
        const assessorId = people.get(participant.name)!;
        await tx.repos.trainings.insertParticipant(id, assessorId);
        if (participant.result === 'enrolled') continue;
        let qualificationId: string | null = null;
        if (participant.result === 'passed') {
          qualificationId = newId();
          await tx.repos.assessors.insertQualification({
            id: qualificationId,
            assessorId,
            grade: participant.grade!,
            certificateNumber: certificateNumber(participant.grade!, endsOn),
            issuingBody: TRAINING_ISSUER,
            obtainedOn: endsOn,
            validUntil: yearsAfter(endsOn, TRAINING_VALIDITY_YEARS),
            status: 'approved',
            decidedAt: tx.now(),
            trainingId: id,
          });
        }
        await tx.repos.trainings.setParticipantResult(id, assessorId, participant.result, qualificationId);
      }
    }
  });
  return { assessmentBodies: DEMO_BODIES.length, assessors: DEMO_PEOPLE.length, trainingCourses: DEMO_COURSES.length };
}
