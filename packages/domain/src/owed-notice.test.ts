import { describe, expect, it } from "vitest";
import { IssueNoticeInput, noticeSize } from "./notice.ts";
import { owedNotice } from "./owed-notice.ts";
import { manualTask, rectificationNotice } from "./rectification.ts";
import { utf8Bytes } from "./text.ts";

const now = "2019-12-20T02:00:00.000Z";
const task = (i: number, problem = `“指标${i}”失2分。\n意见反馈未公开`) =>
  manualTask(
    {
      unitCode: "000014351",
      indicatorCode: String(i),
      problem,
      measures: "补发".repeat(1000),
      deadline: "2020-01-06",
    },
    { assessment: null, system: null },
    `rtask_${i}`,
    now,
  );
const office = { unitCode: "000014349", roles: ["office" as const], keyId: "key_office" };

describe("the 督办通知 of rectification tasks", () => {
  it("lists each task's loss (first line only), deadline and measures, to the unit, receipt in 3 working days", () => {
    const notice = rectificationNotice([task(1), task(2)], "市财政局");
    expect(notice).toMatchObject({
      kind: "supervision",
      targets: { scope: "units", unitCodes: ["000014351"] },
      receipt: { required: true, workingDays: 3 },
    });
    expect(notice.body).toContain("1. “指标1”失2分。整改期限：2020-01-06。");
    expect(notice.body).not.toContain("意见反馈未公开");
  });

  it("200 tasks with the longest texts still make a body within a notice's limit, which the owed record checks", () => {
    const tasks = Array.from({ length: 200 }, (_, i) => task(i, "失".repeat(4000)));
    const notice = rectificationNotice(tasks, "市财政局");
    expect(utf8Bytes(notice.body)).toBeLessThanOrEqual(noticeSize.bodyBytes);
    expect(notice.body).toContain("等共200项，详见平台整改任务。");
    expect(() =>
      owedNotice({ kind: "rectification-tasks", id: "asmt_x" }, notice, office, now),
    ).not.toThrow();
  });

  it("control: an owed notice that a request could not issue is refused before it is recorded", () => {
    const notice = rectificationNotice([task(1)], "市财政局");
    const tooLong = { ...notice, body: "失".repeat(noticeSize.bodyBytes) };
    expect(IssueNoticeInput.safeParse(tooLong).success).toBe(false);
    expect(() => owedNotice({ kind: "rectification-tasks", id: "asmt_x" }, tooLong, office, now)).toThrow();
  });
});
