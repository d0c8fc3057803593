import {
  annualReportsOfYear,
  annualReportView,
  draftAnnualReport,
  editReportSections,
  enterReportFigures,
} from "@gov/core";
import { AnnualReport, AnnualReportSheet, EditReportSectionsInput, EnteredFigures } from "@gov/domain";
import {
  commonProblems,
  created,
  idempotent,
  jsonContent,
  named,
  newRouter,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  updateProblems,
  versioned,
  yearParam,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import { draftAnswer, itemResponse } from "./items.ts";

const sourced = (value: number) => ({ value, source: "市行政审批局行政许可台账", on: "2027-01-05" });
const outcomes = { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 };
const figuresExample = {
  licences: sourced(1280),
  penalties: sourced(56),
  coercion: sourced(3),
  fees: { value: 12.5, source: "市财政局非税收入台账", on: "2027-01-05" },
  reviewAndLitigation: {
    value: {
      reconsideration: outcomes,
      directSuit: { ...outcomes, pending: 0, total: 1 },
      suitAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    },
    source: "市司法局行政复议、行政应诉案件台账",
    on: "2027-01-05",
  },
};

const Mismatch = z.object({ cell: z.string(), published: z.number(), now: z.number() });
const Issue = z.object({ path: z.string(), message: z.string() });
const ReportView = z.object({
  report: AnnualReport.omit({ blocks: true }),
  version: z.number(),
  draftItemId: z.string().nullable(),
  published: z.object({ itemId: z.string(), publishedAt: z.string() }).nullable(),
  /** What does not add up: the report cannot be published until it does. */
  issues: z.array(Issue),
  /** Published cells the platform's figures no longer agree with. */
  mismatches: z.array(Mismatch),
});

const UnitReport = z.object({
  unitCode: z.string(),
  issuer: z.string(),
  draftItemId: z.string().nullable(),
  published: z.object({ itemId: z.string(), publishedAt: z.string() }).nullable(),
  issues: z.array(Issue),
  notRecorded: z.array(z.string()),
  mismatches: z.array(Mismatch),
});

const sheetResponse = (description: string) => ({
  description,
  ...jsonContent(named(AnnualReportSheet, "AnnualReportSheet")),
});

export const annualReportRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/reports/annual/{year}",
      summary: "本单位年度报告的填报与核对情况",
      description:
        "市政务公开办看本级政府的报告（覆盖全市各单位），部门看本部门的报告。issues列出不平衡的单元格（有则不能发布）；已发布的报告与平台现有数据不一致时，mismatches逐格列出报告所载与平台现数。",
      security,
      request: { params: yearParam() },
      responses: {
        200: { description: "年度报告及其核对结果", ...jsonContent(named(ReportView, "AnnualReportView")) },
        ...commonProblems,
      },
    }),
    async (c) => {
      const view = await annualReportView(c.var.deps, c.var.principal, c.req.valid("param"));
      const { blocks: _blocks, ...report } = view.report;
      return versioned(c, { ...view, report });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/reports/annual/{year}/units",
      summary: "各单位年度报告情况（仅市政务公开办）",
      description:
        "逐单位列出：是否已起草、已发布，不平衡的单元格，尚未填报的内容，以及已发布报告与平台现有数据不一致的单元格（mismatches）。",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: yearParam() },
      responses: {
        200: {
          description: "各单位年度报告情况",
          ...jsonContent(
            z.object({ year: z.number(), units: z.array(named(UnitReport, "UnitAnnualReport")) }),
          ),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const { year } = c.req.valid("param");
      const units = await annualReportsOfYear(c.var.deps, { year });
      return c.json({ year, units }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/reports/annual/{year}/figures",
      summary: "填报平台不掌握的年度报告数据（许可、处罚、强制、收费、复议诉讼）",
      description:
        "每项注明数据来源与取数日期。数量须为非负整数，收费以万元计（最多四位小数），表四各行总计须等于结果维持、结果纠正、其他结果、尚未审结之和；有误时400并指明单元格。整体替换此前填报的数据；报告发布后不能再修改（409）。",
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: yearParam(),
        headers: z.object({ "if-match": z.string().optional().openapi({ example: '"1"' }) }),
        body: { required: true, ...jsonContent(EnteredFigures, figuresExample) },
      },
      responses: {
        200: sheetResponse("已保存的填报数据"),
        ...updateProblems,
        428: problemResponse("修改已有的填报须携带If-Match（GET返回的ETag）"),
      },
    }),
    async (c) => {
      const sheet = await enterReportFigures(c.var.deps, c.var.principal, {
        year: c.req.valid("param").year,
        figures: c.req.valid("json"),
        expectedVersion: sentVersion(c),
      });
      return versioned(c, sheet);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/reports/annual/{year}/sections",
      summary: "修改年度报告的总体情况、存在的主要问题及改进情况",
      description:
        "两部分默认按平台当年记录起草；在此改写后以改写的为准，传null恢复起草文本。报告发布后不能再修改（409）。",
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: yearParam(),
        headers: z.object({ "if-match": z.string().optional().openapi({ example: '"1"' }) }),
        body: {
          required: true,
          ...jsonContent(EditReportSectionsInput, { overview: "2026年，本机关坚持以公开为常态……" }),
        },
      },
      responses: {
        200: sheetResponse("已保存的改写"),
        ...updateProblems,
        428: problemResponse("修改已有的填报须携带If-Match（GET返回的ETag）"),
      },
    }),
    async (c) => {
      const sheet = await editReportSections(c.var.deps, c.var.principal, {
        year: c.req.valid("param").year,
        ...c.req.valid("json"),
        expectedVersion: sentVersion(c),
      });
      return versioned(c, sheet);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reports/annual/{year}/draft",
      summary: "按平台数据起草上一年度政府信息公开工作年度报告（草稿）",
      description:
        "在“政府信息公开年度报告”栏目创建草稿：市政务公开办起草本级政府的报告（覆盖全市各单位），部门起草本部门的报告。草稿含已填报的数据和改写的文字；表格不平衡的报告不能发布（审核时422并指明单元格）。再提交、保密审查、发布（条例第四十九条：部门1月31日前，本级政府3月31日前）。支持Idempotency-Key。",
      security,
      middleware: [requireRole("editor"), idempotent] as const,
      request: {
        params: yearParam(),
        headers: z.object({ "idempotency-key": z.string().optional() }),
        // Nothing to send: the report is drafted from the platform's records. A body sent anyway
        // is refused, so a caller who thinks it sets something learns that it does not.
        body: { required: false, ...jsonContent(z.strictObject({}), {}) },
      },
      responses: {
        201: itemResponse("年度报告草稿"),
        ...commonProblems,
        409: problemResponse("报告已发布"),
        422: problemResponse("年度尚未结束"),
      },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => draftAnnualReport(c.var.deps, c.var.principal, c.req.valid("param"), { alsoWrite }),
        draftAnswer,
      ),
  );
