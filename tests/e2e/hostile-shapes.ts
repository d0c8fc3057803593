import { fieldPath } from "@gov/domain";
import fc from "fast-check";

/**
 * Hostile shapes for the property test over every write route (issue 12): each is a piece of
 * raw JSON text put at one place in an otherwise plausible body, with the field path the
 * answer must name. Raw text, because the shapes that matter cannot be made by
 * `JSON.stringify`: a key twice, `1e400`, invalid UTF-8.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

/** The path the answer must name: exactly, or this field or one inside it ("" = the body). */
export type Expected = { exact: string } | { within: string };

/** A body to send, what the answer must name, and a line for the failure message. */
export type HostileBody = { body: string | Uint8Array; expected: Expected; label: string };

const marker = "@@hostile@@";

/** Where a piece goes: in place of the value at `at`, or as a new member of the object at `at`. */
type Place = { at: Segment[]; as: "value" } | { at: Segment[]; as: "member"; index: number };

function replaced(value: Json, at: Segment[], change: (old: Json) => Json): Json {
  const [head, ...rest] = at;
  if (head === undefined) return change(value);
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, change) : v));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === head ? replaced(v, rest, change) : v]),
    );
  }
  return value;
}

/** The body's text with `piece` (raw JSON) at `place`; a member piece is `"key":value`. */
function bodyWith(base: Json, place: Place, piece: string): string {
  if (place.as === "value") {
    return JSON.stringify(replaced(base, place.at, () => marker)).replace(
      JSON.stringify(marker),
      () => piece,
    );
  }
  const text = JSON.stringify(
    replaced(base, place.at, (object) => {
      const entries = Object.entries(object as Record<string, Json>);
      entries.splice(place.index, 0, [marker, 0]);
      return Object.fromEntries(entries);
    }),
  );
  return text.replace(`${JSON.stringify(marker)}:0`, () => piece);
}

/** The places of a plausible body: every value but the root, every object, every string. */
function placesOf(base: Json) {
  const values: Segment[][] = [];
  const objects: { at: Segment[]; keys: string[] }[] = [];
  const strings: Segment[][] = [];
  const walk = (value: Json, at: Segment[]) => {
    if (at.length) values.push(at);
    if (typeof value === "string") strings.push(at);
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, [...at, i]);
    } else if (value && typeof value === "object") {
      objects.push({ at, keys: Object.keys(value) });
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
    }
  };
  walk(base, []);
  return { values, objects, strings };
}

// ---------------------------------------------------------------------------------------
// The pieces.

const plausible = fc.constantFrom("关于", "停车管理", "（一）", "2026年", "abc", "第3条", "　", "");

/** Code points the text rule refuses: controls, lone surrogates, bidi controls, noncharacters. */
const refusedCodePoint = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
  fc.constantFrom(0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069),
  fc.integer({ min: 0xfdd0, max: 0xfdef }),
  fc
    .integer({ min: 0, max: 16 })
    .chain((plane) => fc.constantFrom(plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff)),
);

const escaped = (text: string) =>
  `"${[...text]
    .map((c) =>
      c
        .split("")
        .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
        .join(""),
    )
    .join("")}"`;

/** A string holding one refused character, as text and as a JSON literal (raw or `\u`-escaped). */
const refusedText = fc
  .record({ before: plausible, code: refusedCodePoint, after: plausible, asEscapes: fc.boolean() })
  .map(({ before, code, after, asEscapes }) => {
    const text = `${before}${String.fromCodePoint(code)}${after}`;
    return { text, literal: asEscapes ? escaped(text) : JSON.stringify(text) };
  });

/** Numbers DynamoDB cannot keep or JSON.parse cannot read as written (ADR 0038). */
const edgeNumber = fc.oneof(
  fc.constantFrom("1e-200", "1e400", "-1e400", "1e-400", "1e126", "-1e126", "1E+126", "9.99e-131", "5e-324"),
  fc
    .record({
      m: fc.integer({ min: 1, max: 9 }),
      e: fc.integer({ min: 131, max: 999 }),
      sign: fc.constantFrom("", "-"),
    })
    .map(({ m, e, sign }) => `${sign}${m}e-${e}`),
  fc
    .record({
      m: fc.integer({ min: 1, max: 9 }),
      e: fc.integer({ min: 126, max: 999 }),
      sign: fc.constantFrom("", "-"),
    })
    .map(({ m, e, sign }) => `${sign}${m}e${e}`),
  fc.integer({ min: 126, max: 400 }).map((zeros) => `1${"0".repeat(zeros)}`),
  fc.integer({ min: 130, max: 400 }).map((zeros) => `0.${"0".repeat(zeros)}1`),
);

/** Deeper than the guard's 16 wherever it stands: arrays, objects, or both in turn. */
const deepValue = fc
  .record({ depth: fc.integer({ min: 17, max: 3000 }), shape: fc.constantFrom("arrays", "objects", "both") })
  .map(({ depth, shape }) => {
    const isArray = (level: number) => shape === "arrays" || (shape === "both" && level % 2 === 0);
    let open = "";
    let close = "";
    for (let level = 0; level < depth; level++) {
      open += isArray(level) ? "[" : '{"a":';
      close = (isArray(level) ? "]" : "}") + close;
    }
    return { depth, text: `${open}"x"${close}` };
  });

const prototypeKey = fc.constantFrom("__proto__", "constructor", "prototype");

/** A key as JSON text, sometimes `\u`-escaped: the guard compares keys decoded. */
const keyLiteral = (key: string) =>
  fc.boolean().map((asEscapes) => (asEscapes ? escaped(key) : JSON.stringify(key)));

const plausibleValue = fc.constantFrom('"政务公开"', "1", "true", "null", '{"polluted":true}', "[]");

/** Bytes that are not UTF-8: a lone continuation byte, a truncated sequence, an encoded surrogate, an overlong slash. */
const invalidUtf8 = fc.constantFrom(
  [0x80],
  [0xc3, 0x28],
  [0xe6, 0x94],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xff],
);

const kib = 1024;
/** DynamoDB's item limit: a field of more bytes cannot be stored, whatever its schema says. */
const recordBytes = 400 * kib;

/** A string of more than `bytes` UTF-8 bytes, in ASCII, CJK or emoji. */
const longerThan = (bytes: number, spare: number) =>
  fc
    .record({ extra: fc.integer({ min: 1, max: spare }), fill: fc.constantFrom("x", "政", "😀") })
    .map(({ extra, fill }) => {
      const size = Buffer.byteLength(fill);
      return {
        literal: JSON.stringify(fill.repeat(Math.ceil((bytes + extra) / size))),
        bytes: bytes + extra,
      };
    });

// ---------------------------------------------------------------------------------------
// The shapes, each a family of bodies built on a route's plausible body.

const path = (at: Segment[]) => fieldPath(at) || "(body)";

/**
 * The hostile bodies for a route whose plausible body is `base` and whose body limit is
 * `limitBytes`, by name; a shape that needs a place the base lacks (a string) is left out.
 */
export function hostileBodies(base: Json, limitBytes: number): Record<string, fc.Arbitrary<HostileBody>> {
  const { values, objects, strings } = placesOf(base);
  // The root is a place too: the guard refuses these shapes wherever they stand.
  const anyValue = fc.constantFrom(...values, []).map((at): Place => ({ at, as: "value" }));
  const object = fc.constantFrom(...objects);
  const member = object.chain(({ at, keys }) =>
    fc.integer({ min: 0, max: keys.length }).map((index): Place => ({ at, as: "member", index })),
  );

  const shapes: Record<string, fc.Arbitrary<HostileBody>> = {
    "nesting deeper than 16": fc.tuple(anyValue, deepValue).map(([place, deep]) => ({
      body: bodyWith(base, place, deep.text),
      expected: { within: fieldPath(place.at) },
      label: `${deep.depth} levels at ${path(place.at)}`,
    })),
    "a refused character in a value": fc.tuple(anyValue, refusedText).map(([place, { literal }]) => ({
      body: bodyWith(base, place, literal),
      expected: { exact: path(place.at) },
      label: `${literal} at ${path(place.at)}`,
    })),
    "a refused character in a key": fc
      .tuple(member, refusedText, plausibleValue)
      .map(([place, { text, literal }, v]) => ({
        body: bodyWith(base, place, `${literal}:${v}`),
        expected: { exact: path([...place.at, text]) },
        label: `key ${literal} in ${path(place.at)}`,
      })),
    "a number at the edges": fc.tuple(anyValue, edgeNumber).map(([place, literal]) => ({
      body: bodyWith(base, place, literal),
      expected: { exact: path(place.at) },
      label: `${literal.length > 40 ? `${literal.slice(0, 20)}…(${literal.length} chars)` : literal} at ${path(place.at)}`,
    })),
    "a prototype key": fc
      .tuple(
        member,
        prototypeKey.chain((key) => keyLiteral(key).map((literal) => ({ key, literal }))),
        plausibleValue,
      )
      .map(([place, { key, literal }, v]) => ({
        body: bodyWith(base, place, `${literal}:${v}`),
        expected: { exact: path([...place.at, key]) },
        label: `${literal} in ${path(place.at)}`,
      })),
    "a duplicate key": object
      .chain(({ at, keys }) =>
        fc.record({
          at: fc.constant(at),
          key: keys.length ? fc.constantFrom(...keys) : fc.constant("note"),
          index: fc.integer({ min: 0, max: keys.length }),
          fresh: fc.constant(!keys.length),
        }),
      )
      .chain((d) => fc.record({ d: fc.constant(d), literal: keyLiteral(d.key), v: plausibleValue }))
      .map(({ d, literal, v }) => ({
        body: bodyWith(
          base,
          { at: d.at, as: "member", index: d.index },
          d.fresh ? `${literal}:${v},${literal}:${v}` : `${literal}:${v}`,
        ),
        expected: { exact: path([...d.at, d.key]) },
        label: `${literal} twice in ${path(d.at)}`,
      })),
    "invalid UTF-8": fc.tuple(anyValue, invalidUtf8, plausible).map(([place, bytes, text]) => {
      const [head = "", tail = ""] = bodyWith(base, place, JSON.stringify(`${text}${marker}`)).split(marker);
      const encoder = new TextEncoder();
      return {
        body: Buffer.concat([encoder.encode(head), Uint8Array.from(bytes), encoder.encode(tail)]),
        expected: { exact: "(body)" },
        label: `bytes ${bytes.map((b) => b.toString(16)).join(" ")} at ${path(place.at)}`,
      };
    }),
    [`a body over its ${limitBytes / kib} KiB limit`]: fc
      .tuple(anyValue, longerThan(limitBytes, 64 * kib))
      .map(([place, long]) => ({
        body: bodyWith(base, place, long.literal),
        expected: { exact: "(body)" },
        label: `${long.bytes} bytes at ${path(place.at)}`,
      })),
  };
  if (strings.length && limitBytes > recordBytes + 128 * kib) {
    shapes["a field larger than a record"] = fc
      .tuple(fc.constantFrom(...strings), longerThan(recordBytes, limitBytes - recordBytes - 64 * kib))
      .map(([at, long]) => ({
        body: bodyWith(base, { at, as: "value" }, long.literal),
        expected: { exact: path(at) },
        label: `${long.bytes} bytes at ${path(at)}`,
      }));
  }
  return Object.fromEntries(Object.entries(shapes).map(([name, bodies]) => [name, bodies.map(printedAs)]));
}

/** fast-check prints a counterexample by its label, not by its megabyte of body. */
const printedAs = <T extends { label: string }>(sample: T): T =>
  Object.assign(sample, { [fc.toStringMethod]: () => sample.label });

// ---------------------------------------------------------------------------------------
// Path parameters.

const ulid = "01JD6Q3Z5K8X9V2M4N7P0R1S3T";

/**
 * Values a path parameter must refuse, around `valid` (a real id or year): too long, another
 * kind's prefix, a traversal, NUL and other controls, padding, number spellings. Dot-only
 * values are left out: the URL itself resolves them to another route.
 */
export function hostileParam(
  valid: string,
  otherPrefixes: string[],
): fc.Arbitrary<{ value: string; label: string }> {
  const prefix = /^([a-z]+)_/.exec(valid)?.[1];
  return fc
    .oneof(
      fc.integer({ min: 41, max: 3000 }).map((n) => "a".repeat(n)),
      fc.integer({ min: 41, max: 3000 }).map((n) => `${valid}${"0".repeat(n - valid.length)}`),
      fc.integer({ min: 14, max: 1000 }).map((n) => "中".repeat(n)),
      fc.constantFrom(...otherPrefixes.filter((p) => p !== prefix)).map((p) => `${p}_${ulid}`),
      fc.constantFrom("../", "..\\", "../../etc/passwd#", "%2e%2e%2f", "/", "%00").map((t) => `${t}${valid}`),
      fc.constantFrom("\u0000", "%00", "\n", " ", "\u202e", "\ufeff", "?x=1", ";").map((t) => `${valid}${t}`),
      fc.constantFrom(
        "٢٠١٩",
        "0x7E3",
        "+2019",
        "2019.0",
        "2e3",
        "-1",
        "NaN",
        valid.toUpperCase(),
        ` ${valid}`,
      ),
    )
    .filter((value) => value !== valid && !/^\.{1,2}$/.test(value))
    .map((value) =>
      printedAs({
        value,
        label: JSON.stringify(value.length > 60 ? `${value.slice(0, 50)}…(${value.length})` : value),
      }),
    );
}
