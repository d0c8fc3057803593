/**
 * The one rule for text that comes from outside, in every field, key and query value
 * (ADR 0038): characters that are never content are refused, not stripped, so what is stored
 * is exactly what was sent and the sender learns why. CJK punctuation, full-width forms, the
 * ideographic space U+3000 and emoji stay; tab, line feed and carriage return are allowed.
 */
const kinds: [RegExp, string][] = [
  // C0 controls but \t \n \r, DEL and the C1 controls: NUL, terminal escape sequences.
  [/(?![\t\n\r])\p{Cc}/u, "控制字符"],
  // Embeddings, overrides and isolates reorder what a reader sees (Trojan Source).
  [/[\u202A-\u202E\u2066-\u2069]/u, "双向文本控制符"],
  // Half of a surrogate pair: no character at all, and not encodable in UTF-8.
  [/\p{Cs}/u, "孤立的代理码元"],
  // Code points Unicode reserves never to be characters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
  [/\p{Noncharacter_Code_Point}/u, "非字符码位"],
];

/** Any character the rule refuses. */
export const forbiddenCharacter = new RegExp(kinds.map(([pattern]) => pattern.source).join("|"), "u");

/** Why `text` may not be stored, naming its first offending character; undefined when it may. */
export function textIssue(text: string): string | undefined {
  const char = forbiddenCharacter.exec(text)?.[0];
  if (char === undefined) return undefined;
  const kind = kinds.find(([pattern]) => pattern.test(char))?.[1];
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `含有不允许的${kind}（U+${code}）`;
}

/** What a text weighs where limits are in bytes (DynamoDB records, chat messages): UTF-8, a 汉字 3 bytes. */
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");
