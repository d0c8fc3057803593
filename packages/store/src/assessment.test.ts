import {
  type Application,
  type ApplicationEvent,
  type AuditEntry,
  builtInCalendar,
  CreateItemInput,
  defaultSettings,
  type Item,
  type Letter,
  newApplication,
  newItem,
  runRule,
  timelinessOf,
  withEvent,
} from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import type { Store } from "./store.ts";
import { testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const unit = "000014351";
const calendar = builtInCalendar();

/** A published item written straight through the repository, with the timeliness approval records. */
function published(n: number, late: boolean): Item {
  const generatedOn = "2019-03-01";
  // 2019-03-01 + 20 working days is 03-29; 04-01 is the 21st.
  const publishedAt = late ? "2019-04-01T02:00:00.000Z" : "2019-03-29T02:00:00.000Z";
  const base = newItem(
    CreateItemInput.parse({
      kind: "general",
      title: `测试信息${n}`,
      columnId: n % 2 ? "decision" : "execution",
      body: "<p>正文</p>",
      generatedOn,
    }),
    unit,
    newId("item"),
    publishedAt,
  );
  return {
    ...base,
    state: "published",
    indexNumber: `${unit}/2019-${String(n).padStart(7, "0")}`,
    edition: 1,
    publishedAt,
    firstPublishedAt: publishedAt,
    editionDates: [{ edition: 1, publishedAt }],
    timeliness: timelinessOf({
      kind: "general",
      generatedOn,
      publishedAt,
      calendar,
      settings: defaultSettings,
    }),
  };
}
const audit = (item: Item): AuditEntry => ({
  entityType: "item",
  entityId: item.id,
  action: "approve",
  version: item.version,
  actorUnitCode: unit,
  actorKeyId: "key_test",
  at: item.updatedAt,
  state: item.state,
});

async function writeAll(items: Item[], concurrency = 32): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as Item;
        await store.items.create(item, audit(item));
      }
    }),
  );
}

describe("assessment facts are read through indexes", () => {
  it("auto-scoring a unit with 5,000 published items costs a few Queries and no Scan", async () => {
    const items = Array.from({ length: 5000 }, (_, n) => published(n, n % 50 === 0));
    await writeAll(items);
    const late = items.filter((_, n) => n % 50 === 0).map((i) => i.id);

    const before = { total: store.db.calls.total, byCommand: { ...store.db.calls.byCommand } };
    const facts = await store.assessments.facts(unit, 2019, "2019-12-31");
    const result = runRule(
      { id: "proactive-timeliness", params: { deductionPerRecord: 0.5 } },
      100,
      facts,
      "2019-12-31",
    );
    const calls = store.db.calls.total - before.total;
    const byCommand = Object.fromEntries(
      Object.entries(store.db.calls.byCommand).map(([k, v]) => [k, v - (before.byCommand[k] ?? 0)]),
    );
    console.log(JSON.stringify({ event: "auto-score-5000", items: facts.items.length, calls, byCommand }));

    expect(facts.items).toHaveLength(5000);
    expect(result.deductions.map((d) => d.recordId).sort()).toEqual(late.sort());
    expect(result.score).toBe(50);
    expect(byCommand.ScanCommand ?? 0).toBe(0);
    expect(Object.keys(byCommand).filter((k) => (byCommand[k] ?? 0) > 0)).toEqual(["QueryCommand"]);
    // Fact projections are small: the unit's 5,000 items fit in a handful of 1 MB pages.
    expect(calls).toBeLessThanOrEqual(20);
  });

  it("reads only what was published up to the end of the assessment's day (Asia/Shanghai)", async () => {
    const facts = await store.assessments.facts(unit, 2019, "2019-03-29");
    expect(facts.items.length).toBe(4900);
    expect((await store.assessments.facts(unit, 2019, "2019-03-28")).items).toHaveLength(0);
    expect(Object.keys(facts.items[0] ?? {})).not.toContain("body");
  });
});

describe("application and letter facts are read only for sheets that use them", () => {
  const other = "000014353";
  const audit = (entityType: AuditEntry["entityType"], entityId: string): AuditEntry => ({
    entityType,
    entityId,
    action: "create",
    version: 1,
    actorUnitCode: other,
    actorKeyId: "key_test",
    at: "2019-12-01T02:00:00.000Z",
  });
  const meta = (on: string) => ({ at: `${on}T02:00:00.000Z`, by: "key_test" });
  /** Registered as staff do, each event checked by the domain as the event route checks it. */
  function registered(receivedOn: string, events: { type: string; on: string }[]): Application {
    let application = newApplication(
      {
        id: newId("application"),
        trackingCode: `YSQ2019-${newId("application").slice(-10)}`,
        unitCode: other,
        channel: "in-person",
        receivedOn,
        applicantKind: "natural-person",
        description: "申请公开张三家的拆迁补偿协议",
      },
      calendar,
      receivedOn,
      `${receivedOn}T02:00:00.000Z`,
    );
    for (const event of events) {
      application = withEvent(application, event as never, meta(event.on), calendar, event.on);
    }
    return application;
  }
  const letter = (receivedOn: string, repliedOn: string | null): Letter => ({
    id: newId("letter"),
    trackingCode: newId("letter").slice(-10),
    state: repliedOn ? "replied" : "assigned",
    subject: "反映李四家门口道路破损",
    body: "市长您好：……",
    consentToPublish: false,
    unitCode: other,
    suggestedUnitCode: null,
    receivedOn,
    repliedOn,
    transfers: [],
    reply: repliedOn
      ? { body: "已修复", unitCode: other, unitName: "测试单位", repliedAt: `${repliedOn}T02:00:00.000Z` }
      : null,
    version: 1,
    createdAt: `${receivedOn}T02:00:00.000Z`,
    updatedAt: `${receivedOn}T02:00:00.000Z`,
  });
  const queriesOf = async (read: () => Promise<unknown>) => {
    const before = { ...store.db.calls.byCommand };
    await read();
    return Object.fromEntries(
      Object.entries(store.db.calls.byCommand)
        .map(([k, v]) => [k, v - (before[k] ?? 0)])
        .filter(([, v]) => (v as number) > 0),
    );
  };

  it("through the unit's gsi1 partitions, projected, up to the day; correction-notice-timeliness (OGI Art. 30) finds a late request migrated from a paper register", async () => {
    // 2019-03-01 + 20 working days is 03-29: answered late on 04-01.
    const late = registered("2019-03-01", [
      { type: "respond", on: "2019-04-01", responseType: "disclosed" } as never,
    ]);
    const onTime = registered("2019-03-01", [
      { type: "respond", on: "2019-03-29", responseType: "disclosed" } as never,
    ]);
    const afterTheDay = registered("2020-01-02", []);
    // The event route would refuse this request (limit 2019-03-12); a paper register carried it over.
    const migrated: Application = {
      ...registered("2019-03-01", []),
      state: "awaiting-correction",
      dueOn: null,
      events: [
        {
          type: "request-correction",
          on: "2019-03-20",
          items: ["请明确所需信息的名称"],
          correctBy: "2019-04-10",
          ...meta("2019-03-20"),
        } as ApplicationEvent,
      ],
    };
    for (const a of [late, onTime, afterTheDay, migrated]) {
      await store.applications.create(
        a,
        { type: "natural-person", name: "张三", phone: "13800000000" },
        "hash",
        audit("application", a.id),
      );
    }
    const unanswered = letter("2019-06-03", null);
    const replied = letter("2019-06-03", "2019-06-05");
    for (const l of [unanswered, replied]) {
      await store.letters.create(
        l,
        { name: "李四", phone: "13900000000" },
        "test-secret-hash",
        audit("letter", l.id),
      );
    }

    expect(await queriesOf(() => store.assessments.facts(other, 2019, "2019-12-31"))).toEqual({
      QueryCommand: 2,
    });
    const needs = { applications: true, letters: true };
    expect(await queriesOf(() => store.assessments.facts(other, 2019, "2019-12-31", needs))).toEqual({
      QueryCommand: 4,
    });

    const facts = await store.assessments.facts(other, 2019, "2019-12-31", needs);
    expect(facts.applications?.map((a) => a.id).sort()).toEqual([late.id, onTime.id, migrated.id].sort());
    expect(facts.letters?.map((l) => l.id).sort()).toEqual([unanswered.id, replied.id].sort());
    // Nothing that can name a person crosses the wire: no description, subject, body or reply.
    const read = JSON.stringify([facts.applications, facts.letters]);
    for (const personal of ["张三", "李四", "description", "subject", "body", "applicant", "writer"]) {
      expect(read).not.toContain(personal);
    }

    const withDeadlines = { ...facts, calendar, settings: defaultSettings };
    const ids = (id: Parameters<typeof runRule>[0]["id"]) =>
      runRule({ id }, 10, withDeadlines, "2019-12-31").deductions.map((d) => d.recordId);
    expect(ids("applications-on-time")).toEqual([late.id]);
    expect(ids("correction-notice-timeliness")).toEqual([migrated.id]);
    expect(ids("mailbox-reply-rate")).toEqual([unanswered.id]);
    expect(ids("letters-unanswered")).toEqual([unanswered.id]);
  });
});
