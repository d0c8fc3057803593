import { describe, expect, it } from "vitest";
import { DomainError } from "./error.ts";
import { checkContentSize, contentBytes, itemSize, recordBytes } from "./item-size.ts";

describe("item size in bytes (ADR 0039)", () => {
  it("counts strings in UTF-8 and names as DynamoDB does: a 汉字 is 3 bytes, an emoji 4", () => {
    expect(recordBytes({ a: "政" })).toBe(1 + 3);
    expect(recordBytes({ 名: "😀" })).toBe(3 + 4);
    expect(recordBytes({ a: ["x", null, true] })).toBe(1 + 3 + 3 * 1 + 1 + 1 + 1);
    expect(recordBytes({ a: { b: "c" } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(recordBytes({ a: undefined, b: 7 })).toBe(1 + 21);
  });

  it("a content is counted as the map a pending revision stores it in", () => {
    expect(contentBytes({ body: "政" })).toBe(3 + (4 + 1 + 3));
  });

  // The reserve holds the workflow facts, measured at their largest (ADR 0039): 7.6 KB of keys,
  // dates and 500-character notes and reasons, 69 bytes per edition, 1.6 KB per 有效性 change.
  it("two contents at the limit leave at least 32 KB of a 400 KB record for the workflow facts", () => {
    expect(2 * itemSize.contentBytes).toBeLessThanOrEqual(itemSize.recordBytes - 32 * 1024);
  });

  it("a content one byte over is refused on `body`, giving the limit in KB", () => {
    const body = (bytes: number) => "a".repeat(bytes - contentBytes({ body: "" }));
    expect(() => checkContentSize({ body: body(itemSize.contentBytes) })).not.toThrow();
    try {
      checkContentSize({ body: body(itemSize.contentBytes + 1) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: "validation", issues: [{ path: "body" }] });
      expect((error as DomainError).issues[0]?.message).toContain("180KB");
    }
  });
});
