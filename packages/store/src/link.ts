import {
  DomainError,
  type Item,
  inverseRelation,
  type Link,
  type LinkRelation,
  type LinkTarget,
  linkTarget,
} from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import type { Write } from "./transaction.ts";

/**
 * A link as stored: in the partition of `from`, showing `target`; `indexedUnder` is the
 * 索引号 of `from` it is filed under on gsi3, if any (ADR 0057).
 */
export type StoredLink = Link & { from: string; indexedUnder?: string };

const indexNumberPrefix = "INDEXNO#";

export function linkFromRecord(record: Record<string, unknown>): StoredLink {
  const { from, relation, source, target } = record as StoredLink;
  const gsi3pk = record.gsi3pk;
  return {
    from,
    relation,
    source,
    target,
    ...(typeof gsi3pk === "string" ? { indexedUnder: gsi3pk.slice(indexNumberPrefix.length) } : {}),
  };
}

export async function readLinks(db: Db, itemId: string): Promise<StoredLink[]> {
  const records = await queryAll(db, {
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
    ExpressionAttributeValues: { ":pk": keys.item(itemId).pk, ":prefix": keys.linkPrefix },
  });
  return records.map(linkFromRecord);
}

/** `from` is the item the link is shown on: its id, and its 索引号 once it has one. */
type End = { id: string; indexNumber: string | null };

function put(db: Db, from: End, relation: LinkRelation, source: string, target: LinkTarget): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.link(from.id, relation, target.id),
          ...(from.indexNumber ? keys.linkByIndexNumber(from.indexNumber, relation, target.id) : {}),
          entity: "link",
          from: from.id,
          relation,
          source,
          target,
        },
      },
    },
    onConditionFailed: new DomainError("conflict", "关联写入冲突，请重试"),
  };
}

function remove(db: Db, from: string, relation: LinkRelation, to: string): Write {
  return {
    item: { Delete: { TableName: db.tableName, Key: keys.link(from, relation, to) } },
    onConditionFailed: new DomainError("conflict", "关联写入冲突，请重试"),
  };
}

export function linkRepository(db: Db) {
  return {
    /**
     * The link writes that go with a change of `item` (already in its new state): the links
     * its own fields declare are created or removed at both ends (`declared`, with the target
     * items), and every other link's far end is refreshed so it shows the item as it now is.
     */
    changeWrites(
      item: Item,
      existing: StoredLink[],
      declared: { relation: LinkRelation; target: Item }[] | null,
    ): Write[] {
      const writes: Write[] = [];
      const wanted = new Set((declared ?? []).map((d) => `${d.relation}#${d.target.id}`));
      for (const link of existing) {
        const ownedAndDropped =
          declared && link.source === item.id && !wanted.has(`${link.relation}#${link.target.id}`);
        if (ownedAndDropped) {
          writes.push(remove(db, item.id, link.relation, link.target.id));
          writes.push(remove(db, link.target.id, inverseRelation[link.relation], item.id));
        } else if (!declared || link.source !== item.id) {
          writes.push(put(db, link.target, inverseRelation[link.relation], link.source, linkTarget(item)));
          // The item's own end, filed under its 索引号 once it has one (first approval), unless
          // a declared link below writes that same record.
          const refiled = item.indexNumber && link.indexedUnder !== item.indexNumber;
          if (refiled && !wanted.has(`${link.relation}#${link.target.id}`))
            writes.push(put(db, item, link.relation, link.source, link.target));
        }
      }
      for (const { relation, target } of declared ?? []) writes.push(...bothEnds(db, item, relation, target));
      return writes;
    },

    /** A link declared by an action rather than by fields (amended-by, repealed-by): both ends. */
    actionWrites: (item: Item, relation: LinkRelation, target: Item): Write[] =>
      bothEnds(db, item, relation, target),
  };
}

/** Each end reads its links with one Query of its own partition, so a link is stored at both. */
function bothEnds(db: Db, item: Item, relation: LinkRelation, target: Item): Write[] {
  return [
    put(db, item, relation, item.id, linkTarget(target)),
    put(db, target, inverseRelation[relation], item.id, linkTarget(item)),
  ];
}
