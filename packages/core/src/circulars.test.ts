import { circularMarkdown } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { recordApplicationEvent, registerApplication } from "./applications.ts";
import { circularItem, circularOfYear, draftCircular } from "./circulars.ts";
import { draftItem } from "./items.ts";
import { office, supervisionDeps } from "./test-supervision.ts";

let t: Awaited<ReturnType<typeof supervisionDeps>>;

beforeAll(async () => {
  t = await supervisionDeps(new Date("2020-01-09T02:00:00.000Z"));
});

describe("circulars are drafted as every item is", () => {
  it("a circular drafted into a column that does not accept its kind is refused, as POST /items refuses it", async () => {
    const circular = await circularOfYear(t.deps, office, { year: 2019 });
    const misplaced = { ...circularItem(circular), columnId: "meetings" };
    await expect(draftItem(t.deps, office, misplaced)).rejects.toMatchObject({
      kind: "unprocessable",
      issues: [{ path: "columnId", message: "栏目“政府会议”不接受类型为general的信息" }],
    });
    expect((await t.store.items.listOfUnit(office.unitCode, { limit: 10 })).items).toEqual([]);
  });

  it("the year's circular is drafted into 监督保障 in the office's name, its audit entry saying what it is", async () => {
    const { item, created } = await draftCircular(t.deps, office, { year: 2019 });
    expect(created).toBe(true);
    expect(item).toMatchObject({
      state: "draft",
      kind: "general",
      columnId: "supervision",
      unitCode: office.unitCode,
      title: "关于2019年度政务公开工作考评结果的通报",
      createdAt: "2020-01-09T02:00:00.000Z",
    });
    expect(await t.store.items.history(item.id)).toEqual([
      expect.objectContaining({ action: "create", state: "draft", note: "2019年度考评通报" }),
    ]);
  });
});

describe("issue 14: what 督办 found very overdue is listed for the next circular", () => {
  it("an application very overdue on the issue day is listed with its deadline and basis; merely overdue, it is not", async () => {
    const u = await supervisionDeps(new Date("2026-09-10T02:00:00.000Z"));
    const clerk = { ...office, roles: ["office" as const, "editor" as const] };
    const application = await registerApplication(u.deps, clerk, {
      channel: "registered-post",
      receivedOn: "2026-09-10",
      applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
      description: "申请公开湿地保护项目的环评批复",
    });
    // Accepted at once, it owes no correction notice (Art. 30), only its answer.
    await recordApplicationEvent(u.deps, clerk, {
      id: application.id,
      event: { type: "accept", on: "2026-09-10" },
    });
    // Due 14 October (20 working days across 中秋 and National Day); very overdue from 28 October.
    u.setNow(new Date("2026-10-27T02:00:00.000Z"));
    const overdueOnly = circularMarkdown(await circularOfYear(u.deps, office, { year: 2026 }));
    expect(overdueOnly).not.toContain("督办严重逾期事项");
    u.setNow(new Date("2026-10-28T02:00:00.000Z"));
    const markdown = circularMarkdown(await circularOfYear(u.deps, office, { year: 2026 }));
    expect(markdown).toContain("督办严重逾期事项");
    const row = markdown.split("\n").find((line) => line.includes("湿地保护项目"));
    expect(row).toContain("| 共青城市政务公开办 | 依申请公开答复 |");
    expect(row).toContain("| 2026-10-14 |");
  });
});
