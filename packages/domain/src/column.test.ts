import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  Column,
  type ColumnNode,
  CountedColumnNode,
  columnPath,
  columns,
  columnTree,
  countedColumnTree,
  findColumn,
  isLeafColumn,
} from "./column.ts";

const ids = columns.map((c) => c.id);
const flatten = (nodes: ColumnNode[]): ColumnNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe("the column catalogue", () => {
  it("every column is a valid Column (slug id, Chinese name, known item kinds, at least one kind)", () => {
    for (const column of columns) expect(Column.safeParse(column).error, column.id).toBeUndefined();
  });

  it("column ids are unique", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every parentId names a column of the catalogue", () => {
    for (const column of columns)
      if (column.parentId !== null) expect(ids, column.id).toContain(column.parentId);
  });

  it("no column is its own ancestor", () => {
    for (const column of columns) {
      const seen = new Set<string>();
      let parentId = column.parentId;
      while (parentId !== null) {
        expect(parentId === column.id || seen.has(parentId), `cycle through ${parentId}`).toBe(false);
        seen.add(parentId);
        parentId = findColumn(parentId)?.parentId ?? null;
      }
    }
  });

  it("siblings have distinct orders, so the tree's order is fully determined", () => {
    const keys = columns.map((c) => `${c.parentId}:${c.order}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("the tree is two to three levels deep", () => {
    const depths = ids.map((id) => columnPath(id).length);
    expect(Math.max(...depths)).toBe(3);
    expect(depths).toContain(2);
  });

  it("every column takes at least one item kind", () => {
    for (const column of columns) expect(column.kinds.length, column.id).toBeGreaterThan(0);
  });

  it("the report's eight project stages sit under 重大建设项目 and take project items", () => {
    const stages = columns.filter((c) => c.parentId === "major-projects");
    expect(findColumn("major-projects")?.name).toBe("重大建设项目");
    expect(stages.map((c) => c.name)).toEqual([
      "批准服务信息",
      "批准结果信息",
      "招标投标信息",
      "征收土地信息",
      "重大设计变更信息",
      "施工有关信息",
      "质量安全监督信息",
      "竣工有关信息",
    ]);
    for (const stage of stages) expect(stage.kinds).toEqual(["project"]);
  });

  it("the columns the report names exist under the report's names", () => {
    const names = new Set(columns.map((c) => c.name));
    for (const name of [
      "决策公开",
      "执行公开",
      "重大决策跟踪反馈和执行效果评估",
      "规范性文件",
      "财政信息",
      "三公经费",
      "政府债务",
      "绩效评价",
      "双随机一公开",
      "政务服务",
      "证明事项清单",
      "行政执法公示",
      "社会救助",
      "社会福利",
      "教育领域",
      "医疗卫生",
      "防范化解重大金融风险",
      "脱贫攻坚",
      "环境保护",
      "就业创业",
      "国有土地",
      "政府采购",
      "政策解读",
      "回应关切",
      "新闻发布会",
      "政府会议",
      "审计公开",
      "监督保障",
      "政府信息公开年度报告",
      "政府信息公开指南",
      "政府信息公开制度",
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  it("环境保护 has the report's five sub-columns", () => {
    expect(columns.filter((c) => c.parentId === "environment").map((c) => c.name)).toEqual([
      "审批类信息",
      "公告类信息",
      "环境执法类信息",
      "环境质量信息",
      "政务动态",
    ]);
  });

  it("special kinds go to their own columns: documents, interpretations, budgets, meetings, audits", () => {
    expect(findColumn("normative-documents")?.kinds).toContain("normative");
    expect(findColumn("interpretation")?.kinds).toEqual(["interpretation"]);
    expect(findColumn("fiscal-three-public")?.kinds).toEqual(["budget"]);
    expect(findColumn("meetings")?.kinds).toEqual(["meeting"]);
    expect(findColumn("audit")?.kinds).toContain("audit");
    expect(findColumn("decision")?.kinds).not.toContain("budget");
    const special = ["normative", "interpretation", "budget", "project", "meeting", "audit"] as const;
    for (const kind of special)
      expect(
        columns.some((c) => c.kinds.includes(kind)),
        kind,
      ).toBe(true);
  });

  it("freshness follows the national checks: news 14 days, notices and policies 183, monthly payments 31", () => {
    expect(findColumn("environment-news")?.freshnessDays).toBe(14);
    expect(findColumn("normative-documents")?.freshnessDays).toBe(183);
    expect(findColumn("interpretation")?.freshnessDays).toBe(183);
    expect(findColumn("social-assistance")?.freshnessDays).toBe(31);
    expect(findColumn("annual-reports")?.freshnessDays).toBeNull();
  });
});

describe("columnTree", () => {
  it("flattening the tree gives back exactly the catalogue", () => {
    const flat = flatten(columnTree());
    expect(flat.map((n) => n.id).sort()).toEqual([...ids].sort());
    for (const { children: _children, ...column } of flat) expect(column).toEqual(findColumn(column.id));
  });

  it("each node's children are the columns whose parent it is, sorted by order", () => {
    for (const node of flatten(columnTree())) {
      expect(node.children.map((c) => c.parentId).every((p) => p === node.id)).toBe(true);
      const orders = node.children.map((c) => c.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
    const roots = columnTree();
    expect(roots.every((r) => r.parentId === null)).toBe(true);
    expect(roots[0]?.id).toBe("decision");
  });

  it("a caller mutating the tree does not change the catalogue", () => {
    const tree = columnTree();
    const first = tree[0];
    if (!first) throw new Error("empty tree");
    first.name = "改";
    first.kinds.push("budget");
    first.children.length = 0;
    expect(findColumn("decision")?.name).toBe("决策公开");
    expect(findColumn("decision")?.kinds).toEqual(["general"]);
    expect(columnTree()[0]?.children.length).toBeGreaterThan(0);
  });
});

describe("lookups", () => {
  it("findColumn finds by id and returns undefined for an unknown id", () => {
    expect(findColumn("fiscal-budget")?.name).toBe("财政预决算");
    expect(findColumn("no-such-column")).toBeUndefined();
  });

  it("a column is a leaf when no column names it as parent; an unknown id is not a leaf", () => {
    expect(isLeafColumn("project-bidding")).toBe(true);
    expect(isLeafColumn("interpretation")).toBe(true);
    expect(isLeafColumn("major-projects")).toBe(false);
    expect(isLeafColumn("fiscal-budget")).toBe(false);
    expect(isLeafColumn("no-such-column")).toBe(false);
  });

  it("columnPath runs from the root to the column itself; empty for an unknown id", () => {
    expect(columnPath("fiscal-three-public").map((c) => c.id)).toEqual([
      "fiscal",
      "fiscal-budget",
      "fiscal-three-public",
    ]);
    expect(columnPath("decision").map((c) => c.id)).toEqual(["decision"]);
    expect(columnPath("no-such-column")).toEqual([]);
  });

  it("every path starts at a root and each step is the parent of the next", () => {
    for (const id of ids) {
      const path = columnPath(id);
      expect(path[0]?.parentId).toBeNull();
      expect(path.at(-1)?.id).toBe(id);
      for (let i = 1; i < path.length; i++) expect(path[i]?.parentId).toBe(path[i - 1]?.id);
    }
  });
});

describe("catalogue counts", () => {
  it("a column's total includes its sub-columns; its count only its own items", () => {
    const tree = countedColumnTree(
      new Map([
        ["fiscal", 1],
        ["fiscal-budget", 2],
        ["fiscal-budget-city", 3],
        ["fiscal-debt", 4],
      ]),
    );
    const fiscal = tree.find((c) => c.id === "fiscal");
    expect(fiscal).toMatchObject({ count: 1, total: 10 });
    expect(fiscal?.children.find((c) => c.id === "fiscal-budget")).toMatchObject({ count: 2, total: 5 });
    expect(tree.find((c) => c.id === "decision")).toMatchObject({ count: 0, total: 0 });
    // The schema the public document declares, strict at every level of the tree.
    expect(z.array(CountedColumnNode).parse(tree)).toEqual(tree);
  });
});
