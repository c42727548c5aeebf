// 智能制造能力成熟度政策支持：中国电子技术标准化研究院（CESI）《智能制造能力成熟度应用实践报告》（2022）
// 附录 2 的 41 条国家和地方政策（表中序号 1–41，顺序同表）。document 为表中“文件名称”（书名号照录；
// 表中缺开头书名号的第 10 条补齐，第 25、29 条无书名号照录）。rewards 只收表中“主要内容”把某个成熟度等级
// 与具体待遇或要求挂钩的内容，text 为简短转述（金额、数字照录）：
//   · 奖励、补助、认定、申报资格等对企业的待遇；
//   · 规划目标（如“3 级以上企业占比达到 20%”），text 以“规划目标：”开头，表示这是政府的目标而非对企业的待遇。
// 只要求“开展评估”“贯标”、没有提到具体等级的政策，rewards 为空数组（仍列出，供按地区浏览）。
// 等级约定：“N 级及以上”“N 级以上”“N 级或以上”均按含 N 级计，即 [N..5]。
//
// 地区代码（GB/T 2260，与 ./regions.ts 的数据一致）与表中不确定之处：
//   · 第 17、18 条“地区”栏为空（合并单元格），紧随第 16 条山东省，且内容分别提到“山东省分平台”“山东制造”，按山东省。
//   · 第 26 条“地区”栏为空，文件名为《赣州市…》，按江西省赣州市。
//   · 第 9 条“无锡市 高新区”：无锡国家高新区与新吴区区政合一，按新吴区 320214（与第 7 条同一地区）。
//   · 第 13 条“常州市高新区”：常州国家高新区与新北区区政合一，按新北区 320411。
//   · 第 31 条“厦门市 火炬高新区”：开发区在 GB/T 2260 中没有代码，跨厦门多个区，按厦门市 350200 记代码、
//     scope 记为 county（园区层级）；按代码匹配时会覆盖厦门全市企业，展示时以 regionName 标明只限园区。
//   · 第 11 条江阴市为无锡代管的县级市 320281，scope 为 county。
//   · 第 30 条余杭区 330110：2021 年余杭区析出临平区（330113），政策按发文时的余杭区记代码，临平区企业不会匹配。
//   · 第 29 条“杭州市”未写省，按浙江省杭州市 330100。
//   · 第 35 条郑州市：“按照证书级别从低到高分别奖励 10、20、30、40、50 万元”对两化融合管理体系与智能制造能力
//     成熟度等贯标共用；成熟度恰有五级，按一至五级依次对应 10–50 万元。
//   · 第 19 条深圳市：“把智能制造能力成熟度等级纳入技改标准，最高给予 5000 万补助”未指明等级，rewards 为空。
//   · 第 33 条上海市：“智能工厂 L2 级改造”不是成熟度等级，rewards 为空。
//   · 第 17 条山东省：只说优先推荐“评价等级较高”的企业，未指明等级，rewards 为空。

export type PolicyScope = 'national' | 'province' | 'city' | 'county';

export interface PolicyReward {
  /** 适用的成熟度等级（1–5）。 */
  levels: number[];
  /** 待遇或目标的简短说明，事实取自报告。 */
  text: string;
}

export interface Policy {
  /** 稳定编号：policy-<表中序号两位>。 */
  id: string;
  scope: PolicyScope;
  /** 发文地区的 GB/T 2260 六位代码；国家为 000000。 */
  regionCode: string;
  regionName: string;
  /** 表中“文件名称”。 */
  document: string;
  rewards: PolicyReward[];
}

const L3UP = [3, 4, 5];
const L2UP = [2, 3, 4, 5];

/** 五、四、三、二级分别奖励的金额（万元），按报告中的写法。 */
function perLevel(amounts: Partial<Record<2 | 3 | 4 | 5, string>>, what: string): PolicyReward[] {
  return ([5, 4, 3, 2] as const)
    .filter((l) => amounts[l] !== undefined)
    .map((l) => ({ levels: [l], text: `${what}${amounts[l]!}` }));
}

export const policies: readonly Policy[] = [
  {
    id: 'policy-01', scope: 'national', regionCode: '000000', regionName: '全国',
    document: '《“十四五”智能制造发展规划》',
    rewards: [],
  },
  {
    id: 'policy-02', scope: 'national', regionCode: '000000', regionName: '全国',
    document: '《“十四五”民用爆炸物品行业安全发展规划》',
    rewards: [{ levels: L3UP, text: '规划目标：到 2025 年民爆行业智能制造能力成熟度达 3 级以上的企业超过 20%' }],
  },
  {
    id: 'policy-03', scope: 'national', regionCode: '000000', regionName: '全国',
    document: '《“十四五”原材料工业发展规划》',
    rewards: [{ levels: L3UP, text: '规划目标：到 2025 年原材料工业智能制造能力成熟度 3 级及以上企业达到 20% 以上' }],
  },
  {
    id: 'policy-04', scope: 'province', regionCode: '320000', regionName: '江苏省',
    document: '《关于做好“智改数转”诊断工作的通知》',
    rewards: [],
  },
  {
    id: 'policy-05', scope: 'city', regionCode: '320200', regionName: '江苏省无锡市',
    document: '《2021 年度无锡市智能化建设项目申报指南》',
    rewards: [{
      levels: L2UP,
      text: '优先支持通过成熟度评估（二级及以上）、技术和设备投资 1000 万元以上的智能制造示范项目：按不超过该投资额的 8% 择优补助，最高 1000 万元',
    }],
  },
  {
    id: 'policy-06', scope: 'city', regionCode: '320200', regionName: '江苏省无锡市',
    document: '《无锡市加快智能化改造数字化转型绿色化提升推动制造业降本降耗降碳三年行动计划（2022-2024 年）》',
    rewards: [],
  },
  {
    id: 'policy-07', scope: 'county', regionCode: '320214', regionName: '江苏省无锡市新吴区',
    document: '《关于深入推进智能制造发展的意见》',
    rewards: perLevel({ 5: '200 万元', 4: '100 万元', 3: '50 万元', 2: '20 万元' }, '在项目资助外一次性奖励 '),
  },
  {
    id: 'policy-08', scope: 'county', regionCode: '320206', regionName: '江苏省无锡市惠山区',
    document: '《关于优化现代产业发展政策的意见》',
    rewards: perLevel({ 5: '100 万元', 4: '50 万元', 3: '30 万元', 2: '15 万元' }, '经省级以上权威机构认定等级的，奖励 '),
  },
  {
    id: 'policy-09', scope: 'county', regionCode: '320214', regionName: '江苏省无锡市高新区（新吴区）',
    document: '《无锡高新区关于深入推进数字化转型和智能化变革的政策意见》',
    rewards: perLevel({ 5: '200 万元', 4: '100 万元', 3: '50 万元', 2: '20 万元' }, '获得国家智能制造能力成熟度等级的，一次性奖励 '),
  },
  {
    id: 'policy-10', scope: 'county', regionCode: '320205', regionName: '江苏省无锡市锡山区',
    document: '《关于鼓励企业做大做强提升竞争力的政策意见（试行）》',
    rewards: perLevel({ 5: '100 万元', 4: '50 万元', 3: '30 万元' }, '通过国家智能制造能力成熟度评估的，奖励最高不超过 '),
  },
  {
    id: 'policy-11', scope: 'county', regionCode: '320281', regionName: '江苏省江阴市',
    document: '《江阴市工业和信息化专项资金（信息技术产业发展、智能制造）实施细则》',
    rewards: perLevel({ 5: '100 万元', 4: '50 万元', 3: '30 万元', 2: '10 万元' }, '通过国家智能制造能力成熟度评估的，奖励 '),
  },
  {
    id: 'policy-12', scope: 'city', regionCode: '320400', regionName: '江苏省常州市',
    document: '《2022 年常州市智能工厂（工业互联网标杆工厂）诊断服务项目招标》',
    rewards: [],
  },
  {
    id: 'policy-13', scope: 'county', regionCode: '320411', regionName: '江苏省常州市高新区（新北区）',
    document: '《关于加快企业转型升级促进实体经济高质量发展的若干政策意见》',
    rewards: perLevel({ 5: '200 万元', 4: '100 万元', 3: '50 万元', 2: '20 万元' }, '开展成熟度评估达到该等级的，奖励 '),
  },
  {
    id: 'policy-14', scope: 'county', regionCode: '320402', regionName: '江苏省常州市天宁区',
    document: '《天宁区关于促进产业高质量发展的若干措施》',
    rewards: perLevel({ 5: '100 万元', 4: '50 万元', 3: '30 万元', 2: '20 万元' }, '通过国家智能制造能力成熟度评估并获得该等级证书的，奖励 '),
  },
  {
    id: 'policy-15', scope: 'city', regionCode: '320500', regionName: '江苏省苏州市',
    document: '《苏州市制造业智能化改造和数字化转型 2022 年行动计划》',
    rewards: [],
  },
  {
    id: 'policy-16', scope: 'province', regionCode: '370000', regionName: '山东省',
    document: '《山东省制造业数字化转型行动方案（2022—2025 年）》',
    rewards: [],
  },
  {
    // 表中“地区”栏为空，按山东省（见文件头）。
    id: 'policy-17', scope: 'province', regionCode: '370000', regionName: '山东省',
    document: '《关于开展 2021 年省级智能工厂和数字化车间申报工作的通知》',
    rewards: [],
  },
  {
    // 表中“地区”栏为空，按山东省（见文件头）。
    id: 'policy-18', scope: 'province', regionCode: '370000', regionName: '山东省',
    document: '《2021 年全省智能制造工作要点》',
    rewards: [],
  },
  {
    id: 'policy-19', scope: 'city', regionCode: '440300', regionName: '广东省深圳市',
    document: '《关于推动制造业高质量发展坚定不移打造制造强市的若干措施（征求意见稿）》',
    rewards: [],
  },
  {
    id: 'policy-20', scope: 'county', regionCode: '440306', regionName: '广东省深圳市宝安区',
    document: '《关于促进先进制造业和现代服务业高质量发展的若干措施》',
    rewards: [{
      levels: L3UP,
      text: '支持工业 300 强发展：达到三级及以上的企业可获项目设备和配套软件投入支持，新租厂房的租金支持或改建厂房的改造费用支持',
    }],
  },
  {
    id: 'policy-21', scope: 'city', regionCode: '430200', regionName: '湖南省株洲市',
    document: '《株洲市智能制造三年行动计划（2021—2023 年）》',
    rewards: [
      { levels: [2], text: '规划目标：培育成熟度达到二级（规范级）的企业 200 家' },
      { levels: [3], text: '规划目标：培育三级企业 30 家' },
      { levels: [4], text: '规划目标：培育四级（优化级）企业 10 家' },
    ],
  },
  {
    id: 'policy-22', scope: 'province', regionCode: '340000', regionName: '安徽省',
    document: '《关于开展 2022 年制造强省、民营经济政策资金项目申报工作的通知》',
    rewards: [
      { levels: [5], text: '省级智能工厂改造升级后首次通过评估达到 GB/T 39116-2020 五级的，一次性奖补 500 万元' },
      { levels: [4], text: '省级智能工厂改造升级后首次通过评估达到四级的，一次性奖补 300 万元' },
      { levels: [3], text: '省级智能工厂改造升级后首次通过评估达到三级的，一次性奖补 100 万元' },
    ],
  },
  {
    id: 'policy-23', scope: 'province', regionCode: '340000', regionName: '安徽省',
    document: '《安徽省经济和信息化厅关于开展省级智能工厂智能制造能力成熟度评估的通知》',
    rewards: [],
  },
  {
    id: 'policy-24', scope: 'province', regionCode: '110000', regionName: '北京市',
    document: '《北京市“新智造 100”工程实施方案（2021—2025年）（征求意见稿）》',
    rewards: [],
  },
  {
    id: 'policy-25', scope: 'city', regionCode: '360700', regionName: '江西省赣州市',
    document: '关于印发《赣州市智能制造标杆（示范）企业申报指南》的通知（赣市府字〔2022〕13号）',
    rewards: [
      { levels: L2UP, text: '申报赣州市智能制造标杆（示范）企业须持有二级或以上、在国家平台可查的有效成熟度标准符合性证书' },
      { levels: L3UP, text: '三级（集成级）及以上认定为智能制造标杆企业，一次性奖励 200 万元' },
      { levels: [2], text: '二级（规范级）择优认定为智能制造示范企业，一次性奖励 100 万元' },
    ],
  },
  {
    // 表中“地区”栏为空，按江西省赣州市（见文件头）。
    id: 'policy-26', scope: 'city', regionCode: '360700', regionName: '江西省赣州市',
    document: '《赣州市关于推动工业倍增升级 支持制造业高质量发展的若干政策措施（试行）》',
    rewards: [
      { levels: L3UP, text: '规模以上工业企业获得三级（集成级）及以上的，认定为智能制造标杆企业，一次性奖励 200 万元' },
      { levels: [2], text: '规模以上工业企业获得二级（规范级）的，每年择优认定 10 家智能制造示范企业，一次性奖励 100 万元' },
    ],
  },
  {
    id: 'policy-27', scope: 'city', regionCode: '360600', regionName: '江西省鹰潭市',
    document: '《鹰潭市工业创新发展三年倍增十六条政策措施（试行）》',
    rewards: [
      { levels: [4], text: '规模以上工业企业获得四级（优化级）且认定为智能制造标杆企业的，一次性奖励 500 万元' },
      { levels: [3], text: '规模以上工业企业获得三级（集成级）且认定为智能制造标杆企业的，一次性奖励 200 万元' },
      { levels: [2], text: '规模以上工业企业获得二级（规范级）的，一次性奖励 50–100 万元' },
    ],
  },
  {
    id: 'policy-28', scope: 'province', regionCode: '330000', regionName: '浙江省',
    document: '《浙江省全球先进制造业基地建设“十四五”规划》（浙政发〔2021〕20号）',
    rewards: [],
  },
  {
    id: 'policy-29', scope: 'city', regionCode: '330100', regionName: '浙江省杭州市',
    document: '“百千万”工程项目',
    rewards: [],
  },
  {
    id: 'policy-30', scope: 'county', regionCode: '330110', regionName: '浙江省杭州市余杭区',
    document: '《关于推进工业互联网应用加快智能工厂建设促进企业智能制造发展的政策意见》',
    rewards: perLevel({ 5: '500 万元', 4: '300 万元', 3: '200 万元', 2: '50 万元' }, '智能化改造后经省级以上权威机构认定该等级的，在项目资助外一次性奖励 '),
  },
  {
    // 开发区无 GB/T 2260 代码，按厦门市记代码（见文件头）。
    id: 'policy-31', scope: 'county', regionCode: '350200', regionName: '福建省厦门市火炬高新区（限园区内企业）',
    document: '《厦门火炬高新区进一步推进企业提质增效的若干措施》',
    rewards: perLevel({ 5: '200 万元', 4: '100 万元', 3: '50 万元' }, '2021 年度通过国家智能制造能力成熟度评估获得该等级的，一次性奖励 '),
  },
  {
    id: 'policy-32', scope: 'province', regionCode: '130000', regionName: '河北省',
    document: '《河北省制造业高质量发展“十四五”规划》（冀政办字〔2022〕7号）',
    rewards: [],
  },
  {
    id: 'policy-33', scope: 'province', regionCode: '310000', regionName: '上海市',
    document: '《上海市制造业数字化转型实施方案》',
    rewards: [],
  },
  {
    id: 'policy-34', scope: 'province', regionCode: '410000', regionName: '河南省',
    document: '《河南省“十四五”制造业高质量发展规划》、《河南省“十四五”现代服务业发展规划》（豫政〔2021〕49号）',
    rewards: [],
  },
  {
    id: 'policy-35', scope: 'city', regionCode: '410100', regionName: '河南省郑州市',
    document: '《关于加快新一代信息技术产业发展的实施意见》',
    rewards: [5, 4, 3, 2, 1].map((l) => ({
      levels: [l],
      text: `规模以上工业企业贯标获证，按证书级别奖励 ${l * 10} 万元（证书升级按差额奖励）`,
    })),
  },
  {
    id: 'policy-36', scope: 'province', regionCode: '610000', regionName: '陕西省',
    document: '《陕西省“十四五”制造业高质量发展规划》（陕政办发〔2021〕33号）',
    rewards: [
      { levels: [2], text: '规划目标：到 2025 年 200 户以上企业成熟度达到 2 级' },
      { levels: L3UP, text: '规划目标：到 2025 年 50 户企业达到 3 级以上' },
    ],
  },
  {
    id: 'policy-37', scope: 'province', regionCode: '610000', regionName: '陕西省',
    document: '《陕西省推动制造业高质量发展实施方案》',
    rewards: [{ levels: L3UP, text: '成熟度评估三级以上的达标企业给予奖励（表中未列金额）' }],
  },
  {
    id: 'policy-38', scope: 'province', regionCode: '140000', regionName: '山西省',
    document: '《山西省“十四五”新装备规划》',
    rewards: [{ levels: L3UP, text: '规划目标：到 2025 年智能制造成熟度 3 级以上企业占比达到 20%' }],
  },
  {
    id: 'policy-39', scope: 'province', regionCode: '210000', regionName: '辽宁省',
    document: '《关于组织开展2022年辽宁省智能制造项目申报工作的通知》',
    rewards: [],
  },
  {
    id: 'policy-40', scope: 'province', regionCode: '120000', regionName: '天津市',
    document: '《天津市促进智能制造发展条例》',
    rewards: [],
  },
  {
    id: 'policy-41', scope: 'province', regionCode: '520000', regionName: '贵州省',
    document: '《支持工业领域数字化转型的若干政策措施》',
    rewards: [
      { levels: [5], text: '达到 GB/T 39116-2020 5 级的工业企业，奖励 800 万元' },
      { levels: [4], text: '达到 4 级的工业企业，奖励 500 万元' },
      { levels: [3], text: '达到 3 级的工业企业，奖励 200 万元' },
    ],
  },
];
