import { z } from "zod";
import { IndicatorLevel, levelNames } from "./indicator-level.ts";
import type { LevelRanking } from "./ranking.ts";
import { isOverdue, type RectificationTask, taskStateNames } from "./rectification.ts";
import { clockTitles, type OverdueEntry } from "./supervision-clock.ts";
import { Block, blocksHtml, blocksMarkdown } from "./written-document.ts";

const count = z.number().int();
export const Circular = z.object({
  year: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  blocks: z.array(Block),
  summary: z.object({ assessed: count, tasks: count, verified: count, overdue: count, reopened: count }),
});
export type Circular = z.infer<typeof Circular>;

/** The circular as JSON: its blocks, and the same text rendered as Markdown and HTML. */
export const RenderedCircular = Circular.extend({ markdown: z.string(), html: z.string() });
export type RenderedCircular = z.infer<typeof RenderedCircular>;

/**
 * What to publish: the year's circular of one level, or without a level of all of them. One
 * circular per (year, level) is drafted; asking again answers that draft (ADR 0040).
 */
export const CircularPublicationInput = z.strictObject({ level: IndicatorLevel.optional() });
export type CircularPublicationInput = z.infer<typeof CircularPublicationInput>;

/** The scope a (year, level) circular is known by: the level, or `all`. */
export const circularScope = (level: IndicatorLevel | undefined) => level ?? "all";

export type CircularInput = {
  year: number;
  /** Only this level's results and its units' tasks; undefined = every level. */
  level?: IndicatorLevel | undefined;
  issuer: string;
  issuedOn: string;
  levels: LevelRanking[];
  /** The year's rectification tasks. */
  tasks: readonly RectificationTask[];
  /** Every clock's findings very overdue on the issue day (督办, ADR 0049): listed for the circular. */
  veryOverdue?: readonly OverdueEntry[];
  unitNames: ReadonlyMap<string, string>;
};

const numerals = ["一", "二", "三", "四", "五", "六"];
const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * 通报 (OGI Art. 47): the year's results by level, the state of rectification, and the
 * overdue and reopened tasks by unit, the office's basis for 督办.
 */
export function buildCircular(input: CircularInput): Circular {
  const { year, unitNames } = input;
  // A level's circular speaks of the tasks of the units that level assessed.
  const assessedUnits = new Set(input.levels.flatMap((l) => l.rows.map((r) => r.unitCode)));
  const tasks = input.level ? input.tasks.filter((t) => assessedUnits.has(t.unitCode)) : input.tasks;
  const name = (code: string) => unitNames.get(code) ?? code;
  const overdue = tasks.filter((t) => isOverdue(t, input.issuedOn));
  const reopened = tasks.filter((t) => t.verifications.some((v) => !v.accepted));
  const verified = tasks.filter((t) => t.state === "verified");
  const assessed = input.levels.reduce((n, l) => n + l.rows.length, 0);
  const blocks: Block[] = [];
  let section = 0;
  const heading = (text: string) => blocks.push({ type: "heading", text: `${numerals[section++]}、${text}` });

  blocks.push({
    type: "paragraph",
    text: `根据${year}年度政务公开工作评估要点，市政务公开办对${assessed}个单位的政务公开工作进行了考评，并对失分事项逐项下达整改任务。现将有关情况通报如下。`,
  });
  heading("考评结果");
  for (const level of input.levels.filter((l) => l.rows.length > 0)) {
    blocks.push({ type: "paragraph", text: `${levelNames[level.level]}（${level.rows.length}个单位）：` });
    blocks.push({
      type: "table",
      head: ["名次", "单位", "得分", "满分", "得分率", "整改前得分"],
      rows: level.rows.map((r) => [
        String(r.rank),
        r.unitName,
        points(r.total),
        points(r.maxTotal),
        `${r.rate}%`,
        r.baselineTotal === null ? "—" : points(r.baselineTotal),
      ]),
    });
  }
  heading("整改情况");
  blocks.push({
    type: "paragraph",
    text: `共下达整改任务${tasks.length}项，已核验通过${verified.length}项，逾期未完成${overdue.length}项，核验未通过退回重改${reopened.length}项。`,
  });
  if (overdue.length) {
    heading("逾期未完成的整改任务");
    blocks.push({
      type: "table",
      head: ["单位", "指标", "整改期限", "状态", "完成比例"],
      rows: overdue.map((t) => [
        name(t.unitCode),
        t.indicatorCode,
        t.deadline,
        taskStateNames[t.state],
        `${t.percent}%`,
      ]),
    });
  }
  // Overdue tasks are listed above; the other clocks' very-overdue findings are listed here.
  const pressed = (input.veryOverdue ?? []).filter(
    (e) => e.kind !== "rectification-task" && (!input.level || assessedUnits.has(e.unitCode)),
  );
  if (pressed.length) {
    heading("督办严重逾期事项");
    blocks.push({
      type: "table",
      head: ["单位", "类别", "事项", "期限", "依据"],
      rows: pressed.map((e) => [name(e.unitCode), clockTitles[e.kind], e.title, e.dueOn, e.basis]),
    });
  }
  if (reopened.length) {
    heading("核验未通过的整改任务");
    blocks.push({
      type: "list",
      items: reopened.map((t) => {
        const reason = t.verifications.findLast((v) => !v.accepted)?.note ?? "";
        return `${name(t.unitCode)}（指标${t.indicatorCode}）：${reason}；当前${taskStateNames[t.state]}`;
      }),
    });
  }
  heading("工作要求");
  blocks.push({
    type: "paragraph",
    text: "各单位要对照失分事项，一项一项落实、一项一项整改，按时限完成并在原栏目发布整改结果；逾期未完成的单位由市政府办公室督办。",
  });
  return {
    year,
    title: `关于${year}年度${input.level ? levelNames[input.level] : ""}政务公开工作考评结果的通报`,
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    blocks,
    summary: {
      assessed,
      tasks: tasks.length,
      verified: verified.length,
      overdue: overdue.length,
      reopened: reopened.length,
    },
  };
}

export function circularMarkdown(circular: Circular): string {
  return blocksMarkdown(circular.title, circular.blocks, [circular.issuer, circular.issuedOn]);
}

/** A fragment (no html/head), fit to be a disclosure item's body. */
export function circularHtml(circular: Circular): string {
  return blocksHtml(circular.title, circular.blocks, [circular.issuer, circular.issuedOn]);
}
