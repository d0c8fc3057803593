import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
} from "@aws-sdk/lib-dynamodb";
import { type AuditEntry, CreateItemInput, DomainError, type Item, newItem } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import { keys } from "./keys.ts";
import { postingCache } from "./search.ts";
import { type Store, storeOver } from "./store.ts";
import { connectionOf } from "./testing/connection.ts";
import { testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const now = "2026-03-02T08:00:00.000Z";
function published(title: string, body: string, at = now): Item {
  const item = newItem(
    CreateItemInput.parse({
      kind: "general",
      title,
      columnId: "decision",
      body,
      generatedOn: "2026-03-01",
    }),
    "000000301",
    newId("item"),
    at,
  );
  return {
    ...item,
    state: "published",
    indexNumber: `000000301/2026-${item.id.slice(-7)}`,
    publishedAt: at,
    firstPublishedAt: at,
  };
}
const audit = (item: Item): AuditEntry => ({
  entityType: "item",
  entityId: item.id,
  action: "test",
  version: item.version,
  actorUnitCode: item.unitCode,
  actorKeyId: "key_test",
  at: now,
  state: item.state,
});
const search = (q: string, cursor?: string) => store.search.find({ q, filter: {}, limit: 20, cursor });
const foundIds = async (q: string) => (await search(q)).hits.map((h) => h.item.id);
/** A partition as stored: what the index holds, which search alone would not show. */
const partition = async (pk: string) => {
  const db = connectionOf(store);
  const { Items } = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk },
    }),
  );
  return Items;
};
/** The item ids one packed record holds: its map's, and its bulk lines' not masked (ADR 0063). */
const idsIn = (record: Record<string, unknown>): string[] => [
  ...Object.keys(record.p ?? {}),
  ...(typeof record.b === "string"
    ? record.b.split("\n").map((line) => line.split("\t")[0] as string)
    : []
  ).filter((id) => !(record.x as Set<string> | undefined)?.has(id)),
];
/** The item ids a term's packed records hold, one entry per posting (a duplicate would show twice). */
const postingsOf = async (term: string) =>
  ((await partition(keys.searchTermPartition(term))) ?? []).flatMap(idsIn);
const shardsOf = async (term: string) => (await partition(keys.searchTermPartition(term))) ?? [];
const outbox = async () => ((await partition(keys.searchOutboxPartition)) ?? []).map((i) => i.sk);

describe("the search index follows publication through an outbox", () => {
  it("a crash between the item's transaction and the index writes loses nothing: the replay indexes it", async () => {
    const item = published("湿地公园保护条例", "<p>鄱阳湖湿地</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    // The process "dies" here: no store.search.index.
    expect(await foundIds("湿地公园")).toEqual([]);
    expect(await outbox()).toContain(item.id);
    expect(await store.search.replayPending()).toBeGreaterThanOrEqual(1);
    expect(await foundIds("湿地公园")).toEqual([item.id]);
    expect(await outbox()).not.toContain(item.id);
  });

  it("re-indexing a new edition deletes the postings of terms it no longer has", async () => {
    const item = published("候鸟观测通告", "<p>渔船停靠码头</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const next = { ...item, body: "<p>志愿者招募办法</p>", version: 2 };
    await store.items.update(next, item, audit(next), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    expect(await postingsOf("码头")).not.toContain(item.id);
    expect(await postingsOf("志愿")).toContain(item.id);
    expect(await foundIds("码头")).toEqual([]);
    expect(await foundIds("志愿者")).toEqual([item.id]);
  });

  it("a withdrawn item's postings and term list are all deleted", async () => {
    const item = published("渡口停航公告", "<p>渡船检修</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const withdrawn = { ...item, state: "withdrawn" as const, version: 2 };
    await store.items.update(withdrawn, item, audit(withdrawn), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    expect(await postingsOf("渡口")).not.toContain(item.id);
    expect(await postingsOf("渡船")).not.toContain(item.id);
    expect(await partition(keys.searchTerms(item.id).pk)).toEqual([]);
  });

  it("applying twice gives the same index as applying once (idempotent)", async () => {
    const item = published("茶叶种植补贴", "<p>茶园面积核查</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const first = await search("茶园");
    await store.search.index(item.id);
    expect(await search("茶园")).toEqual(first);
  });

  it("an item already withdrawn when its postings are read is not returned (the item decides)", async () => {
    const item = published("桥梁限行通知", "<p>限行时段</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const withdrawn = { ...item, state: "withdrawn" as const, version: 2 };
    // Committed, index update not yet applied.
    await store.items.update(withdrawn, item, audit(withdrawn), [store.search.indexWrite(item.id)]);
    expect(await foundIds("桥梁限行")).toEqual([]);
    await store.search.replayPending();
  });
});

describe("a search's cost is bounded", () => {
  it("a query reads at most one Query per term (8 terms) and one BatchGet, however long it is", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const item = published(`城市公共交通运营补贴资金管理办法${i}`, "<p>农村生活垃圾治理与城乡环境整治</p>");
      await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
      await store.search.index(item.id);
      ids.push(item.id);
    }
    const before = { ...store.calls.byCommand };
    const total = store.calls.total;
    const page = await search(
      "城市公共交通运营补贴资金管理办法 农村生活垃圾治理 城乡环境整治 实施细则 通知 意见 方案",
    );
    expect(page.hits.slice(0, 3).map((h) => h.item.id)).toEqual(expect.arrayContaining(ids));
    const delta = (name: string) => (store.calls.byCommand[name] ?? 0) - (before[name] ?? 0);
    expect(delta("QueryCommand")).toBe(8);
    expect(delta("BatchGetItemCommand")).toBe(1);
    expect(store.calls.total - total).toBe(9);
  });

  it("a cursor past 1,600 hits is still valid: packed reads end at a shard's end, not at 200 postings a term", async () => {
    const item = published("茶园管护", "<p>茶园</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const first = await store.search.find({ q: "茶园", filter: {}, limit: 1 });
    const cursor = first.nextCursor ?? Buffer.from(JSON.stringify({ o: 1, f: "" })).toString("base64url");
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const far = Buffer.from(JSON.stringify({ ...decoded, o: 5_000 })).toString("base64url");
    expect((await store.search.find({ q: "茶园", filter: {}, limit: 1, cursor: far })).hits).toEqual([]);
  });

  it("a forged or foreign cursor is a validation error, not a database error", async () => {
    await expect(search("茶园", "not-a-cursor")).rejects.toMatchObject({ kind: "validation" });
    const forged = Buffer.from(JSON.stringify({ o: 5, f: "x" })).toString("base64url");
    await expect(search("茶园", forged)).rejects.toMatchObject({ kind: "validation" });
  });
});

describe("postings are packed, one record per term and month (ADR 0056)", () => {
  it("items of one month share one record per term; another month is another record", async () => {
    const march = [published("防洪工程补偿公告", "<p>防洪</p>"), published("防洪名录", "<p>名录</p>")];
    const april = published("防洪调整", "<p>调整</p>", "2026-04-03T08:00:00.000Z");
    for (const item of [...march, april]) {
      await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
      await store.search.index(item.id);
    }
    const shards = await shardsOf("防洪");
    expect(shards.map((s) => s.sk).sort()).toEqual(["P#2026-03#L", "P#2026-04#L"]);
    expect(Object.keys(shards.find((s) => s.sk === "P#2026-03#L")?.p ?? {}).sort()).toEqual(
      march.map((i) => i.id).sort(),
    );
    expect((await foundIds("防洪")).sort()).toEqual([...march, april].map((i) => i.id).sort());
  });

  it("concurrent publications into the same term and month lose no posting (map entries set in place)", async () => {
    const items = Array.from({ length: 24 }, (_, i) =>
      published(`防汛抗旱应急预案第${i}号`, "<p>防汛物资</p>"),
    );
    await Promise.all(
      items.map((item) => store.items.create(item, audit(item), [store.search.indexWrite(item.id)])),
    );
    // All at once: every first posting races to create the shard, the losers add theirs to it.
    await Promise.all(items.map((item) => store.search.index(item.id)));
    const held = await postingsOf("防汛");
    expect(held.sort()).toEqual(items.map((i) => i.id).sort());
    expect(await shardsOf("防汛")).toHaveLength(1);
    expect((await store.search.find({ q: "防汛", filter: {}, limit: 50 })).total).toBe(24);
  });

  it("withdrawing one item removes only its posting from the shared record", async () => {
    const [kept, gone] = [
      published("水库移民后期扶持", "<p>移民</p>"),
      published("水库除险加固", "<p>加固</p>"),
    ];
    for (const item of [kept, gone]) {
      await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
      await store.search.index(item.id);
    }
    const withdrawn = { ...gone, state: "withdrawn" as const, version: 2 };
    await store.items.update(withdrawn, gone, audit(withdrawn), [store.search.indexWrite(gone.id)]);
    await store.search.index(gone.id);
    expect(await postingsOf("水库")).toEqual([kept.id]);
    expect(await foundIds("水库")).toEqual([kept.id]);
  });

  it("an item indexed in the old layout (one record per posting) is moved to packed records by its re-index", async () => {
    const item = published("古村落保护名录", "<p>古村落</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    const db = connectionOf(store);
    // What ADR 0013's applier left: a posting record per term and a term list without a shard.
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.searchPosting("村落", item.id), entity: "search-posting", impact: 2 },
      }),
    );
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.searchTerms(item.id), entity: "search-terms", itemId: item.id, terms: ["村落"] },
      }),
    );
    await store.search.replayPending();
    expect((await partition(keys.searchTermPartition("村落")))?.map((r) => r.sk)).toEqual(["P#2026-03#L"]);
    expect(await foundIds("村落")).toEqual([item.id]);
  });

  it("a table from before packed postings and ICU's words is re-indexed once, when it is next ensured (ADR 0056, 0058)", async () => {
    const item = published("梯田灌溉工程名录", "<p>梯田</p>");
    await store.items.create(item, audit(item));
    const db = connectionOf(store);
    // Indexed in ADR 0013's layout only, and the table not yet marked as re-indexed.
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.searchPosting("梯田", item.id), entity: "search-posting", impact: 2 },
      }),
    );
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.searchIndexLayout }));
    expect(await foundIds("梯田")).toEqual([]);
    await store.ensureTable();
    expect(await foundIds("梯田")).toEqual([item.id]);
    const { Item: marker } = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.searchIndexLayout }),
    );
    expect(marker).toBeDefined();
  });

  it("reindexAll migrates a published item that has no outbox record left (an old table)", async () => {
    const item = published("古树名木普查", "<p>古树</p>");
    // Created without its outbox record or any posting: only a reindex of every published item finds it.
    await store.items.create(item, audit(item));
    expect(await foundIds("古树")).toEqual([]);
    expect(await store.search.reindexAll()).toBeGreaterThanOrEqual(1);
    expect(await foundIds("古树")).toEqual([item.id]);
  });
});

describe("the posting cache keeps a term's postings for the window, bounded", () => {
  it("a second query sharing a term within the window reads no postings; after the window it reads again", async () => {
    const item = published("候鸟保护区巡护", "<p>巡护</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    let at = Date.parse(now);
    const cache = postingCache({ seconds: 10, clock: () => new Date(at) });
    const queries = () => store.calls.byCommand.QueryCommand ?? 0;
    const first = queries();
    await store.search.find({ q: "巡护", filter: {}, limit: 20 }, cache);
    expect(queries() - first).toBe(1);
    // Another filter and page of the same term: served from the cache.
    const second = queries();
    const filtered = await store.search.find({ q: "巡护", filter: { unit: "000000301" }, limit: 5 }, cache);
    expect(filtered.hits.map((h) => h.item.id)).toEqual([item.id]);
    expect(queries() - second).toBe(0);
    at += 10_001;
    await store.search.find({ q: "巡护", filter: {}, limit: 20 }, cache);
    expect(queries() - second).toBe(1);
  });

  it("holds at most maxPostings: the least recently used term goes first", async () => {
    const cache = postingCache({ seconds: 10, clock: () => new Date(now), maxPostings: 3 });
    const two = (id: string) => async () => ({
      postings: [id, `${id}2`].map((itemId) => ({
        itemId,
        impact: 1,
        firstPublishedAt: now,
        docNumber: null,
        unitCode: "u",
        columnId: "c",
        kind: "general",
        category: "x",
        validity: "",
      })),
      complete: true,
    });
    await cache.read("甲", two("a"));
    await cache.read("乙", two("b"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.size).toEqual({ terms: 1, postings: 2 });
    let loads = 0;
    await cache.read("乙", async () => {
      loads += 1;
      return { postings: [], complete: true };
    });
    expect(loads).toBe(0);
  });
});

describe("bulk loading writes items and packed postings by BatchWriteItem", () => {
  const entries = (n: number, title: string) =>
    Array.from({ length: n }, (_, i) => {
      const month = String(1 + (i % 3)).padStart(2, "0");
      const item = published(`${title}${i}`, `<p>第${i}项</p>`, `2025-${month}-10T02:00:00.000Z`);
      return { item, audit: audit(item) };
    });

  it("N items load, all searchable, one record per term for the load; progress is reported", async () => {
    const loaded = entries(60, "湖滨湿地生态补偿");
    const progress: number[] = [];
    await store.items.loadMany(loaded, { search: true, onProgress: (p) => progress.push(p.loaded) });
    expect(progress.at(-1)).toBe(60);
    const page = await store.search.find({ q: "湖滨", filter: {}, limit: 100 });
    expect(page.hits.map((h) => h.item.id).sort()).toEqual(loaded.map((e) => e.item.id).sort());
    const [shard, ...others] = await shardsOf("湖滨");
    expect(others).toEqual([]);
    expect(shard?.sk).toMatch(/^P#2025-03#B/);
    expect(idsIn(shard ?? {})).toHaveLength(60);
    expect((await store.items.get(loaded[0]?.item.id ?? ""))?.title).toBe("湖滨湿地生态补偿0");
  });

  it("a bulk-loaded item withdrawn through publication's index work leaves its shard", async () => {
    const [entry] = entries(1, "沙山治理工程");
    if (!entry) throw new Error("no entry");
    await store.items.loadMany([entry], { search: true });
    expect(await foundIds("沙山")).toEqual([entry.item.id]);
    const withdrawn = { ...entry.item, state: "withdrawn" as const, version: entry.item.version + 1 };
    await store.items.update(withdrawn, entry.item, audit(withdrawn), [
      store.search.indexWrite(entry.item.id),
    ]);
    await store.search.index(entry.item.id);
    expect(await postingsOf("沙山")).toEqual([]);
  });

  it("ADR 0063: each term is written once per load, a rare term in one record, a common one in equal records of at most 250, newest first", async () => {
    // 1,100 items, 100 a month over eleven months: two chunks of 1,000 as the load writes them.
    const loaded = Array.from({ length: 1100 }, (_, i) => {
      const month = String(1 + Math.floor(i / 100)).padStart(2, "0");
      const rare = i === 0 || i === 1099 ? "赣江鲥鱼" : "";
      const item = published(`港口岸线${rare}规划${i}`, `<p>第${i}项</p>`, `2024-${month}-10T02:00:00.000Z`);
      return { item, audit: audit(item) };
    });
    await store.items.loadMany(loaded, { search: true });
    // Control: the per-chunk layout (ADR 0056) put the rare term in one record per chunk, two here.
    const rare = await shardsOf("鲥鱼");
    expect(rare).toHaveLength(1);
    expect(idsIn(rare[0] ?? {}).sort()).toEqual([loaded[0]?.item.id, loaded[1099]?.item.id].sort());
    // 1,100 postings: five records of 220 in order of publication, each named by its newest month.
    const common = await shardsOf("规划");
    expect(common.map((r) => String(r.sk).slice(2, 9))).toEqual([
      "2024-03",
      "2024-05",
      "2024-07",
      "2024-09",
      "2024-11",
    ]);
    expect(common.map((r) => idsIn(r).length)).toEqual([220, 220, 220, 220, 220]);
    expect((await store.search.find({ q: "赣江鲥鱼", filter: {}, limit: 10 })).total).toBe(2);
  });

  it("ADR 0063: a bulk-loaded item's new edition is masked in the load's records and written to its month's shard, terms dropped and added", async () => {
    const loaded = entries(300, "赣江航道疏浚");
    await store.items.loadMany(loaded, { search: true });
    const entry = loaded[7] as (typeof loaded)[number];
    const edition = { ...entry.item, title: "赣江航道整治7", version: entry.item.version + 1 };
    await store.items.update(edition, entry.item, audit(edition), [store.search.indexWrite(entry.item.id)]);
    await store.search.index(entry.item.id);
    const holding = async (term: string) =>
      (await shardsOf(term)).filter((r) => idsIn(r).includes(entry.item.id)).map((r) => String(r.sk));
    // Control: before the edition the kept term was in a bulk record; now once, in the live shard.
    const live = `P#${entry.item.firstPublishedAt?.slice(0, 7)}#L`;
    expect(await holding("航道")).toEqual([live]);
    expect(await holding("整治")).toEqual([live]);
    expect(await holding("疏浚")).toEqual([]);
    expect(await foundIds("赣江航道整治")).toContain(entry.item.id);
    expect(await foundIds("疏浚")).not.toContain(entry.item.id);
    expect((await store.search.find({ q: "疏浚", filter: {}, limit: 100 })).total).toBe(299);
    const withdrawn = { ...edition, state: "withdrawn" as const, version: edition.version + 1 };
    await store.items.update(withdrawn, edition, audit(withdrawn), [store.search.indexWrite(entry.item.id)]);
    await store.search.index(entry.item.id);
    expect([...(await holding("航道")), ...(await holding("整治"))]).toEqual([]);
    expect((await postingsOf("航道")).length).toBe(299);
  });

  it("ADR 0063: concurrent index runs of items in one bulk record all stay masked (a set, added to in place)", async () => {
    const loaded = entries(40, "庐山索道检修");
    await store.items.loadMany(loaded, { search: true });
    const gone = loaded.slice(0, 24);
    await Promise.all(
      gone.map(async ({ item }) => {
        const withdrawn = { ...item, state: "withdrawn" as const, version: item.version + 1 };
        await store.items.update(withdrawn, item, audit(withdrawn), [store.search.indexWrite(item.id)]);
        await store.search.index(item.id);
      }),
    );
    const [record, ...others] = await shardsOf("索道");
    expect(others).toEqual([]);
    expect([...((record?.x as Set<string> | undefined) ?? [])].sort()).toEqual(
      gone.map((e) => e.item.id).sort(),
    );
    expect((await store.search.find({ q: "索道", filter: {}, limit: 100 })).total).toBe(16);
  });

  it("requests DynamoDB sends back unprocessed, and a call that timed out, are retried until written", async () => {
    const db = connectionOf(store);
    let refused = 0;
    let timedOut = false;
    const send = ((command: unknown) => {
      if (command instanceof BatchWriteCommand && !timedOut) {
        timedOut = true;
        return Promise.reject(new DomainError("unavailable", "数据库暂时无法访问，请稍后重试"));
      }
      // Every other BatchWriteItem: half written, the rest handed back as unprocessed.
      if (command instanceof BatchWriteCommand && refused++ % 2 === 0) {
        const requests = command.input.RequestItems?.[db.tableName] ?? [];
        const half = Math.ceil(requests.length / 2);
        return db.doc
          .send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests.slice(0, half) } }))
          .then(() => ({ UnprocessedItems: { [db.tableName]: requests.slice(half) } }));
      }
      return db.doc.send(command as never);
    }) as typeof db.doc.send;
    const flaky = storeOver({ ...db, doc: { send } as typeof db.doc });
    const loaded = entries(40, "鄱阳湖禁渔退捕");
    await flaky.items.loadMany(loaded, { search: true });
    expect(refused).toBeGreaterThan(2);
    expect(timedOut).toBe(true);
    expect((await store.search.find({ q: "禁渔", filter: {}, limit: 100 })).total).toBe(40);
  });
});
