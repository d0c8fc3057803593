import { z } from "zod";
import { EnteredFigures, ReportTables } from "./annual-report-figures.ts";
import { fail } from "./error.ts";
import { UnitCode } from "./unit.ts";

/**
 * A unit's working sheet for one year's report: what the office entered (tables 二 and 四,
 * with sources), the overview and problems as edited, the tables the latest draft printed,
 * and, once its item is published, the tables that went public (compared later with the
 * platform's figures, ADR 0052).
 */
export const AnnualReportSheet = z.object({
  unitCode: UnitCode,
  year: z.number().int(),
  entered: EnteredFigures,
  /** null: drafted from the records each time. */
  overview: z.string().nullable(),
  problems: z.string().nullable(),
  /** The latest draft: its item, the tables it printed, and the sheet's version it was drafted from. */
  draft: z.object({ itemId: z.string(), tables: ReportTables, sheetVersion: z.number().int() }).nullable(),
  published: z.object({ itemId: z.string(), publishedAt: z.string(), tables: ReportTables }).nullable(),
  /** 0 until first written. */
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type AnnualReportSheet = z.infer<typeof AnnualReportSheet>;

const section = z.string().trim().min(1, "不能为空").max(5000, "不能超过5000个字符").nullable();

/** The overview and problems as the office writes them; null returns a section to the drafted text. */
export const EditReportSectionsInput = z
  .strictObject({ overview: section.optional(), problems: section.optional() })
  .refine((input) => input.overview !== undefined || input.problems !== undefined, "须至少修改一部分");
export type EditReportSectionsInput = z.infer<typeof EditReportSectionsInput>;

export const emptySheet = (unitCode: string, year: number, now: string): AnnualReportSheet => ({
  unitCode,
  year,
  entered: {},
  overview: null,
  problems: null,
  draft: null,
  published: null,
  version: 0,
  updatedAt: now,
});

/** Once the report is public its sheet is the record of what was said: a correction is a new edition. */
export function assertEditable(sheet: AnnualReportSheet): void {
  if (sheet.published) fail("conflict", `${sheet.year}年度报告已发布，不能再修改`);
}

/** The sheet's id in the audit log. */
export const sheetId = (sheet: Pick<AnnualReportSheet, "unitCode" | "year">) =>
  `${sheet.unitCode}/${sheet.year}`;
