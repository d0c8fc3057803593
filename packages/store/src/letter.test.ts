import { type Letter, newLetter, replyToLetter, SubmitLetterInput, transferLetter } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import type { Store } from "./store.ts";
import { testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const office = { unitCode: "000014349", roles: ["office" as const] };
const finance = { unitCode: "000014351", roles: ["editor" as const] };
const audit = (letter: Letter, action: string) => ({
  entityType: "letter" as const,
  entityId: letter.id,
  action,
  version: letter.version,
  actorUnitCode: "public",
  actorKeyId: "public",
  at: letter.updatedAt,
});

async function letter(receivedOn: string, consent: boolean, replied: boolean): Promise<Letter> {
  const input = SubmitLetterInput.parse({
    subject: `来信${receivedOn}`,
    body: "内容",
    writer: { name: "赵存储", phone: "13911112222" },
    consentToPublish: consent,
  });
  const created = newLetter(
    input,
    { id: newId("letter"), trackingCode: "T" },
    receivedOn,
    `${receivedOn}T02:00:00.000Z`,
  );
  await store.letters.create(created, input.writer, "test-secret-hash", audit(created, "submit"));
  const assigned = transferLetter(
    created,
    office,
    { unitCode: finance.unitCode, reason: "职能" },
    `${receivedOn}T03:00:00.000Z`,
  );
  await store.letters.update(assigned, created, audit(assigned, "transfer"));
  if (!replied) return assigned;
  const done = replyToLetter(
    assigned,
    finance,
    { body: "答复", unitName: "财政局" },
    new Date(`${receivedOn}T08:00:00.000Z`),
    receivedOn,
  );
  await store.letters.update(done, assigned, audit(done, "reply"));
  return done;
}

describe("letters in the store", () => {
  it("the writer lives in its own record: letter reads, lists and statistics never carry it", async () => {
    const a = await letter("2019-03-04", true, true);
    expect(JSON.stringify(await store.letters.get(a.id))).not.toContain("赵存储");
    expect(await store.letters.writer(a.id)).toEqual({ name: "赵存储", phone: "13911112222" });
    const lists = [
      await store.letters.list(office, {}, { limit: 100 }),
      await store.letters.listPublished({}, { limit: 100 }),
      await store.letters.factsOfYear(2019),
    ];
    expect(JSON.stringify(lists)).not.toContain("赵存储");
    expect(JSON.stringify(lists)).not.toContain("13911112222");
  });

  it("only replied letters whose writer consented are on the published index; a stale update is refused", async () => {
    const published = await letter("2019-05-06", true, true);
    const private_ = await letter("2019-05-07", false, true);
    const open = await letter("2019-05-08", true, false);
    const ids = (await store.letters.listPublished({ year: 2019 }, { limit: 100 })).items.map((l) => l.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(private_.id);
    expect(ids).not.toContain(open.id);
    await expect(
      store.letters.update({ ...open, version: 9 }, { ...open, version: 1 }, audit(open, "x")),
    ).rejects.toMatchObject({
      kind: "precondition-failed",
    });
  });

  it("a year's facts are read from one index range and a unit's list from its own partition", async () => {
    const facts = await store.letters.factsOfYear(2019);
    expect(facts.every((f) => f.receivedOn.startsWith("2019"))).toBe(true);
    expect(Object.keys(facts[0] ?? {}).sort()).toEqual([
      "id",
      "receivedOn",
      "repliedOn",
      "state",
      "unitCode",
    ]);
    const mine = await store.letters.list(finance, { state: "assigned" }, { limit: 100 });
    expect(mine.items.map((l) => l.state)).toEqual(["assigned"]);
    expect(await store.letters.factsOfYear(2019, "000099999")).toEqual([]);
  });
});
