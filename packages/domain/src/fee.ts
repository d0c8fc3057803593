import { fail } from "./error.ts";

/**
 * 国办函〔2020〕109号《政府信息公开信息处理费管理办法》: a fee is the exception. It is
 * charged either by the number of applications one applicant files in a calendar month or by
 * the number of pages provided, never both. Amounts are in yuan.
 */

const wholeNumber = (n: number, what: string) => {
  if (!Number.isInteger(n) || n < 0) fail("validation", `${what}须为非负整数`);
};

/** The charge for the n-th application (1-based) of one applicant in one month. */
function chargeForNth(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  // From the 31st, every further block of 10 raises the charge by ¥100 each.
  return 100 + 100 * Math.ceil((n - 30) / 10);
}

/**
 * By count: the first 10 in the month are free, the 11th–30th cost ¥100 each, and every
 * further block of 10 costs ¥100 more per application than the one before.
 * `earlierThisMonth` is how many the applicant already filed this month.
 */
export function feeByCount(earlierThisMonth: number, applications: number): number {
  wholeNumber(earlierThisMonth, "本月此前申请件数");
  wholeNumber(applications, "申请件数");
  let total = 0;
  for (let n = earlierThisMonth + 1; n <= earlierThisMonth + applications; n++) total += chargeForNth(n);
  return total;
}

/** By volume, per application: 30 pages free; 31–100 ¥10/page; 101–200 ¥20/page; over 200 ¥40/page. */
export function feeByPages(pages: number): number {
  wholeNumber(pages, "页数");
  const band = (from: number, to: number, price: number) => Math.max(0, Math.min(pages, to) - from) * price;
  return band(30, 100, 10) + band(100, 200, 20) + band(200, Number.POSITIVE_INFINITY, 40);
}
