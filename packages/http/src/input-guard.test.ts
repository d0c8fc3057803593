import { describe, expect, it } from "vitest";
import { jsonIssues, maxDepth } from "./input-guard.ts";

// The scan the frame runs on every body, as plain data: what it refuses and where it says so.

describe("the input guard's scan of JSON text", () => {
  it("issue 12 #1 deep nesting: 16 levels pass, the 17th is refused at the path that reaches it", () => {
    const nested = (depth: number) => `${'{"a":['.repeat(depth / 2)}1${"]}".repeat(depth / 2)}`;
    expect(jsonIssues(nested(maxDepth))).toEqual([]);
    expect(jsonIssues(nested(maxDepth + 2))).toEqual([
      { path: "a.0.a.0.a.0.a.0.a.0.a.0.a.0.a.0", message: "嵌套不能超过16层" },
    ]);
  });

  it("issue 12 #1 deep nesting: a million opening brackets are refused without recursion", () => {
    expect(jsonIssues("[".repeat(1_000_000))).toHaveLength(1);
  });

  it("issue 12 #1 keys: duplicates (also when escaped differently) and prototype keys are refused where they stand", () => {
    expect(
      jsonIssues('{"a":{"b":1,"\\u0062":2},"c":[{"__proto__":{}},{"constructor":1,"prototype":2}]}'),
    ).toEqual([
      { path: "a.b", message: "字段重复" },
      { path: "c.0.__proto__", message: "不允许的字段名" },
      { path: "c.1.constructor", message: "不允许的字段名" },
      { path: "c.1.prototype", message: "不允许的字段名" },
    ]);
  });

  it("issue 12 #11 text: strings and keys anywhere pass the text rule; odd keys are written escaped in the path", () => {
    expect(jsonIssues('{"list":["ok","\\u0000"],"x\\u202e":"y","a.b":"\\ud800"}')).toEqual([
      { path: "list.1", message: "含有不允许的控制字符（U+0000）" },
      { path: '["x\\u202e"]', message: "字段名含有不允许的双向文本控制符（U+202E）" },
      { path: '["a.b"]', message: "含有不允许的孤立的代理码元（U+D800）" },
    ]);
  });

  it("issue 12 #4 numbers: zero and 1e-130 up to below 1e126 are storable; smaller, larger, infinite and underflowed are not", () => {
    expect(jsonIssues("[0, -0, 0.0, 0e5, 1e-130, -9.99e125, 2.5, 12345678901234567890]")).toEqual([]);
    const refused = jsonIssues('{"n":[1e-131, 1e126, 1e400, -1e400, 1e-400, 0.1e-999]}').map((i) => i.path);
    expect(refused).toEqual(["n.0", "n.1", "n.2", "n.3", "n.4", "n.5"]);
  });

  it("strings hide their brackets, commas and quotes from the scan", () => {
    expect(jsonIssues(`{"a":"[[[{,\\"}","b":"${"[".repeat(100)}"}`)).toEqual([]);
  });

  it("answers at most 20 issues", () => {
    expect(jsonIssues(JSON.stringify(Array.from({ length: 100 }, () => "\u0000")))).toHaveLength(20);
  });

  it("scans a 1 MB body of short strings and numbers in a few times what JSON.parse takes", () => {
    const body = JSON.stringify({
      rows: Array.from({ length: 40_000 }, (_, i) => ({ k: `值${i}`, n: i / 2 })),
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_000_000);
    const timed = (f: () => unknown) => {
      const started = performance.now();
      f();
      return performance.now() - started;
    };
    const parse = timed(() => JSON.parse(body));
    expect(timed(() => expect(jsonIssues(body)).toEqual([]))).toBeLessThan(20 * parse + 50);
  });
});
