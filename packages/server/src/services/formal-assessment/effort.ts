// Seed 002's person-day table (评估时间): people × days of the pre-assessment and of the formal
// assessment, per level; what a plan gives is compared with it and flagged when smaller.
export interface Effort {
  people: number;
  days: number;
  personDays: number;
}

const effort = (people: number, days: number): Effort => ({ people, days, personDays: people * days });

/** 二级 8, 三级 21, 四级 26, 五级 43 person-days in all. */
export const STANDARD_EFFORT: Readonly<Record<2 | 3 | 4 | 5, { pre: Effort; formal: Effort }>> = {
  2: { pre: effort(1, 2), formal: effort(3, 2) },
  3: { pre: effort(3, 2), formal: effort(5, 3) },
  4: { pre: effort(3, 2), formal: effort(5, 4) },
  5: { pre: effort(5, 3), formal: effort(7, 4) },
};

/** A 自定义评估 has no level: it is planned like the highest target capability level it asks for (at least 二级). */
export const effortLevel = (targetLevel: number | null, customTargets: readonly number[]): 2 | 3 | 4 | 5 =>
  Math.min(5, Math.max(2, targetLevel ?? Math.max(2, ...customTargets))) as 2 | 3 | 4 | 5;

/** Calendar days from start to end, both included. */
export function daysBetween(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

export const plannedEffort = (plan: { startsOn: string; endsOn: string; assessorIds: readonly string[] }): Effort =>
  effort(plan.assessorIds.length, daysBetween(plan.startsOn, plan.endsOn));

export interface EffortFlag {
  code: 'PRE_PEOPLE_BELOW' | 'PRE_DAYS_BELOW' | 'FORMAL_PEOPLE_BELOW' | 'FORMAL_DAYS_BELOW' | 'TEAM_BELOW_STANDARD';
  message: string;
}

/** Where the plans (or the team, before plans exist) fall short of the standard figures. */
export function effortFlags(level: 2 | 3 | 4 | 5, plans: { pre: Effort | null; formal: Effort | null }, teamSize: number): EffortFlag[] {
  const std = STANDARD_EFFORT[level];
  const flags: EffortFlag[] = [];
  if (teamSize < std.formal.people) flags.push({ code: 'TEAM_BELOW_STANDARD', message: `评估组 ${teamSize} 人，少于标准的正式评估人数 ${std.formal.people} 人` });
  if (plans.pre && plans.pre.people < std.pre.people) flags.push({ code: 'PRE_PEOPLE_BELOW', message: `预评估 ${plans.pre.people} 人，少于标准的 ${std.pre.people} 人` });
  if (plans.pre && plans.pre.days < std.pre.days) flags.push({ code: 'PRE_DAYS_BELOW', message: `预评估 ${plans.pre.days} 天，少于标准的 ${std.pre.days} 天` });
  if (plans.formal && plans.formal.people < std.formal.people) flags.push({ code: 'FORMAL_PEOPLE_BELOW', message: `正式评估 ${plans.formal.people} 人，少于标准的 ${std.formal.people} 人` });
  if (plans.formal && plans.formal.days < std.formal.days) flags.push({ code: 'FORMAL_DAYS_BELOW', message: `正式评估 ${plans.formal.days} 天，少于标准的 ${std.formal.days} 天` });
  return flags;
}
