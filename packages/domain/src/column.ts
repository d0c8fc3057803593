import { z } from "zod";
import { ItemKind } from "./item-kind.ts";

/** A stable lowercase slug: it is stored on every item and in the store's column index. */
export const ColumnId = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "栏目标识须为小写字母、数字和连字符");
export type ColumnId = z.infer<typeof ColumnId>;

/** A column (栏目) of the disclosure catalogue. */
export const Column = z.strictObject({
  id: ColumnId,
  name: z.string().min(1).max(50),
  parentId: ColumnId.nullable(),
  /** Position among its siblings. */
  order: z.number().int().nonnegative(),
  /**
   * Calendar days without a new item after which the national website checks count the
   * column as not updated (国办发〔2017〕47号 and the yearly checks): news 2 weeks, notices and
   * policies 6 months, monthly payment tables a month. null: the check does not apply.
   * A *setting*: these are the defaults.
   */
  freshnessDays: z.number().int().positive().nullable(),
  kinds: z.array(ItemKind).min(1),
});
export type Column = z.infer<typeof Column>;

export type ColumnNode = Column & { children: ColumnNode[] };

const NEWS = 14;
const NOTICE = 183;
const MONTHLY = 31;

type Entry = [id: string, name: string, freshnessDays: number | null, kinds: ItemKind[]];

/** Builds one level of siblings under `parentId`, their order being their position here. */
function level(parentId: string | null, entries: Entry[]): Column[] {
  return entries.map(([id, name, freshnessDays, kinds], order) => ({
    id,
    name,
    parentId,
    order,
    freshnessDays,
    kinds,
  }));
}

const G: ItemKind[] = ["general"];

/**
 * The catalogue of 共青城市's portal as its 2019 rectification report describes it, in the
 * report's order. Names are the report's own where it gives one.
 */
export const columns: readonly Column[] = [
  ...level(null, [
    ["decision", "决策公开", NOTICE, G],
    ["execution", "执行公开", NOTICE, G],
    ["normative-documents", "规范性文件", NOTICE, ["normative", "general"]],
    ["proposals", "建议提案办理", null, G],
    ["fiscal", "财政信息", null, G],
    ["major-projects", "重大建设项目", null, G],
    ["reform", "放管服改革", null, G],
    ["law-enforcement", "行政执法公示", null, G],
    ["social", "社会救助和社会福利", null, G],
    ["education", "教育领域", NOTICE, G],
    ["health", "医疗卫生", NOTICE, G],
    ["three-battles", "三大攻坚战", null, G],
    ["employment", "就业创业", NOTICE, G],
    ["public-resources", "公共资源配置", null, G],
    ["interpretation", "政策解读", NOTICE, ["interpretation"]],
    ["responses", "回应关切", NOTICE, G],
    ["press-conferences", "新闻发布会", null, G],
    ["meetings", "政府会议", null, ["meeting"]],
    ["audit", "审计公开", null, ["audit", "general"]],
    ["supervision", "监督保障", null, G],
    ["annual-reports", "政府信息公开年度报告", null, G],
    ["disclosure-guide", "政府信息公开指南", null, G],
    ["disclosure-rules", "政府信息公开制度", null, G],
  ]),
  ...level("decision", [
    ["decision-consultation", "重大决策征求意见", NOTICE, G],
    ["decision-feedback", "意见反馈", NOTICE, G],
  ]),
  ...level("execution", [
    ["government-work-report", "政府工作报告落实情况", NOTICE, G],
    ["execution-tracking", "重大决策跟踪反馈和执行效果评估", NOTICE, G],
  ]),
  ...level("proposals", [
    ["npc-suggestions", "人大代表建议办理结果", null, G],
    ["cppcc-proposals", "政协委员提案办理结果", null, G],
  ]),
  ...level("fiscal", [
    ["fiscal-budget", "财政预决算", null, ["budget"]],
    ["fiscal-debt", "政府债务", null, G],
    ["fiscal-performance", "绩效评价", null, G],
  ]),
  ...level("fiscal-budget", [
    ["fiscal-budget-city", "市本级预决算", null, ["budget"]],
    ["fiscal-budget-departments", "部门预决算", null, ["budget"]],
    ["fiscal-budget-townships", "乡镇（街道）预决算", null, ["budget"]],
    ["fiscal-three-public", "三公经费", null, ["budget"]],
  ]),
  // The eight kinds of information the report names for each project's approval and construction.
  ...level("major-projects", [
    ["project-approval-service", "批准服务信息", null, ["project"]],
    ["project-approval-result", "批准结果信息", null, ["project"]],
    ["project-bidding", "招标投标信息", null, ["project"]],
    ["project-land-acquisition", "征收土地信息", null, ["project"]],
    ["project-design-change", "重大设计变更信息", null, ["project"]],
    ["project-construction", "施工有关信息", null, ["project"]],
    ["project-quality-safety", "质量安全监督信息", null, ["project"]],
    ["project-completion", "竣工有关信息", null, ["project"]],
  ]),
  ...level("reform", [
    ["double-random", "双随机一公开", null, G],
    ["government-services", "政务服务", null, G],
    ["certification-list", "证明事项清单", null, G],
  ]),
  // Payments are published month by month, so a month without one is a gap.
  ...level("social", [
    ["social-assistance", "社会救助", MONTHLY, G],
    ["social-welfare", "社会福利", MONTHLY, G],
  ]),
  ...level("education", [
    ["education-preschool", "学前教育", NOTICE, G],
    ["education-compulsory", "义务教育", NOTICE, G],
    ["education-high-school", "普通高中教育", NOTICE, G],
    ["education-private", "民办教育", NOTICE, G],
  ]),
  ...level("three-battles", [
    ["financial-risk", "防范化解重大金融风险", NOTICE, G],
    ["poverty-alleviation", "脱贫攻坚", NOTICE, G],
    ["environment", "环境保护", null, G],
  ]),
  ...level("environment", [
    ["environment-approvals", "审批类信息", NOTICE, G],
    ["environment-notices", "公告类信息", NOTICE, G],
    ["environment-enforcement", "环境执法类信息", NOTICE, G],
    ["environment-quality", "环境质量信息", MONTHLY, G],
    ["environment-news", "政务动态", NEWS, G],
  ]),
  ...level("public-resources", [
    ["state-land", "国有土地", NOTICE, G],
    ["government-procurement", "政府采购", null, G],
  ]),
];

const byId = new Map(columns.map((c) => [c.id, c]));

/** The column every unit's annual report is published in (ADR 0033, OGI Art. 49). */
export const annualReportColumn = "annual-reports";

export function findColumn(id: string): Column | undefined {
  return byId.get(id);
}

/** The catalogue as a tree, siblings by order. Fresh objects each call, so callers may mutate. */
export function columnTree(): ColumnNode[] {
  const nodes = new Map<string, ColumnNode>(
    columns.map((c) => [c.id, { ...c, kinds: [...c.kinds], children: [] }]),
  );
  const roots: ColumnNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: ColumnNode[]) => {
    list.sort((a, b) => a.order - b.order);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** False for an unknown id: it is not a column, let alone a leaf. */
export function isLeafColumn(id: string): boolean {
  return byId.has(id) && !columns.some((c) => c.parentId === id);
}

/** The column and its ancestors, root first; empty for an unknown id. */
export function columnPath(id: string): Column[] {
  const path: Column[] = [];
  for (let c = byId.get(id); c; c = c.parentId === null ? undefined : byId.get(c.parentId)) {
    // A cycle would loop for ever; the catalogue test rules cycles out, this keeps a bad edit finite.
    if (path.includes(c)) break;
    path.unshift(c);
  }
  return path;
}

/**
 * The catalogue tree with published-item counts: `count` in the column itself, `total`
 * including its sub-columns, as a portal's navigation shows them.
 */
export const CountedColumnNode = Column.extend({
  count: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  get children() {
    return z.array(CountedColumnNode);
  },
});
export type CountedColumnNode = z.infer<typeof CountedColumnNode>;

export function countedColumnTree(counts: ReadonlyMap<string, number>): CountedColumnNode[] {
  const withCounts = (node: ColumnNode): CountedColumnNode => {
    const children = node.children.map(withCounts);
    const count = counts.get(node.id) ?? 0;
    return { ...node, count, total: children.reduce((sum, c) => sum + c.total, count), children };
  };
  return columnTree().map(withCounts);
}
