import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  type Actor,
  type AuditEntry,
  canSeeUnit,
  clockOfColumn,
  clockOfUnpublished,
  clockOfUnpublishedBudget,
  DomainError,
  type Item,
  type ItemEdition,
  itemSize,
  type PublicChangeRecord,
  PublicListEntry,
  recordBytes,
} from "@gov/domain";
import { auditWrite, readAudit } from "./audit.ts";
import { batchWrite, putRequests, type WriteRequest } from "./batch.ts";
import type { Db } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { keys } from "./keys.ts";
import { linkFromRecord, readLinks, type StoredLink } from "./link.ts";
import type { Page, PageRequest } from "./paged.ts";
import { commitWithChanges } from "./public-changes.ts";
import { listPublished, type PublishedFilter, publishedInYear } from "./published.ts";
import { countAll, queryAll, scanAll } from "./query.ts";
import { clockWrites } from "./supervision-clock.ts";
import { keyAttributes } from "./table.ts";
import { commit, type Write } from "./transaction.ts";

const keyNames = new Set([...keyAttributes(), "entity"]);
const listEntryAttributes = Object.keys(PublicListEntry.shape);

/** The stored record carries the index keys its state calls for; sparse indexes do the filtering. */
function toRecord(item: Item): Record<string, unknown> {
  return {
    ...keys.item(item.id),
    ...keys.itemOfUnit(item.unitCode, item.createdAt, item.id),
    ...publishedKeys(item),
    ...(item.indexNumber ? keys.byIndexNumber(item.indexNumber) : {}),
    ...(item.kind === "normative" && item.state === "published"
      ? keys.normativeDocument(item.generatedOn, item.id)
      : {}),
    entity: "item",
    ...item,
  };
}

/**
 * Public lists sort by first publication, so a corrected edition keeps its place; the keys
 * exist only while the item is published, which is what keeps drafts out of every list.
 */
function publishedKeys(item: Item) {
  const at = item.firstPublishedAt ?? item.publishedAt;
  if (item.state !== "published" || !at) return {};
  return {
    ...keys.publishedInColumn(item.columnId, at, item.id),
    ...keys.publishedOfUnit(item.unitCode, at, item.id),
    ...keys.published(at, item.id),
  };
}

const publishedColumn = (item: Item | undefined) => (item?.state === "published" ? item.columnId : undefined);

/**
 * The unit's column-freshness clock (ADR 0049) moves with each publication, in its own
 * transaction; withdrawing or editing a draft leaves it where the last publication put it.
 */
function columnClockWrites(db: Db, before: Item | undefined, after: Item): Write[] {
  const clock = clockOfColumn(after);
  const published = before?.state === "published" && before.publishedAt === after.publishedAt;
  if (!clock || published) return [];
  return clockWrites(db, { kind: clock.kind, id: clock.id }, clock);
}

/**
 * An unpublished draft's clocks (ADR 0049), Art. 26's and a budget's: put while it waits,
 * deleted once published (or once a budget draft is no longer a budget).
 */
function unpublishedClockWrites(db: Db, before: Item | undefined, after: Item): Write[] {
  return [clockOfUnpublished, clockOfUnpublishedBudget].flatMap((clockOf) => {
    const clock = clockOf(after);
    if (clock) return clockWrites(db, { kind: clock.kind, id: clock.id }, clock);
    const waited = before === undefined ? null : clockOf(before);
    return waited ? clockWrites(db, { kind: waited.kind, id: after.id }, null) : [];
  });
}

/**
 * A tiny record per published item under its column, kept in the item's own transaction:
 * the catalogue counts them, and unlike a shared counter no two items ever contend for it.
 */
function columnMembershipWrites(db: Db, before: Item | undefined, after: Item): Write[] {
  const was = publishedColumn(before);
  const is = publishedColumn(after);
  if (was === is) return [];
  const conflict = new DomainError("conflict", "栏目计数冲突，请重试");
  return [
    ...(was
      ? [
          {
            item: { Delete: { TableName: db.tableName, Key: keys.columnMember(was, after.id) } },
            onConditionFailed: conflict,
          },
        ]
      : []),
    ...(is
      ? [
          {
            item: {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.columnMember(is, after.id), entity: "column-member" },
              },
            },
            onConditionFailed: conflict,
          },
        ]
      : []),
  ];
}

/** Timeliness facts a holiday notice still to be loaded may change (OGI Art. 26, 预算法 Art. 14). */
const provisional = (item: Item | undefined): boolean => {
  const t = item?.timeliness;
  return !!t && (t.proactive.provisional || !!t.interpretation?.provisional || !!t.budget?.provisional);
};

/**
 * The marker of provisional timeliness, kept in the item's own transaction like the column
 * membership: written when the facts become provisional, removed once they are exact.
 */
function provisionalMarkerWrites(db: Db, before: Item | undefined, after: Item): Write[] {
  const was = provisional(before);
  const is = provisional(after);
  if (was === is) return [];
  const Key = keys.provisionalTimeliness(after.id);
  const conflict = new DomainError("conflict", "时效记录冲突，请重试");
  return [
    is
      ? {
          item: { Put: { TableName: db.tableName, Item: { ...Key, entity: "provisional-timeliness" } } },
          onConditionFailed: conflict,
        }
      : { item: { Delete: { TableName: db.tableName, Key } }, onConditionFailed: conflict },
  ];
}

/**
 * Contents are limited so an item and its pending revision fit one record (ADR 0039); what
 * else grows with each edition and 有效性 change is counted here, so a record DynamoDB would
 * refuse is a refused change, never a server error.
 */
function fittingRecord(item: Item): Record<string, unknown> {
  const record = toRecord(item);
  if (recordBytes(record) > itemSize.recordBytes) {
    throw new DomainError(
      "unprocessable",
      `该信息的记录将超过${itemSize.recordBytes / 1024}KB存储上限（现行内容、修订稿与版本、有效性变更记录合计），本次修改未保存`,
    );
  }
  return record;
}

export function itemFromRecord(record: Record<string, unknown>): Item {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keyNames.has(k))) as Item;
}

/** An item loaded whole (an import): the records `create` writes, as batch requests. */
export function loadRequests(db: Db, { item, audit }: { item: Item; audit: AuditEntry }): WriteRequest[] {
  return [
    { PutRequest: { Item: fittingRecord(item) } },
    ...putRequests([
      auditWrite(db, keys.item(item.id).pk, audit),
      ...columnMembershipWrites(db, undefined, item),
      ...provisionalMarkerWrites(db, undefined, item),
    ]),
  ];
}

const notFound = () => new DomainError("not-found", "信息不存在");
const stale = () => new DomainError("precondition-failed", "信息已被他人修改，请刷新后重试");

export function itemRepository(db: Db) {
  /** Once seen, the refiling marker stays; until then it is looked at most once a minute. */
  let refiledSeen = false;
  let lookedAt = Number.NEGATIVE_INFINITY;
  async function linksRefiled(): Promise<boolean> {
    if (refiledSeen || performance.now() - lookedAt < 60_000) return refiledSeen;
    lookedAt = performance.now();
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.linksByIndexNumber }),
    );
    refiledSeen = Item !== undefined;
    return refiledSeen;
  }
  return {
    async get(id: string, options: { consistent?: boolean } = {}): Promise<Item | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.item(id),
          ConsistentRead: options.consistent ?? false,
        }),
      );
      return Item ? itemFromRecord(Item) : undefined;
    },

    /** The item and its links in one Query: the link records sort right after the item record. */
    async getWithLinks(id: string): Promise<{ item: Item; links: StoredLink[] } | undefined> {
      const { Items = [] } = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: "pk = :pk AND sk >= :item",
          ExpressionAttributeValues: { ":pk": keys.item(id).pk, ":item": keys.item(id).sk },
        }),
      );
      const [head, ...rest] = Items;
      if (head?.sk !== keys.item(id).sk) return undefined;
      return {
        item: itemFromRecord(head),
        links: rest.filter((r) => r.entity === "link").map(linkFromRecord),
      };
    },

    links: (id: string) => readLinks(db, id),

    /** Several items by id (consistent), for link checks; missing ids are simply absent. */
    async getMany(ids: string[]): Promise<Map<string, Item>> {
      const found = new Map<string, Item>();
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += 100) {
        let request:
          | Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }>
          | undefined = {
          [db.tableName]: { Keys: unique.slice(i, i + 100).map((id) => keys.item(id)), ConsistentRead: true },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
          for (const record of result.Responses?.[db.tableName] ?? []) {
            const item = itemFromRecord(record);
            found.set(item.id, item);
          }
          request = result.UnprocessedKeys as typeof request;
        }
      }
      return found;
    },

    /** The superseded editions, oldest first. */
    async editions(id: string): Promise<ItemEdition[]> {
      const records = await queryAll(db, {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": keys.item(id).pk, ":prefix": keys.editionPrefix },
      });
      return records.map(({ pk: _pk, sk: _sk, entity: _entity, ...edition }) => edition as ItemEdition);
    },

    /** Column and unit of the items published in a year, the city's or a unit's (the annual report's overview). */
    publishedInYear: (year: number, unit?: string) => publishedInYear(db, year, unit),

    /** All published normative documents of the city (one partition of a sparse index). */
    async normativeDocuments(): Promise<Item[]> {
      const records = await queryAll(db, {
        IndexName: "gsi4",
        KeyConditionExpression: "gsi4pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.normativePartition },
      });
      return records.map(itemFromRecord);
    },

    /**
     * The item and its links by 索引号 in one Query of gsi3: the links are filed under their
     * item's 索引号 after its entry (ADR 0057). Until the links written before that were
     * refiled (`refileLinksByIndexNumber`), it takes the two reads it took before.
     */
    async getWithLinksByIndexNumber(
      indexNumber: string,
    ): Promise<{ item: Item; links: StoredLink[] } | undefined> {
      if (!(await linksRefiled())) {
        const item = await this.getByIndexNumber(indexNumber);
        return item ? this.getWithLinks(item.id) : undefined;
      }
      const records = await queryAll(db, {
        IndexName: "gsi3",
        KeyConditionExpression: "gsi3pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.byIndexNumber(indexNumber).gsi3pk },
      });
      const [head, ...rest] = records;
      if (head?.gsi3sk !== keys.byIndexNumber(indexNumber).gsi3sk) return undefined;
      return {
        item: itemFromRecord(head),
        links: rest.filter((r) => r.entity === "link").map(linkFromRecord),
      };
    },

    /**
     * Once per table: files every link written before ADR 0057 under its item's 索引号, then
     * records that it is done. Idempotent; a link whose item has no 索引号 yet is filed by the
     * approval that allocates one.
     */
    async refileLinksByIndexNumber(): Promise<number> {
      if (await linksRefiled()) return 0;
      const links = await scanAll(db, {
        FilterExpression: "entity = :link AND attribute_not_exists(gsi3pk)",
        ExpressionAttributeValues: { ":link": "link" },
      });
      const owners = await this.getMany(links.map((l) => String(l.from)));
      let refiled = 0;
      for (const link of links) {
        const indexNumber = owners.get(String(link.from))?.indexNumber;
        if (!indexNumber) continue;
        const { relation, target } = linkFromRecord(link);
        const filed = keys.linkByIndexNumber(indexNumber, relation, target.id);
        const filedNow = await db.doc
          .send(
            new UpdateCommand({
              TableName: db.tableName,
              Key: { pk: link.pk, sk: link.sk },
              UpdateExpression: "SET gsi3pk = :pk, gsi3sk = :sk",
              ConditionExpression: "attribute_exists(pk)",
              ExpressionAttributeValues: { ":pk": filed.gsi3pk, ":sk": filed.gsi3sk },
            }),
          )
          .then(
            () => true,
            (error: unknown) => {
              // Deleted meanwhile: nothing left to file.
              if (!(error instanceof ConditionalCheckFailedException)) throw error;
              return false;
            },
          );
        if (filedNow) refiled++;
      }
      await db.doc.send(
        new PutCommand({ TableName: db.tableName, Item: { ...keys.linksByIndexNumber, entity: "backfill" } }),
      );
      refiledSeen = true;
      return refiled;
    },

    /** One Query on the sparse 索引号 index. */
    async getByIndexNumber(indexNumber: string): Promise<Item | undefined> {
      const { Items } = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: "gsi3",
          KeyConditionExpression: "gsi3pk = :pk",
          ExpressionAttributeValues: { ":pk": keys.byIndexNumber(indexNumber).gsi3pk },
          Limit: 1,
        }),
      );
      return Items?.[0] ? itemFromRecord(Items[0]) : undefined;
    },

    /** Creates the item with its audit entry, plus any writes that must hold with it (idempotency). */
    async create(item: Item, audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: fittingRecord(item),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: new DomainError("conflict", "信息已存在"),
        },
        auditWrite(db, keys.item(item.id).pk, audit),
        ...columnMembershipWrites(db, undefined, item),
        ...provisionalMarkerWrites(db, undefined, item),
        ...columnClockWrites(db, undefined, item),
        ...unpublishedClockWrites(db, undefined, item),
        ...extra,
      ]);
    },

    /**
     * Loads items whose history is already decided (an import from an old site), each with
     * its audit entry and column membership, 25 records per BatchWriteItem: the same records
     * `create` writes, without its per-item transaction. Existing records are overwritten.
     */
    async load(entries: { item: Item; audit: AuditEntry }[]): Promise<void> {
      await batchWrite(
        db,
        entries.flatMap((entry) => loadRequests(db, entry)),
      );
    },

    /**
     * Replaces the item if nobody changed it since `expectedVersion` (optimistic locking),
     * with its audit entry in the same transaction, and with the public change feed's entries
     * when the change is one the public sees (ADR 0059).
     */
    async update(
      item: Item,
      before: Item,
      audit: AuditEntry,
      extra: Write[] = [],
      changes: PublicChangeRecord[] = [],
    ): Promise<void> {
      const expectedVersion = before.version;
      const writes: Write[] = [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: fittingRecord(item),
              ConditionExpression: "attribute_exists(pk) AND version = :expected",
              ExpressionAttributeValues: { ":expected": expectedVersion },
            },
          },
          onConditionFailed: stale(),
        },
        auditWrite(db, keys.item(item.id).pk, audit),
        ...columnMembershipWrites(db, before, item),
        ...provisionalMarkerWrites(db, before, item),
        ...columnClockWrites(db, before, item),
        ...unpublishedClockWrites(db, before, item),
        ...extra,
      ];
      await (changes.length > 0 ? commitWithChanges(db, writes, changes) : commit(db, writes));
    },

    /** The ids of items whose timeliness facts are provisional: one Query of the marker partition. */
    async withProvisionalTimeliness(): Promise<string[]> {
      const records = await queryAll(db, {
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.provisionalTimelinessPartition },
      });
      return records.map((r) => String(r.sk));
    },

    /** Published items per column, for the catalogue: one small Query (COUNT) per column. */
    async countPublishedByColumn(columnIds: string[]): Promise<Map<string, number>> {
      const counts = await Promise.all(
        columnIds.map(async (id) => {
          const total = await countAll(db, {
            KeyConditionExpression: "pk = :pk",
            ExpressionAttributeValues: { ":pk": keys.columnMember(id, "").pk },
          });
          return [id, total] as const;
        }),
      );
      return new Map(counts);
    },

    /** The live edition a revision supersedes, kept for the history (never overwritten). */
    editionWrite(item: Item): Write {
      const { revision: _revision, ...edition } = item;
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.edition(item.id, item.edition), entity: "edition", ...edition },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: new DomainError("conflict", "该版本已被归档，请刷新后重试"),
      };
    },

    /** A unit's own items in every state, newest first (gsi1): the department's list. */
    async listOfUnit(unitCode: string, page: PageRequest): Promise<Page<Item>> {
      const partition = keys.unitItemsPartition(unitCode);
      const result = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :pk",
          ExpressionAttributeValues: { ":pk": partition },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: decodeCursor(page.cursor, { attribute: "gsi1pk", value: partition }),
        }),
      );
      return {
        items: (result.Items ?? []).map(itemFromRecord),
        nextCursor: encodeCursor(result.LastEvaluatedKey),
      };
    },

    listPublished: (filter: PublishedFilter, page: PageRequest) => listPublished(db, filter, page),

    /**
     * The same list as the public sees its rows: projected to a list entry's fields, so the
     * body, drafts and review answers are neither sent by DynamoDB nor unmarshalled here.
     * Capacity is the same (DynamoDB counts what it reads, not what it returns).
     */
    listPublishedEntries: async (
      filter: PublishedFilter,
      page: PageRequest,
    ): Promise<Page<PublicListEntry>> => listPublished(db, filter, page, listEntryAttributes),

    history: (id: string) => readAudit(db, keys.item(id).pk),

    /** Atomic counter: concurrent approvals each get a distinct sequence. Gaps are allowed. */
    async nextIndexSequence(unitCode: string, year: number): Promise<number> {
      const { Attributes } = await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.indexSequence(unitCode, year),
          UpdateExpression: "ADD #value :one SET entity = :entity",
          ExpressionAttributeNames: { "#value": "value" },
          ExpressionAttributeValues: { ":one": 1, ":entity": "sequence" },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return Number(Attributes?.value);
    },
  };
}

export type ItemRepository = ReturnType<typeof itemRepository>;

/**
 * The repository as one caller may use it: another unit's item reads as missing, so every
 * route built on this is safe from broken object-level authorization without its own check.
 */
export function scopedItems(repository: ItemRepository, actor: Actor) {
  return {
    async get(id: string): Promise<Item> {
      const item = await repository.get(id, { consistent: true });
      if (!item || !canSeeUnit(actor, item.unitCode)) throw notFound();
      return item;
    },
    list(page: PageRequest) {
      return repository.listOfUnit(actor.unitCode, page);
    },
  };
}
