import { general } from "@gov/publish/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { citizenHarness } from "./citizen-harness.ts";

/** Distinctive personal data: if any of it shows up in a public answer or a log line, the test fails. */
const personal = [
  "隐私测试员甲",
  "13712345678",
  "privacy-letter@example.com",
  "隐私评论人乙",
  "13687654321",
  "privacy-comment@example.com",
];

let h: Awaited<ReturnType<typeof citizenHarness>>;
const seen: { where: string; text: string }[] = [];
const logged: string[] = [];
const values: Record<string, string> = {};
const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  }),
);

function record(where: string, res: { headers: Headers }, text: string) {
  seen.push({
    where,
    text: `${[...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${text}`,
  });
}

beforeAll(async () => {
  h = await citizenHarness({}, new Date("2026-03-02T02:00:00.000Z"));
  const dept = await h.unit("000014349");
  const published = await dept.publish(general("隐私扫描用的公开信息"));
  values.indexNumberOrId = published.id;
  values.columnId = "decision";

  const writer = { name: "隐私测试员甲", phone: "13712345678", email: "privacy-letter@example.com" };
  const letters = [];
  for (const consentToPublish of [true, false]) {
    const res = await h.post("/letters", {
      subject: `隐私扫描来信${consentToPublish}`,
      body: "请答复。",
      writer,
      consentToPublish,
    });
    record("POST /letters", res, JSON.stringify(res.body));
    letters.push(res.body.id);
    values.trackingCode = String(res.body.trackingCode);
    values.secret = String(res.body.secret);
  }
  const office = await h.key("000014349", ["office"]);
  for (const id of letters) {
    await h.call("POST", `/letters/${id}/transfer`, office, { unitCode: dept.code, reason: "本单位办理" });
    expect((await h.call("POST", `/letters/${id}/reply`, dept.editor, { body: "已答复。" })).status).toBe(
      200,
    );
  }
  // A bad submission must not echo personal data in its problem either.
  const bad = await h.post("/letters", {
    subject: "",
    body: "x",
    writer: { ...writer, email: "bad" },
    consentToPublish: 1,
  });
  record("POST /letters (bad)", bad, JSON.stringify(bad.body));

  const draft = await dept.draft(general("隐私扫描征求意见稿"));
  const consultation = await h.call("POST", "/consultations", dept.editor, {
    title: "隐私扫描征求意见",
    itemId: draft.id,
    description: "说明",
    opensOn: "2026-03-02",
    closesOn: "2026-03-03",
  });
  values.id = consultation.body.id;
  const commenter = { name: "隐私评论人乙", phone: "13687654321", email: "privacy-comment@example.com" };
  const posted = await h.post(`/consultations/${values.id}/comments`, { content: "意见", commenter });
  record("POST comments", posted, JSON.stringify(posted.body));
  h.setNow(new Date("2026-03-04T02:00:00.000Z"));
  await h.call("POST", `/consultations/${values.id}/feedback`, dept.editor, { adopted: 1, notAdopted: [] });
});

afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

describe("privacy: no writer's or commenter's personal data in any public answer, header, export, feed or log line", () => {
  it("walks every public GET route of the OpenAPI document, with and without filters", async () => {
    const doc = (await (await h.publicApp.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const paths = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get)
      .map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(["/v1/letters", "/v1/stats/letters", "/v1/consultations"]));
    for (const template of paths) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(values[name] ?? "x"),
      );
      for (const query of ["", "?year=2026", "?limit=100", "?year=2026&unit=000014349"]) {
        const res = await h.publicApp.request(`${path}${query}`);
        record(`GET ${path}${query}`, res, await res.text());
      }
    }
    // The writer's own view, answered with the secret, must not carry the writer either.
    const own = await h.publicApp.request(`/v1/letters/${values.trackingCode}`, {
      headers: { authorization: `Bearer ${values.secret}` },
    });
    expect(own.status).toBe(200);
    record("GET /v1/letters/{trackingCode} (with its secret)", own, await own.text());
    const letters = seen.find((s) => s.where === "GET /v1/letters?limit=100");
    expect(letters?.text).toContain("隐私扫描来信true");
    expect(letters?.text).not.toContain("隐私扫描来信false");
    for (const { where, text } of seen) {
      for (const value of personal) expect(text.includes(value), `${value} in ${where}`).toBe(false);
    }
  });

  it("nothing logged during the run carries personal data", () => {
    const all = logged.join("\n");
    for (const value of personal) expect(all.includes(value), value).toBe(false);
  });
});
