import { type FieldIssue, fieldPath, textIssue } from "@gov/domain";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";
import { problem } from "./problem.ts";

/**
 * What every request passes before any route reads it (ADR 0038; the rules are listed in
 * packages/http/README.md). The body is read once as bytes (the frame's body limit has already
 * bounded them), decoded strictly as UTF-8 and scanned as JSON text in one iterative pass,
 * before anything parses it: no recursion ever runs on an untrusted shape.
 */

/** Deepest nesting a body may have; the deepest schema (indicators[].rule.params.columnIds) nests 6 deep. */
export const maxDepth = 16;

/** At most this many issues are answered: enough to fix a form, never a flood. */
const maxIssues = 20;

/** Keys that would reach an object's prototype wherever input is copied or looked up by key. */
const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

/**
 * DynamoDB keeps numbers from 1e-130 to below 1e126 in magnitude, and zero; anything else is a
 * 500 at the write ("Number underflow"), and JSON.parse reads 1e400 as Infinity.
 */
function numberIssue(literal: string): string | undefined {
  const n = Number(literal);
  const size = Math.abs(n);
  const writtenAsZero = !/[1-9]/.test(literal.split(/[eE]/)[0] ?? "");
  const storable = n === 0 ? writtenAsZero : size >= 1e-130 && size < 1e126;
  return storable ? undefined : "数值超出可保存的范围：绝对值须为0或在1e-130至1e126之间";
}

type Frame =
  | { kind: "object"; keys: Set<string>; key: string; awaitingKey: boolean }
  | { kind: "array"; index: number };

const segmentOf = (frame: Frame) => (frame.kind === "array" ? frame.index : frame.key);

/** Where the string starting at `start` ends (after its closing quote), or -1 if it never does. */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

function decodedString(literal: string): string | undefined {
  if (!literal.includes("\\")) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

const numberLiteral = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The issues of a JSON text, each with the path of its field: nesting deeper than `maxDepth`,
 * a key twice in one object (JSON.parse would silently keep the last), a key that reaches a
 * prototype, a key or string the text rule refuses, a number DynamoDB cannot keep. Text that
 * is not JSON is left to the route's parser, which refuses it.
 */
export function jsonIssues(text: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: Frame[] = [];
  const report = (message: string) =>
    issues.push({ path: fieldPath(stack.map(segmentOf)) || "(body)", message });
  let i = 0;
  while (i < text.length && issues.length < maxIssues) {
    const c = text[i] as string;
    const top = stack.at(-1);
    if (c === '"') {
      const end = stringEnd(text, i);
      const value = end < 0 ? undefined : decodedString(text.slice(i, end));
      if (value === undefined) break;
      i = end;
      if (top?.kind === "object" && top.awaitingKey) {
        top.key = value;
        top.awaitingKey = false;
        const issue = textIssue(value);
        if (issue) report(`字段名${issue}`);
        else if (forbiddenKeys.has(value)) report("不允许的字段名");
        else if (top.keys.has(value)) report("字段重复");
        top.keys.add(value);
      } else {
        const issue = textIssue(value);
        if (issue) report(issue);
      }
      continue;
    }
    if (c === "{" || c === "[") {
      if (stack.length >= maxDepth) {
        report(`嵌套不能超过${maxDepth}层`);
        break;
      }
      stack.push(
        c === "{"
          ? { kind: "object", keys: new Set(), key: "", awaitingKey: true }
          : { kind: "array", index: 0 },
      );
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      if (top?.kind === "array") top.index++;
      else if (top) top.awaitingKey = true;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      numberLiteral.lastIndex = i;
      const literal = numberLiteral.exec(text)?.[0];
      if (literal) {
        const issue = numberIssue(literal);
        if (issue) report(issue);
        i += literal.length;
        continue;
      }
    }
    i++;
  }
  return issues;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodedBody(bytes: ArrayBuffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodedComponent(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/** Each query parameter must be well-formed UTF-8 percent-encoding and pass the text rule, name and value. */
function queryIssues(url: string): FieldIssue[] {
  const start = url.indexOf("?");
  if (start < 0) return [];
  return url
    .slice(start + 1)
    .split("&")
    .flatMap((pair) => {
      if (!pair) return [];
      const [rawName = "", ...rest] = pair.split("=");
      const name = decodedComponent(rawName);
      const value = decodedComponent(rest.join("="));
      const path = fieldPath([name ?? rawName], "query");
      if (name === undefined || value === undefined) {
        return [{ path, message: "编码无效：须为UTF-8的百分号编码" }];
      }
      const issue = textIssue(name) ?? textIssue(value);
      return issue ? [{ path, message: issue }] : [];
    });
}

/**
 * A body over a limit (the frame's 1 MiB, a route's smaller one), refused as the guard refuses
 * the rest: 400 naming the body, so every refusal of input names where it is.
 */
export function bodyTooLarge(limit: string): Response {
  const message = `请求体超过${limit}上限`;
  return problem("validation", message, [{ path: "(body)", message }]);
}

/** Methods whose requests carry no body: the guard and the body limit never read one. */
export const bodiless = new Set(["GET", "HEAD", "OPTIONS"]);

/** The guard as the frame wears it: 400 problem+json with every issue's path, before any route. */
export const inputGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const issues = queryIssues(c.req.url);
  if (!bodiless.has(c.req.method)) {
    const bytes = await c.req.arrayBuffer();
    // A route's own body limit reads the stream again: give it one (as hono's bodyLimit does).
    c.req.raw = new Request(c.req.raw, { body: bytes });
    const text = bytes.byteLength ? decodedBody(bytes) : "";
    if (text === undefined) issues.push({ path: "(body)", message: "请求体不是有效的UTF-8编码" });
    else if (text) {
      // Routes read the text the guard checked (Hono types the cache by value but stores promises).
      c.req.bodyCache.text = Promise.resolve(text) as unknown as string;
      issues.push(...jsonIssues(text));
    }
  }
  if (!issues.length) return next();
  return problem("validation", "请求含有不允许的结构、字符或数值", issues.slice(0, maxIssues));
};
