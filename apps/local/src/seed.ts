import {
  type AuditEntry,
  addWorkingDays,
  approveItem,
  builtInCalendar,
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
 * Publishes the demo items through the same domain rules and store writes as the API
 * (draft → submitted → published, each with its audit entry), dated as they were: drafted
 * on the day the document was formed and published two working days later.
 */
export async function seedItems(store: Store): Promise<number> {
  const calendar = builtInCalendar();
  // A few at a time: each item is four sequential writes, and the first start should be quick.
  for (let i = 0; i < demoItems.length; i += 10) {
    await Promise.all(
      demoItems.slice(i, i + 10).map((demo) => {
        const publishedOn = addWorkingDays(calendar, demo.generatedOn, 2).date;
        return publishDemo(store, demo, `${demo.generatedOn}T01:30:00.000Z`, `${publishedOn}T02:00:00.000Z`);
      }),
    );
  }
  return demoItems.length;
}

async function publishDemo(
  store: Store,
  demo: DemoItem,
  draftedAt: string,
  publishedAt: string,
): Promise<void> {
  const { unitCode, ...input } = demo;
  const audit = (item: Item, action: string): AuditEntry => ({
    entityType: "item",
    entityId: item.id,
    action,
    version: item.version,
    actorUnitCode: unitCode,
    actorKeyId: "seed",
    at: item.updatedAt,
    state: item.state,
  });
  const draft = newItem(CreateItemInput.parse(input), unitCode, newId("item"), draftedAt);
  await store.items.create(draft, audit(draft, "create"));
  const submitted = submitItem(draft, draftedAt);
  await store.items.update(submitted, draft.version, audit(submitted, "submit"));
  const year = yearOf(publishedAt.slice(0, 10));
  const indexNumber = formatIndexNumber({
    unitCode,
    year,
    sequence: await store.items.nextIndexSequence(unitCode, year),
  });
  const review = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };
  const reviewer = { reviewerUnitCode: unitCode, reviewerKeyId: "seed", reviewedAt: publishedAt };
  const published = approveItem(submitted, { ...review, ...reviewer }, indexNumber, publishedAt);
  await store.items.update(published, submitted.version, audit(published, "approve"));
}
