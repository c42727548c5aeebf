// Plausibility of answers against the basic data of the 调查问卷: answers that claim a practice the
// survey says the enterprise lacks (e.g. 全部满足 on automatic data collection with no networked
// equipment). A warning, not a refusal: the enterprise may still submit.
import type { Grade } from '../types.ts';

/** The facts of the survey that answers can contradict. */
export interface SurveyFacts {
  networkedEquipmentShare: number;
  ncEquipmentShare: number;
  informationSystems: readonly string[];
}

interface PlausibilityRule {
  id: string;
  /** Requirement texts this rule is about. */
  pattern: RegExp;
  /** True when the survey contradicts a claim of (largely) meeting the requirement. */
  contradicts: (facts: SurveyFacts) => boolean;
  message: string;
}

const lacks = (system: string) => (f: SurveyFacts) => !f.informationSystems.includes(system);

const RULES: readonly PlausibilityRule[] = [
  { id: 'automatic-collection', pattern: /自动采集|自感知|传感技术|物联网|在线采集/, contradicts: (f) => f.networkedEquipmentShare === 0, message: '调查问卷中设备联网率为 0，但本题（数据自动采集）选择了全部满足或大部分满足' },
  { id: 'networked-equipment', pattern: /通讯接口|工业网络连接|联网|远程监测|远程诊断|远程控制/, contradicts: (f) => f.networkedEquipmentShare === 0, message: '调查问卷中设备联网率为 0，但本题（设备联网、远程监测）选择了全部满足或大部分满足' },
  { id: 'nc-equipment', pattern: /数字化设备|数控|自动化设备/, contradicts: (f) => f.ncEquipmentShare === 0, message: '调查问卷中关键工序数控化率为 0，但本题（关键工序数字化、自动化设备）选择了全部满足或大部分满足' },
  { id: 'wms', pattern: /仓储管理系统/, contradicts: lacks('WMS'), message: '调查问卷未勾选 WMS 仓储管理系统，但本题（仓储管理系统）选择了全部满足或大部分满足' },
  { id: 'pdm', pattern: /产品数据管理系统/, contradicts: lacks('PLM_PDM'), message: '调查问卷未勾选 PLM/PDM，但本题（产品数据管理系统）选择了全部满足或大部分满足' },
  { id: 'mes', pattern: /制造执行系统/, contradicts: lacks('MES'), message: '调查问卷未勾选 MES 制造执行系统，但本题选择了全部满足或大部分满足' },
  { id: 'aps', pattern: /高级计划|先进排程|排产模型|约束理论/, contradicts: (f) => lacks('APS')(f) && lacks('MES')(f), message: '调查问卷未勾选 APS 或 MES，但本题（计划排程）选择了全部满足或大部分满足' },
  { id: 'energy', pattern: /能源管理系统|能源管控中心/, contradicts: lacks('EMS'), message: '调查问卷未勾选 EMS 能源管理系统，但本题选择了全部满足或大部分满足' },
  { id: 'any-system', pattern: /信息系统/, contradicts: (f) => f.informationSystems.length === 0, message: '调查问卷未勾选任何信息系统，但本题（通过信息系统实现）选择了全部满足或大部分满足' },
];

export interface PlausibilityWarning {
  requirementId: string;
  rule: string;
  message: string;
}

/** Warnings for answers FI or LI whose requirement the survey contradicts (one per requirement). */
export function plausibilityWarnings(
  requirements: readonly { id: string; text: string }[],
  answers: Readonly<Record<string, Grade>>,
  facts: SurveyFacts,
): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  for (const r of requirements) {
    const grade = answers[r.id];
    if (grade !== 'FI' && grade !== 'LI') continue;
    const rule = RULES.find((x) => x.pattern.test(r.text) && x.contradicts(facts));
    if (rule) warnings.push({ requirementId: r.id, rule: rule.id, message: rule.message });
  }
  return warnings;
}
