import { z } from "zod";
import { findColumn } from "../column.ts";
import { daysBetween, type IsoDate } from "../date.ts";
import { aboutColumn } from "./deduction.ts";
import { firstPublishedOn, type ItemFact } from "./facts.ts";
import { deductionPerRecord, type RuleDefinition } from "./rule.ts";

const columnIds = z.array(z.string().refine((id) => findColumn(id) !== undefined, "栏目不存在")).max(100);

const latestByColumn = (items: readonly ItemFact[]) => {
  const latest = new Map<string, IsoDate>();
  for (const item of items) {
    const on = firstPublishedOn(item);
    if ((latest.get(item.columnId) ?? "") < on) latest.set(item.columnId, on);
  }
  return latest;
};

const FreshnessParams = z.strictObject({
  deductionPerRecord,
  /** The columns to check; by default every column the unit publishes in that has a threshold. */
  columnIds: columnIds.optional(),
  /** Calendar days per column, overriding the catalogue's defaults (news 14, policy 183, monthly 31). */
  thresholds: z.record(z.string(), z.number().int().positive().max(3660)).optional(),
});
type FreshnessParams = z.infer<typeof FreshnessParams>;

/**
 * Column freshness, as the national website checks count it: a column whose newest item is
 * older than its threshold is not being updated. Columns without any item are the
 * empty-columns rule's business, so one gap is never deducted twice.
 */
export const columnFreshness: RuleDefinition<FreshnessParams> = {
  id: "column-freshness",
  name: "栏目按时更新",
  params: FreshnessParams,
  evaluate: (params, facts, asOf) => {
    const latest = latestByColumn(facts.items);
    const checked = params.columnIds ?? [...latest.keys()].sort();
    return checked.flatMap((columnId) => {
      const column = findColumn(columnId);
      const threshold = params.thresholds?.[columnId] ?? column?.freshnessDays ?? null;
      const last = latest.get(columnId);
      if (threshold === null || !last) return [];
      const days = daysBetween(last, asOf);
      if (days <= threshold) return [];
      return [
        aboutColumn(
          columnId,
          facts.unitCode,
          `栏目“${column?.name ?? columnId}”最近一次更新为${last}，至${asOf}已${days}天未更新（限${threshold}天）`,
        ),
      ];
    });
  },
};

const EmptyColumnsParams = z.strictObject({
  deductionPerRecord,
  /** The columns the unit is expected to keep, from the sheet. */
  columnIds: columnIds.min(1, "至少列出一个栏目"),
});
type EmptyColumnsParams = z.infer<typeof EmptyColumnsParams>;

/** 空白栏目: a column the sheet expects of the unit with nothing published in it. */
export const emptyColumns: RuleDefinition<EmptyColumnsParams> = {
  id: "empty-columns",
  name: "无空白栏目",
  params: EmptyColumnsParams,
  evaluate: (params, facts) => {
    const used = new Set(facts.items.map((i) => i.columnId));
    return params.columnIds
      .filter((id) => !used.has(id))
      .map((columnId) =>
        aboutColumn(
          columnId,
          facts.unitCode,
          `栏目“${findColumn(columnId)?.name ?? columnId}”没有本单位发布的信息（空白栏目）`,
        ),
      );
  },
};
