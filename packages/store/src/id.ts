import { type IdKind, idPrefixes } from "@gov/domain";
import { monotonicFactory } from "ulid";

const ulid = monotonicFactory();

/** A new prefixed, time-sortable id (`itm_01J…`). */
export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${ulid()}`;
}
