// The choices of the 调查问卷 with their names. No zod here, so the browser can import them.
/** 年营业收入 bands, after the statistical size classes of industrial enterprises (万元). */
export const REVENUE_BANDS = ['lt300', '300to2000', '2000to40000', '40000to200000', 'gte200000'] as const;
export const REVENUE_BAND_NAMES: Record<(typeof REVENUE_BANDS)[number], { zh: string; en: string }> = {
  lt300: { zh: '300 万元以下', en: 'Under CNY 3 million' },
  '300to2000': { zh: '300 万—2000 万元', en: 'CNY 3–20 million' },
  '2000to40000': { zh: '2000 万—4 亿元', en: 'CNY 20–400 million' },
  '40000to200000': { zh: '4 亿—20 亿元', en: 'CNY 0.4–2 billion' },
  gte200000: { zh: '20 亿元及以上', en: 'CNY 2 billion and above' },
};

export const PRODUCTION_MODES = ['multi_variety_small_batch', 'mass', 'make_to_order', 'continuous', 'mixed'] as const;
export const PRODUCTION_MODE_NAMES: Record<(typeof PRODUCTION_MODES)[number], { zh: string; en: string }> = {
  multi_variety_small_batch: { zh: '多品种小批量', en: 'High mix, low volume' },
  mass: { zh: '大批量', en: 'Mass production' },
  make_to_order: { zh: '按订单生产', en: 'Make to order' },
  continuous: { zh: '连续流程生产', en: 'Continuous process' },
  mixed: { zh: '混合模式', en: 'Mixed' },
};

export const INFORMATION_SYSTEMS = ['ERP', 'MES', 'PLM_PDM', 'SCM', 'CRM', 'WMS', 'EAM', 'APS', 'QMS', 'EMS', 'SCADA_DCS', 'OA'] as const;
export const INFORMATION_SYSTEM_NAMES: Record<(typeof INFORMATION_SYSTEMS)[number], { zh: string; en: string }> = {
  ERP: { zh: 'ERP 企业资源计划', en: 'ERP' },
  MES: { zh: 'MES 制造执行系统', en: 'MES' },
  PLM_PDM: { zh: 'PLM/PDM 产品生命周期/数据管理', en: 'PLM/PDM' },
  SCM: { zh: 'SCM 供应链管理', en: 'SCM' },
  CRM: { zh: 'CRM 客户关系管理', en: 'CRM' },
  WMS: { zh: 'WMS 仓储管理系统', en: 'WMS' },
  EAM: { zh: 'EAM 设备资产管理', en: 'EAM' },
  APS: { zh: 'APS 高级计划与排程', en: 'APS' },
  QMS: { zh: 'QMS 质量管理系统', en: 'QMS' },
  EMS: { zh: 'EMS 能源管理系统', en: 'EMS' },
  SCADA_DCS: { zh: 'SCADA/DCS 数据采集与监控', en: 'SCADA/DCS' },
  OA: { zh: 'OA 协同办公', en: 'OA' },
};
