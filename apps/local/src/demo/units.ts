import type { Unit } from "@gov/domain";

/**
 * The office's code is the one in the seed page's 索引号 (000014349/2020-1528049); the others
 * follow its nine-digit style but are illustrative.
 */
export const officeUnitCode = "000014349";

/** Short names for the demo items to refer to units by, so a code is written once. */
export const demoUnitCodes = {
  office: officeUnitCode,
  development: "000014350",
  finance: "000014351",
  justice: "000014352",
  audit: "000014353",
  approval: "000014354",
  civilAffairs: "000014355",
  education: "000014356",
  health: "000014357",
  humanResources: "000014358",
  naturalResources: "000014359",
  environment: "000014360",
  housing: "000014361",
  financialWork: "000014362",
  poverty: "000014363",
  market: "000014364",
  chashan: "000014370",
  ganlu: "000014371",
  jiangyi: "000014372",
  jinhu: "000014373",
  sujiadang: "000014374",
  zequan: "000014375",
} as const;
const c = demoUnitCodes;

/** 共青城市 as its 2019 rectification report shows it: the office, the departments it names, and its 5 乡镇 and 1 街道. */
export const demoUnits: Unit[] = [
  { code: c.office, name: "共青城市人民政府办公室", kind: "office" },

  { code: c.development, name: "共青城市发展和改革委员会", kind: "department" },
  { code: c.finance, name: "共青城市财政局", kind: "department" },
  { code: c.justice, name: "共青城市司法局", kind: "department" },
  { code: c.audit, name: "共青城市审计局", kind: "department" },
  { code: c.approval, name: "共青城市行政审批局", kind: "department" },
  { code: c.civilAffairs, name: "共青城市民政局", kind: "department" },
  { code: c.education, name: "共青城市教育体育局", kind: "department" },
  { code: c.health, name: "共青城市卫生健康委员会", kind: "department" },
  { code: c.humanResources, name: "共青城市人力资源和社会保障局", kind: "department" },
  { code: c.naturalResources, name: "共青城市自然资源局", kind: "department" },
  { code: c.environment, name: "共青城市生态环境局", kind: "department" },
  { code: c.housing, name: "共青城市住房和城乡建设局", kind: "department" },
  { code: c.financialWork, name: "共青城市人民政府金融工作办公室", kind: "department" },
  { code: c.poverty, name: "共青城市扶贫和移民办公室", kind: "department" },
  { code: c.market, name: "共青城市市场监督管理局", kind: "department" },

  { code: c.chashan, name: "共青城市茶山街道办事处", kind: "street" },
  { code: c.ganlu, name: "共青城市甘露镇人民政府", kind: "township" },
  { code: c.jiangyi, name: "共青城市江益镇人民政府", kind: "township" },
  { code: c.jinhu, name: "共青城市金湖乡人民政府", kind: "township" },
  { code: c.sujiadang, name: "共青城市苏家垱乡人民政府", kind: "township" },
  { code: c.zequan, name: "共青城市泽泉乡人民政府", kind: "township" },
];
