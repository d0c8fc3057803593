import { createSupervisionApp } from "@gov/supervision";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness, letterBody } from "./citizen-harness.ts";

/**
 * Auto-scoring judged against applications and letters that came in through the real doors:
 * the portal's intake, the staff routes of apps/publish, and the supervision API. It sits here
 * because only this package may create the public, publish and supervision apps together
 * (apps/public's tests already depend on the other two; the reverse would be a cycle).
 */
// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
type Json = Record<string, any>;

let h: Awaited<ReturnType<typeof citizenHarness>>;
let supervision: ReturnType<typeof createSupervisionApp>;
let office: string;
let editor: string;
const dept = "000014351";

beforeAll(async () => {
  h = await citizenHarness({}, new Date("2025-03-03T02:00:00.000Z"));
  supervision = createSupervisionApp(h.deps);
  office = await h.key("000014349", ["office", "assessor", "editor"]);
  editor = await h.key(dept, ["editor"]);
});

/** 10:00 in Beijing on `day`. */
const on = (day: string) => h.setNow(new Date(`${day}T02:00:00.000Z`));

async function ok(method: string, path: string, key: string, body?: unknown) {
  const res = await h.call(method, path, key, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as Json;
}

async function supervise(method: string, path: string, body?: unknown) {
  const res = await supervision.request(`/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${office}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Json;
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

const applicant = { type: "natural-person", name: "赵六", phone: "13700000000" };

/** An online application on the portal, found by the unit's staff by its tracking code. */
async function applyOnline(description: string) {
  const receipt = await h.post("/applications", { unitCode: dept, applicant, description });
  expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
  const list = await ok("GET", "/applications?limit=100", editor);
  return (list.items as Json[]).find((a) => a.trackingCode === receipt.body.trackingCode) as Json;
}

/** A letter on the portal, assigned by the office to the department. */
async function writeLetter(subject: string) {
  const res = await h.post("/letters", letterBody(subject));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await ok("POST", `/letters/${res.body.id}/transfer`, office, { unitCode: dept, reason: "按职能交办" });
  return res.body.id;
}

describe("auto-score of applications (OGI Art. 33) and the mailbox, from records made through the APIs", () => {
  it("lists exactly the late applications and the unreplied letters, by id, with staff links and no personal data", async () => {
    // Online, so received the day confirmed (OGI Art. 31(三)): automatically the next working day.
    // Submitted 2025-03-03, received 03-04, due 04-01: answered on 03-20, in time.
    on("2025-03-03");
    const inTime = await applyOnline("申请公开本市2024年度财政专项资金分配结果");
    on("2025-03-20");
    await ok("POST", `/applications/${inTime.id}/events`, editor, {
      type: "respond",
      on: "2025-03-20",
      responseType: "disclosed",
    });
    // Submitted 2025-06-03, received 06-04 (confirmed automatically), due 07-02 (the Dragon Boat
    // Festival, 05-31..06-02, before it): answered 07-15, 9 working days late.
    on("2025-06-03");
    const answeredLate = await applyOnline("申请公开某道路改造工程的招标文件");
    on("2025-07-15");
    await ok("POST", `/applications/${answeredLate.id}/events`, editor, {
      type: "respond",
      on: "2025-07-15",
      responseType: "partially-disclosed",
    });
    // Registered from the post on 2025-11-03, due 12-01, never answered.
    on("2025-11-03");
    const neverAnswered = await ok("POST", "/applications", editor, {
      channel: "registered-post",
      receivedOn: "2025-11-03",
      applicant,
      description: "申请公开赵六名下房屋的征收补偿方案",
    });

    on("2025-06-02");
    const replied = await writeLetter("关于公交线路调整的建议");
    on("2025-06-04");
    await ok("POST", `/letters/${replied}/reply`, editor, { body: "已转公交公司研究。" });
    // Received 2025-08-01 and never answered: past its 5 working days and past 3 months.
    on("2025-08-01");
    const unreplied = await writeLetter("关于小区噪音扰民的投诉");
    // Received 2025-12-29: still within its 5 working days on 12-31.
    on("2025-12-29");
    await writeLetter("关于元旦期间停车收费的咨询");

    on("2025-11-15");
    const system = await supervise("POST", "/indicator-systems", {
      year: 2025,
      level: "department",
      name: "市政府各部门2025年政务公开工作评估要点",
      indicators: [
        {
          code: "4.3",
          group: "解读回应",
          name: "市长信箱来信按时回复",
          maxScore: 4,
          deduction: "超期未复每件扣1分",
          rule: { id: "mailbox-reply-rate" },
        },
        {
          code: "5.9",
          group: "平台建设",
          name: "无超过3个月未回复的来信",
          maxScore: 4,
          deduction: "每件扣2分",
          rule: { id: "letters-unanswered", params: { deductionPerRecord: 2 } },
        },
        {
          code: "7.1",
          group: "依申请公开",
          name: "依申请公开按时答复",
          maxScore: 12,
          deduction: "逾期答复每件扣6分",
          rule: { id: "applications-on-time", params: { deductionPerRecord: 6 } },
        },
      ],
    });
    on("2026-01-08");
    const assessment = await supervise("POST", "/assessments", {
      indicatorSystemId: system.id,
      unitCode: dept,
      assessor: "第三方评估机构",
    });
    const scored = await supervise("POST", `/assessments/${assessment.id}/auto-score`);
    expect(scored.scoredAsOf).toBe("2025-12-31");
    const byCode = Object.fromEntries(scored.results.map((r: Json) => [r.indicatorCode, r]));
    const ids = (code: string) => (byCode[code].deductions as Json[]).map((d) => d.recordId).sort();

    expect(ids("7.1")).toEqual([answeredLate.id, neverAnswered.id].sort());
    expect(byCode["7.1"].score).toBe(0);
    expect(ids("4.3")).toEqual([unreplied]);
    expect(byCode["4.3"].score).toBe(3);
    expect(ids("5.9")).toEqual([unreplied]);
    expect(byCode["5.9"].score).toBe(2);

    const late = (byCode["7.1"].deductions as Json[]).find((d) => d.recordId === answeredLate.id);
    expect(late).toMatchObject({
      reason: "2025-06-04收到申请，答复期限为2025-07-02，2025-07-15才答复，逾期9个工作日（条例第三十三条）",
      title: `依申请公开 ${answeredLate.trackingCode}`,
    });
    // Each link is the staff page the unit opens to see the record.
    for (const result of scored.results as Json[]) {
      for (const deduction of result.deductions as Json[]) {
        expect(deduction.link).toMatch(/^\/publish\/v1\/(applications|letters)\//);
        expect((await h.call("GET", deduction.link.replace(/^\/publish\/v1/, ""), editor)).status).toBe(200);
      }
    }
    // Nothing of the applicant or writer reaches the scores (they are circulated and become tasks).
    const text = JSON.stringify(scored);
    for (const personal of ["赵六", "13700000000", "王先生", "13800000000", "征收补偿", "噪音"]) {
      expect(text).not.toContain(personal);
    }
  });
});
