import { fail } from "./error.ts";
import { utf8Bytes } from "./text.ts";

/**
 * How much an item may hold, in UTF-8 bytes (ADR 0039). One DynamoDB record holds at most
 * 400 KB, counting attribute names and UTF-8 values. The item record carries its live content
 * and, while a revision is open, the pending content too: each content may use under half of
 * the record, so that any item that can be published can also be revised, and the rest is
 * kept for the workflow facts (review, dates, edition and 有效性 history, index keys).
 */
export const itemSize = {
  /** DynamoDB's limit for one record. */
  recordBytes: 400 * 1024,
  /** One content: its title, body, summary, attachments and every other written field. */
  contentBytes: 180 * 1024,
};

/**
 * What a value weighs as DynamoDB counts it: strings and names in UTF-8, 3 bytes per map or
 * list and 1 per element, 1 for a boolean or null; a number is counted at its largest (21).
 */
function weight(value: unknown): number {
  if (typeof value === "string") return utf8Bytes(value);
  if (typeof value === "number") return 21;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + weight(v), 0);
  if (value !== null && typeof value === "object") return 3 + attributesWeight(value, 1);
  return 1;
}

/** Undefined fields are not stored (the store drops them), so they weigh nothing. */
function attributesWeight(value: object, overhead: number): number {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .reduce((sum, [name, v]) => sum + utf8Bytes(name) + overhead + weight(v), 0);
}

/** The bytes a record takes in DynamoDB: its attributes' names and values. */
export function recordBytes(record: object): number {
  return attributesWeight(record, 0);
}

/**
 * The bytes a content takes, counted where it weighs most: as the pending revision's map,
 * a little heavier than the same fields at the top of the live record.
 */
export function contentBytes(content: object): number {
  return weight(content);
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

/**
 * Refuses a content that would not fit its record, before anything is written. The issue
 * is named on `body`, where the bytes are; the other fields have their own small limits.
 */
export function checkContentSize(content: object): void {
  const bytes = contentBytes(content);
  if (bytes <= itemSize.contentBytes) return;
  const limit = kb(itemSize.contentBytes);
  fail("validation", `内容超过${limit}KB上限`, [
    {
      path: "body",
      message: `正文、标题、摘要、附件等内容合计不能超过${limit}KB（按UTF-8计，一个汉字3字节，约${Math.floor(itemSize.contentBytes / 3 / 10_000)}万字），当前为${kb(bytes)}KB`,
    },
  ]);
}
