import { addWorkingDays, type Role, type Unit } from "@gov/domain";
import type { Deps } from "@gov/http";
import { createPublicApp } from "@gov/public";
import { createPublishApp } from "@gov/publish";
import type { Store } from "@gov/store";
import { demoApplications } from "./demo/applications.ts";
import { demoItems } from "./demo/items.ts";
import { demoUnits, officeUnitCode } from "./demo/units.ts";

/** `.local/credentials.json`: `{ "<unitCode>": { "name", "keys": { "<role>": "<key>" } } }`. */
export type Credentials = Record<string, { name: string; keys: Partial<Record<Role, string>> }>;

const rolesOf = (unit: Unit): Role[] =>
  unit.kind === "office" ? ["office", "assessor", "editor", "reviewer"] : ["editor", "reviewer"];

export async function seedUnits(store: Store, mode: "demo" | "none"): Promise<Unit[]> {
  const units = mode === "demo" ? demoUnits : demoUnits.filter((u) => u.code === officeUnitCode);
  for (const unit of units) await store.units.put(unit);
  return units;
}

/** Issues one key per role per unit. Only the file keeps the secrets; the table keeps hashes. */
export async function issueKeys(store: Store, units: Unit[], now: Date): Promise<Credentials> {
  const credentials: Credentials = {};
  for (const unit of units) {
    const keys: Partial<Record<Role, string>> = {};
    for (const role of rolesOf(unit)) {
      const label = `演示密钥（${role}）`;
      keys[role] = (
        await store.apiKeys.issue({ unitCode: unit.code, roles: [role], label, now: now.toISOString() })
      ).secret;
    }
    credentials[unit.code] = { name: unit.name, keys };
  }
  return credentials;
}

/**
 * Publishes the demo items through the department API itself (draft → submit → approve,
 * with each unit's own keys), the clock set to when each was formed and published, so
 * the demo data has exactly the 索引号, timeliness facts, links and audit trail a real
 * department's would.
 */
export async function seedItems(
  deps: Deps,
  credentials: Credentials,
  setTime: (at: Date) => void,
): Promise<number> {
  const app = createPublishApp(deps);
  const ids = new Map<string, string>();
  for (const demo of demoItems) {
    const { unitCode, ref, interpretsRef, relatedRefs, ...fields } = demo;
    const keys = credentials[unitCode]?.keys;
    if (!keys?.editor || !keys.reviewer) throw new Error(`演示单位${unitCode}缺少密钥`);
    const body = {
      ...fields,
      ...(interpretsRef ? { interprets: ids.get(interpretsRef) } : {}),
      ...(relatedRefs ? { relatedItemIds: relatedRefs.map((r) => ids.get(r)) } : {}),
    };
    setTime(new Date(`${demo.generatedOn}T01:30:00.000Z`));
    const created = await call(app, "/v1/items", keys.editor, body);
    await call(app, `/v1/items/${created.id}/submit`, keys.editor);
    const publishedOn = addWorkingDays(deps.calendar, demo.generatedOn, 2).date;
    setTime(new Date(`${publishedOn}T02:00:00.000Z`));
    await call(app, `/v1/items/${created.id}/approve`, keys.reviewer, { review: clearReview });
    if (ref) ids.set(ref, created.id);
  }
  return demoItems.length;
}

const clearReview = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };

async function call(app: ReturnType<typeof createPublishApp>, path: string, key: string, body?: unknown) {
  const res = await app.request(path, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as { id: string; trackingCode: string };
  if (!res.ok) throw new Error(`演示数据写入失败 ${path}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * The seed's 2019 applications, through the same doors as real ones: online ones through the
 * public intake, paper ones registered by the unit's staff, and every handling step as an
 * event, the clock set to each day so the receipt dates and event checks are the real ones.
 */
export async function seedApplications(
  deps: Deps,
  credentials: Credentials,
  setTime: (at: Date) => void,
): Promise<number> {
  const publish = createPublishApp(deps);
  const portal = createPublicApp(deps);
  for (const demo of demoApplications) {
    const key = credentials[demo.unitCode]?.keys.editor;
    if (!key) throw new Error(`演示单位${demo.unitCode}缺少密钥`);
    setTime(new Date(`${demo.receivedOn}T02:00:00.000Z`));
    const { applicant, description, unitCode, channel, receivedOn } = demo;
    let id: string;
    if (channel === "online") {
      const receipt = await send(portal, "/v1/applications", undefined, { unitCode, applicant, description });
      id = await idOf(publish, key, receipt.trackingCode);
    } else {
      id = (await send(publish, "/v1/applications", key, { channel, receivedOn, applicant, description })).id;
    }
    for (const event of demo.events) {
      setTime(new Date(`${event.on}T02:00:00.000Z`));
      await send(publish, `/v1/applications/${id}/events`, key, event);
    }
  }
  return demoApplications.length;
}

async function idOf(app: ReturnType<typeof createPublishApp>, key: string, trackingCode: string) {
  const res = await app.request("/v1/applications?limit=100", {
    headers: { authorization: `Bearer ${key}` },
  });
  const { items } = (await res.json()) as { items: { id: string; trackingCode: string }[] };
  const found = items.find((a) => a.trackingCode === trackingCode);
  if (!found) throw new Error(`演示申请${trackingCode}未进入单位列表`);
  return found.id;
}

type Requestable = { request: (path: string, init: RequestInit) => Response | Promise<Response> };

async function send(app: Requestable, path: string, key: string | undefined, body: unknown) {
  const res = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id: string; trackingCode: string };
  if (!res.ok) throw new Error(`演示数据写入失败 ${path}: ${JSON.stringify(json)}`);
  return json;
}
