import { newLetter, SubmitLetterInput } from "@gov/domain";
import { newId } from "@gov/store";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { publishHarness } from "./test-client.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let office: string;
let editor: string;

/** A letter as the public intake leaves it (the intake itself is tested in apps/public). */
async function received(): Promise<string> {
  const input = SubmitLetterInput.parse({
    subject: "关于路灯维修的建议",
    body: "村道路灯损坏。",
    writer: { name: "赵先生" },
    consentToPublish: false,
  });
  const letter = newLetter(
    input,
    { id: newId("letter"), trackingCode: "T" },
    "2026-03-02",
    "2026-03-02T02:00:00.000Z",
  );
  await h.store.letters.create(letter, input.writer, "test-secret-hash", {
    entityType: "letter",
    entityId: letter.id,
    action: "submit",
    version: 1,
    actorUnitCode: "public",
    actorKeyId: "public",
    at: letter.createdAt,
  });
  return letter.id;
}

beforeAll(async () => {
  h = await publishHarness();
  office = await h.key("000014349", ["office"]);
  editor = await h.key("000014372", ["editor"]);
});

describe("letters and consultations: malformed bodies change nothing", () => {
  it("transfer and reply bodies are checked field by field, 400 with paths, nothing written", async () => {
    const id = await received();
    const before = await countTable(h.store);
    const cases: [string, string, unknown, string[]][] = [
      [`/letters/${id}/transfer`, office, { unitCode: "x", reason: "" }, ["reason", "unitCode"]],
      [`/letters/${id}/transfer`, office, { unitCode: "000014372", reason: "职能", extra: true }, ["extra"]],
      [`/letters/${id}/reply`, office, { body: 5 }, ["body"]],
      [
        "/consultations",
        editor,
        { title: "", opensOn: "2026-02-30" },
        ["closesOn", "description", "itemId", "opensOn", "title"],
      ],
      [
        `/consultations/csl_01JD6Q3Z5K8X9V2M4N7P0R1S3T/feedback`,
        editor,
        { adopted: -1, notAdopted: [{}] },
        ["adopted", "notAdopted.0.reason", "notAdopted.0.summary"],
      ],
    ];
    for (const [path, key, body, paths] of cases) {
      const res = await h.call("POST", path, key, body);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const got = [...new Set((res.body.errors as unknown as { path: string }[]).map((e) => e.path))].sort();
      expect(got, path).toEqual(paths);
    }
    expect(await countTable(h.store)).toBe(before);
  });

  it("a unit's key cannot list or read letters it does not hold; an assessor cannot list at all", async () => {
    const id = await received();
    expect((await h.call("GET", `/letters/${id}`, editor)).status).toBe(404);
    expect(((await h.call("GET", "/letters", editor)).body.items as unknown as unknown[]).length).toBe(0);
    const assessor = await h.key("000014380", ["assessor"]);
    expect((await h.call("GET", "/letters", assessor)).status).toBe(403);
    const transferred = await h.call("POST", `/letters/${id}/transfer`, office, {
      unitCode: "000014372",
      reason: "属地办理",
    });
    expect(transferred.status).toBe(200);
    expect((await h.call("GET", `/letters/${id}`, editor)).body.writer).toEqual({ name: "赵先生" });
    const history = await h.store.letters.get(id);
    expect(history?.transfers).toHaveLength(1);
  });
});
