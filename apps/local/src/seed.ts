import { addWorkingDays, type Role, type Unit } from "@gov/domain";
import type { Deps } from "@gov/http";
import { createPublishApp } from "@gov/publish";
import type { Store } from "@gov/store";
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
  const json = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`演示数据写入失败 ${path}: ${JSON.stringify(json)}`);
  return json;
}
