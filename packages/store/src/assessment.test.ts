import {
  type Application,
  type ApplicationEvent,
  type AuditEntry,
  builtInCalendar,
  defaultSettings,
  type Letter,
  newApplication,
  runRule,
  withEvent,
} from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import type { Store } from "./store.ts";
import { callsSince, publishedItem, testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const unit = "000014351";
const calendar = builtInCalendar();

/** A published item formed on 2019-03-01, published on time or one working day late. */
function published(n: number, late: boolean) {
  // 2019-03-01 + 20 working days is 03-29; 04-01 is the 21st.
  const publishedAt = late ? "2019-04-01T02:00:00.000Z" : "2019-03-29T02:00:00.000Z";
  const draft = {
    kind: "general",
    title: `测试信息${n}`,
    columnId: n % 2 ? "decision" : "execution",
    body: "<p>正文</p>",
    generatedOn: "2019-03-01",
  };
  return publishedItem(draft, { unitCode: unit, sequence: n, publishedAt });
}

describe("assessment facts are read through indexes", () => {
  it("auto-scoring a unit with 2,000 published items costs a few Queries and no Scan", async () => {
    const items = Array.from({ length: 2000 }, (_, n) => published(n, n % 50 === 0));
    const loading = callsSince(store);
    await store.items.load(items);
    // item + audit entry + column membership per item, 25 records a call
    expect(loading()).toEqual({ BatchWriteItemCommand: Math.ceil((items.length * 3) / 25) });
    const late = items.filter((_, n) => n % 50 === 0).map((i) => i.item.id);

    const scoring = callsSince(store);
    const facts = await store.assessments.facts(unit, 2019, "2019-12-31");
    const result = runRule(
      { id: "proactive-timeliness", params: { deductionPerRecord: 0.5 } },
      100,
      facts,
      "2019-12-31",
    );
    const byCommand = scoring();
    const calls = Object.values(byCommand).reduce((a, b) => a + b, 0);

    expect(facts.items).toHaveLength(2000);
    expect(result.deductions.map((d) => d.recordId).sort()).toEqual(late.sort());
    expect(result.score).toBe(80);
    expect(Object.keys(byCommand)).toEqual(["QueryCommand"]);
    // Fact projections are small: the unit's 2,000 items fit in a handful of 1 MB pages.
    expect(calls).toBeLessThanOrEqual(20);
  });

  it("reads only what was published up to the end of the assessment's day (Asia/Shanghai)", async () => {
    const facts = await store.assessments.facts(unit, 2019, "2019-03-29");
    expect(facts.items.length).toBe(1960);
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
    const calls = callsSince(store);
    await read();
    return calls();
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
