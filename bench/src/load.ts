import {
  type AuditEntry,
  addDays,
  addWorkingDays,
  approveItem,
  CreateItemInput,
  DomainError,
  daysBetween,
  formatIndexNumber,
  type Item,
  newItem,
  shanghaiDate,
  submitItem,
  timelinessOf,
  yearOf,
} from "@gov/domain";
import type { Deps } from "@gov/http";
import {
  bodyOf,
  categoryOf,
  docNumberOf,
  keywordsOf,
  normativeIssuers,
  pickColumn,
  prng,
  type Random,
  subjectOf,
  titleOf,
  units,
} from "./content.ts";
import type { SearchIndexer } from "./search.ts";

/**
 * Loads published items straight through the store (no HTTP): each item is built by the
 * domain's own functions (newItem → submitItem → approveItem with a cleared 保密审查) and
 * written by the bulk path, `store.items.loadMany` (BatchWriteItem, packed postings; ADR
 * 0056), or with `BENCH_LOAD_PATH=publication` as a publication writes it:
 * `store.items.create`, one TransactWriteItems per item, then `store.search.index`.
 */

export type LoadResult = {
  items: number;
  seconds: number;
  concurrency: number;
  searchIndexed: boolean;
  /** How the items were written: the bulk path or publication's, one item at a time. */
  path: LoadPath;
  /** Published items per column, busiest first. */
  columns: [string, number][];
  /** A deterministic sample of published ids, for the detail scenario. */
  sampleIds: string[];
};

export type LoadPath = "bulk" | "publication";
const loadPath = (): LoadPath => (process.env.BENCH_LOAD_PATH === "publication" ? "publication" : "bulk");

const firstDay = "2019-01-01";
const lastDay = "2026-10-31";
const clearReview = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };

type Plan = { r: Random; columnId: string; normative: boolean; generatedOn: string; publishedAt: string };

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID-shaped id from the creation time and the seeded generator, so ids repeat across runs. */
function itemId(r: Random, createdMs: number): string {
  let time = "";
  for (let t = createdMs, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = crockford[t % 32] + time;
  let random = "";
  for (let i = 0; i < 16; i++) random += crockford[r.int(0, 31)];
  return `itm_${time}${random}`;
}

/** When each item was formed and published: spread over 2019–2026, mostly within 20 working days. */
function plan(deps: Deps, seed: number, count: number): Plan[] {
  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const r = prng(seed + i * 7919);
    const columnId = pickColumn(r);
    const generatedOn = addDays(firstDay, r.int(0, daysBetween(firstDay, lastDay)));
    const lag = r.chance(0.05) ? r.int(21, 40) : r.int(1, 8);
    const publishedOn = addWorkingDays(deps.calendar, generatedOn, lag).date;
    const publishedAt = `${publishedOn}T0${r.int(0, 8)}:${String(r.int(0, 59)).padStart(2, "0")}:00.000Z`;
    plans.push({
      r,
      columnId,
      normative: columnId === "normative-documents" && r.chance(0.7),
      generatedOn,
      publishedAt,
    });
  }
  // Sequences (索引号, 文号) are allocated in publication order, as the publish API would.
  return plans.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}

function build(deps: Deps, p: Plan, sequence: (key: string) => number): { item: Item; audit: AuditEntry } {
  const { r, columnId, generatedOn, publishedAt } = p;
  const unit = p.normative ? r.pick(units.slice(0, 2)) : r.pick(units);
  const year = yearOf(generatedOn);
  const subject = subjectOf(r, columnId);
  const issuer = r.pick(normativeIssuers);
  const fields = {
    title: p.normative
      ? `共青城市${subject}办法`
      : titleOf(r, unit, subject, year, Number(generatedOn.slice(5, 7))),
    columnId,
    body: bodyOf(r, subject, unit),
    generatedOn,
    summary: `${unit.name}发布${subject}相关信息。`,
    keywords: keywordsOf(r, subject, columnId),
    category: categoryOf(columnId),
  };
  const input = CreateItemInput.parse(
    p.normative
      ? {
          kind: "normative",
          ...fields,
          docNumber: docNumberOf(issuer.prefix, year, sequence(`${issuer.prefix}#${year}`)),
          issuingOrgan: issuer.organ,
          effectiveOn: addDays(publishedAt.slice(0, 10), 30),
        }
      : { kind: "general", ...fields },
  );
  const createdMs = Date.parse(`${generatedOn}T01:00:00.000Z`);
  const draft = newItem(input, unit.code, itemId(r, createdMs), new Date(createdMs).toISOString());
  const submitted = submitItem(draft, new Date(createdMs + 3_600_000).toISOString());
  const publishedYear = yearOf(shanghaiDate(new Date(publishedAt)));
  const indexNumber = formatIndexNumber(
    { unitCode: unit.code, year: publishedYear, sequence: sequence(`${unit.code}#${publishedYear}`) },
    deps.settings.indexNumberFormat,
  );
  const review = {
    ...clearReview,
    reviewerUnitCode: unit.code,
    reviewerKeyId: "key_bench",
    reviewedAt: publishedAt,
  };
  const timeliness = timelinessOf({
    kind: input.kind,
    generatedOn,
    publishedAt,
    calendar: deps.calendar,
    settings: deps.settings,
  });
  const item = approveItem(submitted, review, indexNumber, publishedAt, timeliness);
  const audit: AuditEntry = {
    entityType: "item",
    entityId: item.id,
    action: "approve",
    version: item.version,
    actorUnitCode: unit.code,
    actorKeyId: "key_bench",
    at: publishedAt,
    state: item.state,
  };
  return { item, audit };
}

/** Runs `work` over `count` indexes with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

async function withRetry(write: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      // TransactionConflict under load surfaces as a conflict; anything else is a real failure.
      if (attempt >= 5 || !(error instanceof DomainError) || error.kind !== "conflict") throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 20));
    }
  }
}

export async function loadItems(
  deps: Deps,
  options: { count: number; concurrency: number; seed?: number; search: SearchIndexer | undefined },
  log: (line: string) => void,
): Promise<LoadResult> {
  const { store } = deps;
  for (const unit of units) await store.units.put(unit);
  const sequences = new Map<string, number>();
  const sequence = (key: string) => {
    const n = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, n);
    return n;
  };
  const built = plan(deps, options.seed ?? 20_191_082, options.count).map((p) => build(deps, p, sequence));
  const path = loadPath();
  const started = performance.now();
  if (path === "bulk") {
    let reported = 0;
    await store.items.loadMany(built, {
      search: options.search !== undefined,
      onProgress: ({ loaded, total, records, seconds }) => {
        if (loaded < total && loaded - reported < 2000) return;
        reported = loaded;
        log(
          `  已写入 ${loaded}/${total}（${records} 条记录，${seconds.toFixed(1)} 秒，${Math.round(loaded / seconds)} 条/秒）`,
        );
      },
    });
  } else {
    let done = 0;
    await pool(built.length, options.concurrency, async (i) => {
      const { item, audit } = built[i] as (typeof built)[number];
      await withRetry(() => store.items.create(item, audit));
      if (options.search) await options.search(item);
      done += 1;
      if (done % 5000 === 0) log(`  已写入 ${done}/${built.length}`);
    });
  }
  const seconds = (performance.now() - started) / 1000;

  const perColumn = new Map<string, number>();
  for (const { item } of built) perColumn.set(item.columnId, (perColumn.get(item.columnId) ?? 0) + 1);
  const stride = Math.max(1, Math.floor(built.length / 1000));
  return {
    items: built.length,
    seconds,
    concurrency: options.concurrency,
    searchIndexed: options.search !== undefined,
    path,
    columns: [...perColumn].sort((a, b) => b[1] - a[1]),
    sampleIds: built.filter((_, i) => i % stride === 0).map(({ item }) => item.id),
  };
}
