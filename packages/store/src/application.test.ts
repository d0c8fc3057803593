import { type Applicant, builtInCalendar, DomainError, newApplication, withEvent } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import type { Store } from "./store.ts";
import { connectionOf } from "./testing/connection.ts";
import { testStore } from "./testing/index.ts";
import { issueTrackingCredentials, secretMatches } from "./tracking.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const calendar = builtInCalendar();
const applicant: Applicant = {
  type: "natural-person",
  name: "赵六",
  idNumber: "360000200001010011",
  phone: "1",
};

async function created(unitCode: string, receivedOn: string) {
  const { trackingCode, secret, secretHash } = issueTrackingCredentials("YSQ", 2026);
  const application = newApplication(
    {
      id: newId("application"),
      trackingCode,
      unitCode,
      channel: "in-person",
      receivedOn,
      applicantKind: "natural-person",
      description: "申请公开某文件",
    },
    calendar,
    "2026-03-02",
    "2026-03-02T02:00:00.000Z",
  );
  const audit = {
    entityType: "application" as const,
    entityId: application.id,
    action: "register",
    version: 1,
    actorUnitCode: unitCode,
    actorKeyId: "key_test",
    at: application.createdAt,
  };
  await store.applications.create(application, applicant, secretHash, audit);
  return { application, secret, audit };
}

describe("applications in the store", () => {
  it("the application record holds no personal data and no secret; the applicant is its own record", async () => {
    const { application, secret } = await created("000000111", "2026-02-27");
    const read = await store.applications.get(application.id);
    expect(read).toEqual(application);
    expect(JSON.stringify(read)).not.toContain("赵六");
    expect(await store.applications.applicant(application.id)).toEqual(applicant);
    const { ScanCommand } = await import("@aws-sdk/lib-dynamodb");
    const db = connectionOf(store);
    const dump = JSON.stringify((await db.doc.send(new ScanCommand({ TableName: db.tableName }))).Items);
    expect(dump).not.toContain(secret);
    const { found } = await store.applications.getByTrackingCode(application.trackingCode);
    expect(found && secretMatches(secret, found.secretHash)).toBe(true);
    expect(found && secretMatches(`${secret}x`, found.secretHash)).toBe(false);
  });

  it("the sparse open index lists an application until it is answered", async () => {
    const { application, audit } = await created("000000112", "2026-02-27");
    expect((await store.applications.listOpen()).map((a) => a.id)).toContain(application.id);
    const answered = withEvent(
      application,
      { type: "respond", on: "2026-03-02", responseType: "disclosed" },
      { at: "2026-03-02T03:00:00.000Z", by: "key_test" },
      calendar,
      "2026-03-02",
    );
    await store.applications.update(answered, application, { ...audit, action: "event:respond", version: 2 });
    expect((await store.applications.listOpen()).map((a) => a.id)).not.toContain(application.id);
    expect((await store.applications.history(application.id)).map((e) => e.action)).toEqual([
      "register",
      "event:respond",
    ]);
  });

  it("an update against a stale version is refused and writes nothing", async () => {
    const { application, audit } = await created("000000113", "2026-02-27");
    const next = withEvent(
      application,
      { type: "accept", on: "2026-03-02" },
      { at: "2026-03-02T03:00:00.000Z", by: "key_test" },
      calendar,
      "2026-03-02",
    );
    await store.applications.update(next, application, { ...audit, action: "event:accept", version: 2 });
    const error = await store.applications
      .update(next, application, {
        ...audit,
        action: "event:accept",
        version: 2,
        at: "2026-03-02T04:00:00.000Z",
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("precondition-failed");
    expect((await store.applications.get(application.id))?.version).toBe(2);
  });

  it("applications received up to a day, of one unit or the whole city", async () => {
    await created("000000114", "2025-12-30");
    await created("000000114", "2026-01-05");
    expect(await store.applications.receivedUntil("2025-12-31", "000000114")).toHaveLength(1);
    expect((await store.applications.receivedUntil("2026-12-31", "000000114")).length).toBe(2);
    expect((await store.applications.receivedUntil("2025-12-31")).map((a) => a.receivedOn)).toEqual([
      "2025-12-30",
    ]);
  });

  it("ADR 0061: a record written before parts (no guard) reads as one part; routed parts share its secret and copy its applicant", async () => {
    const { application, secret, audit } = await created("000000115", "2026-02-27");
    const db = connectionOf(store);
    const { DeleteCommand } = await import("@aws-sdk/lib-dynamodb");
    await db.doc.send(
      new DeleteCommand({
        TableName: db.tableName,
        Key: { pk: `APPLICATION-PART#${application.trackingCode}#000000115`, sk: "UNIQUE" },
      }),
    );
    const before = await store.applications.getByTrackingCode(application.trackingCode);
    expect(before.found?.parts).toEqual([application]);

    const part = newApplication(
      {
        id: newId("application"),
        trackingCode: application.trackingCode,
        unitCode: "000000116",
        partOf: application.id,
        channel: "in-person",
        receivedOn: "2026-03-02",
        applicantKind: "natural-person",
        description: "申请公开某文件",
      },
      calendar,
      "2026-03-02",
      "2026-03-02T03:00:00.000Z",
    );
    await store.applications.addParts(application, [
      { application: part, audit: { ...audit, entityId: part.id } },
    ]);
    const { found } = await store.applications.getByTrackingCode(application.trackingCode);
    expect(found?.parts.map((p) => p.id)).toEqual([application.id, part.id]);
    expect(found?.application.id).toBe(application.id);
    expect(secretMatches(secret, found?.secretHash ?? "")).toBe(true);
    expect(await store.applications.applicant(part.id)).toEqual(applicant);
    // The guard refuses a second part for the same unit (control: the first one was accepted).
    const again = { ...part, id: newId("application") };
    await expect(
      store.applications.addParts(application, [
        { application: again, audit: { ...audit, entityId: again.id } },
      ]),
    ).rejects.toMatchObject({ kind: "conflict" });
  });
});
