import {
  type AuditEntry,
  approveItem,
  CreateItemInput,
  formatIndexNumber,
  type Item,
  newItem,
  type Role,
  submitItem,
  type Unit,
  yearOf,
} from "@gov/domain";
import { newId, type Store } from "@gov/store";
import { type DemoItem, demoItems } from "./demo/items.ts";
import { demoUnits, officeUnitCode } from "./demo/units.ts";

/** `.local/credentials.json`: `{ "<unitCode>": { "name", "keys": { "<role>": "<key>" } } }`. */
export type Credentials = Record<string, { name: string; keys: Partial<Record<Role, string>> }>;

const rolesFor = (unit: Unit): Role[][] =>
  unit.kind === "office" ? [["office"], ["assessor"], ["editor"], ["reviewer"]] : [["editor"], ["reviewer"]];

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
    for (const roles of rolesFor(unit)) {
      const role = roles[0] as Role;
      keys[role] = (
        await store.apiKeys.issue({
          unitCode: unit.code,
          roles,
          label: `演示密钥（${role}）`,
          now: now.toISOString(),
        })
      ).secret;
    }
    credentials[unit.code] = { name: unit.name, keys };
  }
  return credentials;
}

/**
 * Publishes the demo items through the same domain rules and store writes as the API
 * (draft → submitted → published, each with its audit entry), dated as they were in 2019.
 */
export async function seedItems(store: Store): Promise<number> {
  for (const [n, demo] of demoItems.entries()) await publishDemo(store, demo, n);
  return demoItems.length;
}

async function publishDemo(store: Store, demo: DemoItem, n: number): Promise<void> {
  const { unitCode, ...input } = demo;
  const fields = CreateItemInput.parse(input);
  // Published a few working days after the document was formed, at office hours Beijing time.
  const day = new Date(`${fields.generatedOn}T01:30:00.000Z`);
  const at = (hours: number) => new Date(day.getTime() + (72 + hours) * 3_600_000 + n * 1000).toISOString();
  const actor = (version: number, action: string, state: string, time: string): AuditEntry => ({
    entityType: "item",
    entityId: "",
    action,
    version,
    actorUnitCode: unitCode,
    actorKeyId: "seed",
    at: time,
    state,
  });
  const draft = newItem(fields, unitCode, newId("item"), at(0));
  await store.items.create(draft, { ...actor(1, "create", "draft", at(0)), entityId: draft.id });
  const submitted = submitItem(draft, at(1));
  await store.items.update(submitted, 1, { ...actor(2, "submit", "submitted", at(1)), entityId: draft.id });
  const published: Item = approveItem(
    submitted,
    {
      stateSecret: false,
      personalPrivacy: false,
      tradeSecret: false,
      otherSensitive: false,
      reviewerUnitCode: unitCode,
      reviewerKeyId: "seed",
      reviewedAt: at(2),
    },
    formatIndexNumber({
      unitCode,
      year: yearOf(at(2).slice(0, 10)),
      sequence: await store.items.nextIndexSequence(unitCode, yearOf(at(2).slice(0, 10))),
    }),
    at(2),
  );
  await store.items.update(published, 2, { ...actor(3, "approve", "published", at(2)), entityId: draft.id });
}
