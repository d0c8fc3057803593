import { columns, isLeafColumn, type Unit } from "@gov/domain";

/**
 * Realistic, deterministic content for the benchmark's published items: the same seed gives
 * the same 20,000 titles, bodies and metadata on every run, so runs compare.
 */

/** mulberry32: small, fast and good enough to spread test data. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof prng>;

/** A dozen publishing units (the office, departments, a street and townships of 共青城市). */
export const units: Unit[] = [
  { code: "000014349", name: "共青城市人民政府办公室", kind: "office" },
  { code: "000014350", name: "共青城市发展和改革委员会", kind: "department" },
  { code: "000014351", name: "共青城市财政局", kind: "department" },
  { code: "000014352", name: "共青城市司法局", kind: "department" },
  { code: "000014355", name: "共青城市民政局", kind: "department" },
  { code: "000014356", name: "共青城市教育体育局", kind: "department" },
  { code: "000014357", name: "共青城市卫生健康委员会", kind: "department" },
  { code: "000014358", name: "共青城市人力资源和社会保障局", kind: "department" },
  { code: "000014360", name: "共青城市生态环境局", kind: "department" },
  { code: "000014364", name: "共青城市市场监督管理局", kind: "department" },
  { code: "000014370", name: "共青城市茶山街道办事处", kind: "street" },
  { code: "000014371", name: "共青城市甘露镇人民政府", kind: "township" },
];

/** Subjects per column, as a portal's items in that column would name them. */
const subjects: Record<string, string[]> = {
  "normative-documents": [
    "城区停车管理",
    "社会救助",
    "就业创业补贴资金管理",
    "政府债务信息公开",
    "农村宅基地管理",
  ],
  "law-enforcement": ["行政处罚决定", "行政许可", "行政检查计划", "执法人员资格", "行政强制"],
  health: ["基本公共卫生服务项目", "医疗机构执业校验", "传染病防控", "家庭医生签约服务", "疫苗接种"],
  employment: ["就业见习岗位", "创业担保贷款", "职业技能培训补贴", "公益性岗位招聘", "失业保险稳岗返还"],
  responses: ["群众关切问题", "网民留言办理", "热点舆情回应", "市长信箱来信选登"],
  "press-conferences": ["新闻发布会", "政策吹风会", "重点工作新闻通气会"],
  audit: ["审计整改情况", "预算执行审计", "经济责任审计", "专项资金审计"],
  "decision-consultation": ["城市总体规划", "公交线路调整方案", "老旧小区改造计划", "学区划分方案"],
  "double-random": ["双随机抽查计划", "抽查结果", "检查对象名录库", "执法检查人员名录库"],
  "government-services": ["政务服务事项目录", "一次不跑清单", "办事指南", "好差评情况"],
  "social-assistance": ["城乡低保资金发放", "特困人员救助供养", "临时救助", "医疗救助"],
  "social-welfare": ["高龄津贴发放", "残疾人两项补贴", "孤儿基本生活费", "养老服务补贴"],
  "education-compulsory": ["义务教育招生", "学区划分", "营养改善计划", "教育收费"],
  "poverty-alleviation": ["扶贫项目资金", "产业扶贫", "易地扶贫搬迁", "脱贫攻坚成效"],
  "environment-quality": ["空气质量状况", "地表水水质监测", "饮用水水源地水质", "声环境质量"],
  "environment-enforcement": ["环境行政处罚", "重点排污单位名录", "环境信访办理", "污染源监督性监测"],
  "environment-news": ["环境保护督察整改", "生态文明建设", "河长制工作", "秸秆禁烧", "鄱阳湖生态保护"],
  "state-land": ["国有建设用地使用权出让", "土地供应计划", "征收土地补偿安置", "土地出让结果"],
  "government-procurement": ["政府采购意向", "采购公告", "中标结果公告", "采购合同"],
};

/** 主题分类 by the column's parent (or itself), as the portal files them. */
const categories: Record<string, string> = {
  decision: "综合政务",
  execution: "综合政务",
  proposals: "综合政务",
  fiscal: "财政、审计",
  audit: "财政、审计",
  reform: "政务服务",
  "law-enforcement": "司法、执法",
  social: "民政、扶贫、救灾",
  education: "教育",
  health: "卫生、体育",
  "three-battles": "城乡建设、环境保护",
  employment: "劳动、人事",
  "public-resources": "国土资源、能源",
};

/** Leaf columns that take general items; some carry far more traffic than others. */
export const targetColumns = columns.filter((c) => isLeafColumn(c.id) && c.kinds.includes("general"));
const weights: Record<string, number> = {
  "environment-news": 10,
  "government-procurement": 6,
  "social-assistance": 5,
  "normative-documents": 5,
  "law-enforcement": 4,
  "double-random": 3,
  "state-land": 3,
  "environment-quality": 3,
};
const weighted = targetColumns.flatMap((c) => Array<string>(weights[c.id] ?? 1).fill(c.id));

export const pickColumn = (r: Random) => r.pick(weighted);

export function categoryOf(columnId: string): string {
  const column = columns.find((c) => c.id === columnId);
  return categories[columnId] ?? (column?.parentId ? categories[column.parentId] : undefined) ?? "综合政务";
}

export function subjectOf(r: Random, columnId: string): string {
  const named = subjects[columnId];
  return named ? r.pick(named) : (columns.find((c) => c.id === columnId)?.name ?? "政务公开");
}

const shortName = (unit: Unit) => unit.name.replace(/^共青城市/, "");

export function titleOf(r: Random, unit: Unit, subject: string, year: number, month: number): string {
  return r.pick([
    () => `${unit.name}关于${subject}的通知`,
    () => `关于${year}年${subject}情况的公示`,
    () => `${shortName(unit)}${year}年${subject}工作总结`,
    () => `${year}年${month}月份${subject}信息公开`,
    () => `关于做好${year}年度${subject}工作的通知`,
    () => `${subject}公告（${year}年第${r.int(1, 40)}期）`,
    () => `${unit.name}${year}年${subject}工作实施方案`,
  ])();
}

const sentences = [
  (s: string, u: string) =>
    `为进一步做好${s}工作，根据有关法律法规和上级文件精神，结合我市实际，${u}制定本方案。`,
  (s: string) => `各乡镇（街道）、市直各部门要高度重视${s}工作，明确责任分工，确保各项任务落到实处。`,
  (s: string) => `${s}工作坚持公开、公平、公正的原则，接受社会监督，畅通群众反映问题渠道。`,
  (s: string, u: string) =>
    `如对${s}有异议，可在公示期内向${u}书面反映，联系电话：0792-4321${"0123456789"[s.length % 10]}00。`,
  (s: string) => `截至目前，全市共完成${s}相关事项${s.length * 37}件，办结率达到98.6%，群众满意度持续提升。`,
  (s: string) => `下一步，我市将持续深化${s}，强化督促检查，对工作不力的单位予以通报。`,
  (s: string) => `本次${s}信息依据《中华人民共和国政府信息公开条例》主动公开，公开范围为面向全社会。`,
  (s: string, u: string) => `${u}将会同相关部门，对${s}落实情况开展专项督查，并将结果纳入年度绩效考核。`,
];

export function bodyOf(r: Random, subject: string, unit: Unit): string {
  const paragraphs = Array.from(
    { length: r.int(3, 8) },
    () => `<p>${r.pick(sentences)(subject, unit.name)}</p>`,
  );
  if (r.chance(0.15)) {
    const rows = Array.from(
      { length: r.int(3, 8) },
      (_, i) => `<tr><td>${i + 1}</td><td>${subject}（第${i + 1}批）</td><td>${r.int(5, 500)}</td></tr>`,
    ).join("");
    paragraphs.push(
      `<table><thead><tr><th>序号</th><th>事项</th><th>数量</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  return paragraphs.join("\n");
}

export const keywordsOf = (r: Random, subject: string, columnId: string) => [
  ...new Set([
    subject,
    columns.find((c) => c.id === columnId)?.name ?? "政务公开",
    r.pick(["通知", "公示", "公告", "方案"]),
  ]),
];

/** 文号 of a normative document, `共府办发〔2019〕82号`, numbered per issuer and year. */
export function docNumberOf(issuer: string, year: number, sequence: number): string {
  return `${issuer}〔${year}〕${sequence}号`;
}
export const normativeIssuers = [
  { prefix: "共府发", organ: "共青城市人民政府" },
  { prefix: "共府办发", organ: "共青城市人民政府办公室" },
];
