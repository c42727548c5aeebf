// 能力度等级 and the application views in the self-diagnosis report: the result page's profile and
// readiness (computed by @cmmm/advice), formatted in the report's language. Pure.
import type { CapabilityProfileView, ViewReadiness } from '@cmmm/contract/capability-profile';
import { floorFixed } from './format.ts';
import type { ReportLanguage } from './labels.ts';

export interface ProfileReportView {
  title: string;
  intro: string;
  chartTitle: string;
  /** One bar per domain: its capability level over the highest level evaluated. */
  chart: { names: string[]; levels: number[]; targets: number[]; legend: [string, string] };
  headers: [string, string, string];
  rows: { name: string; subdomain: boolean; level: string; scores: string }[];
  viewsTitle: string;
  viewsIntro: string;
  viewHeaders: string[];
  views: { title: string; status: string; ready: boolean; coverage: string; rows: { name: string; level: string; reaches: string; missing: string }[] }[];
}

const TEXT = {
  'zh-CN': {
    title: '能力度等级',
    intro: (top: string) => `每个能力域、能力子域从一级起逐级以自己的得分判断，每一级得分 ≥ 0.8 才算达到，遇到第一个未达到的等级为止（全部为“企业不涉及”的等级跳过）。本次自诊断作答到${top}，更高的等级未评估；被裁剪或不在评估范围内的部分不列出。`,
    chartTitle: '各能力域的能力度等级',
    legend: ['能力度等级', '已评估到的等级'] as [string, string],
    headers: ['能力域 / 能力子域', '能力度等级', '各级得分（✓ 达到 × 未达到）'] as [string, string, string],
    none: '未达到一级',
    level: (n: number) => ['', '一级', '二级', '三级', '四级', '五级'][n] ?? `${n}级`,
    sep: '；',
    viewsTitle: '应用视图：智能车间、智能工厂、智慧供应链',
    viewsIntro: '依据《智能制造能力成熟度应用实践报告》（2022）第二章：每个视图参考一段等级范围内的一组能力子域；“已达到”指每个适用的必选子域都达到视图的最高等级。“还差”列出未达到的各级中部分满足、不满足的要求数（未评估的等级为该级全部要求数），要求原文见结果页。',
    viewHeaders: ['能力子域', '能力度等级', '达到视图各级', '还差'],
    ready: '已达到',
    notReady: '尚未达到',
    optional: '（可选）',
    na: '不适用',
    coverage: (level: string, reached: number, of: number) => `${level}：${reached}/${of}`,
    missing: (level: string, count: number, evaluated: boolean) => `${level} ${count} 项${evaluated ? '' : '（未评估）'}`,
    levels: (from: string, to: string) => `${from}–${to}`,
    yes: '是',
    no: '否',
  },
  en: {
    title: 'Capability levels',
    intro: (top: string) => `Each domain and subdomain is judged on its own score from level 1 up: a level counts as reached at 0.8 or more, up to the first level not reached (levels where everything is not applicable are passed over). This self-diagnosis was answered up to ${top}; higher levels were not evaluated. Tailored parts and parts outside the assessment are not listed.`,
    chartTitle: 'Capability level of each domain',
    legend: ['Capability level', 'Highest level evaluated'] as [string, string],
    headers: ['Domain / subdomain', 'Capability level', 'Score at each level (✓ reached × not)'] as [string, string, string],
    none: 'Below level 1',
    level: (n: number) => `Level ${n}`,
    sep: '; ',
    viewsTitle: 'Application views: smart workshop, smart factory, smart supply chain',
    viewsIntro: 'From chapter 2 of the CESI report on applying the maturity model (2022): each view draws on a set of subdomains over a range of levels; a view is reached when every applicable required subdomain reaches its highest level. "Missing" counts the requirements partly met or not met at each level not reached (every requirement of a level not evaluated); the result page lists them.',
    viewHeaders: ['Subdomain', 'Capability level', 'Reaches the view\'s levels', 'Missing'],
    ready: 'Reached',
    notReady: 'Not yet reached',
    optional: ' (optional)',
    na: 'Not applicable',
    coverage: (level: string, reached: number, of: number) => `${level}: ${reached}/${of}`,
    missing: (level: string, count: number, evaluated: boolean) => `${level}: ${count}${evaluated ? '' : ' (not evaluated)'}`,
    levels: (from: string, to: string) => `${from}–${to}`,
    yes: 'yes',
    no: 'no',
  },
} as const;

export function profileReportView(profile: CapabilityProfileView, views: readonly ViewReadiness[], language: ReportLanguage): ProfileReportView {
  const T = TEXT[language];
  const capability = (n: number) => (n > 0 ? T.level(n) : T.none);
  const top = profile.evaluatedLevels.at(-1) ?? 0;
  const scores = (levels: CapabilityProfileView['domains'][number]['levels']) =>
    levels.map((l) => `${T.level(l.level)} ${floorFixed(l.score)}${l.reached ? '✓' : '×'}`).join(T.sep);
  return {
    title: T.title,
    intro: T.intro(capability(top)),
    chartTitle: T.chartTitle,
    chart: { names: profile.domains.map((d) => d.name), levels: profile.domains.map((d) => d.capabilityLevel), targets: profile.domains.map(() => top), legend: T.legend },
    headers: T.headers,
    rows: profile.domains.flatMap((d) => [
      { name: d.name, subdomain: false, level: capability(d.capabilityLevel), scores: scores(d.levels) },
      ...d.subdomains.map((s) => ({ name: s.name, subdomain: true, level: capability(s.capabilityLevel), scores: scores(s.levels) })),
    ]),
    viewsTitle: T.viewsTitle,
    viewsIntro: T.viewsIntro,
    viewHeaders: [...T.viewHeaders],
    views: views.map((v) => ({
      title: viewTitle(v, language, T.levels(T.level(v.levels[0]!), T.level(v.levels.at(-1)!))),
      status: v.ready ? T.ready : T.notReady,
      ready: v.ready,
      coverage: v.coverage.map((c) => T.coverage(T.level(c.level), c.reached, c.of)).join(T.sep),
      rows: v.subdomains.map((s) => ({
        name: `${s.name}${s.optional ? T.optional : ''}`,
        level: s.applicable ? capability(s.capabilityLevel) : T.na,
        reaches: s.applicable ? s.reaches.map((r) => `${T.level(r.level)} ${r.reached ? T.yes : T.no}`).join(T.sep) : '',
        missing: s.levels.filter((l) => l.missing.length).map((l) => T.missing(T.level(l.level), l.missing.length, l.status !== 'notEvaluated')).join(T.sep),
      })),
    })),
  };
}

/** A view's heading: in English its translated name (or its own English name when the view came in Chinese). */
function viewTitle(v: ViewReadiness, language: ReportLanguage, levels: string): string {
  if (language !== 'en') return `${v.name}（${levels}）`;
  return `${/[\u3400-\u9fff]/.test(v.name) ? v.nameEn : v.name} (${levels})`;
}
