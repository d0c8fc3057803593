import { z } from "zod";

/**
 * A written document (通报, 年度报告) as blocks, so its Markdown and its HTML say exactly the
 * same thing; the closing lines are the issuer and the date under it.
 */
export const Block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heading"), text: z.string() }),
  z.object({ type: z.literal("paragraph"), text: z.string() }),
  z.object({
    type: z.literal("table"),
    /**
     * Header rows above `head` whose cells span columns, as the annual report's forms group
     * their columns (申请人情况 › 法人或其他组织 over its five kinds; 行政诉讼 over two kinds).
     */
    groups: z.array(z.array(z.object({ text: z.string(), span: z.number().int().positive() }))).optional(),
    head: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal("list"), items: z.array(z.string()) }),
]);
export type Block = z.infer<typeof Block>;

/**
 * Block text is plain text, some of it written by people (a unit's name, a verification
 * note), so in Markdown it must stay text, as the HTML rendering keeps it (ADR 0040): HTML
 * characters become entities, inline markup (emphasis, code, links, strikethrough, table
 * pipes) is backslash-escaped, line breaks fold into a space as HTML shows them, and the text
 * cannot open a block (heading, list, quote, rule, setext underline).
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ")
    .trim()
    .replace(/[\\`*_[\]~|]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^[#+\-=]|^(\d{1,9})([.)])(?=\s|$)/, (marker, digits?: string, delimiter?: string) =>
      digits ? `${digits}\\${delimiter}` : `\\${marker}`,
    );
}

export function blocksMarkdown(title: string, blocks: readonly Block[], closing: readonly string[]): string {
  const lines = [`# ${markdownText(title)}`, ""];
  for (const block of blocks) {
    if (block.type === "heading") lines.push(`## ${markdownText(block.text)}`, "");
    else if (block.type === "paragraph") lines.push(markdownText(block.text), "");
    else if (block.type === "list") lines.push(...block.items.map((i) => `- ${markdownText(i)}`), "");
    else {
      const row = (cells: readonly string[]) => `| ${cells.map(markdownText).join(" | ")} |`;
      // Markdown has no spanning cells: a group's text stands over its first column, and the
      // form's header rows come first as rows of their own under the top one.
      const spread = (group: { text: string; span: number }[]) =>
        group.flatMap((g) => [g.text, ...Array.from({ length: g.span - 1 }, () => "")]);
      const [top, ...rest] = [...(block.groups ?? []).map(spread), block.head];
      lines.push(row(top ?? block.head), `|${block.head.map(() => " --- |").join("")}`);
      lines.push(...rest.map(row), ...block.rows.map(row), "");
    }
  }
  lines.push(...closing.map(markdownText), "");
  return lines.join("\n");
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A fragment (no html/head), fit to be a disclosure item's body. */
export function blocksHtml(title: string, blocks: readonly Block[], closing: readonly string[]): string {
  const parts = [`<h1>${escapeHtml(title)}</h1>`];
  for (const block of blocks) {
    if (block.type === "heading") parts.push(`<h2>${escapeHtml(block.text)}</h2>`);
    else if (block.type === "paragraph") parts.push(`<p>${escapeHtml(block.text)}</p>`);
    else if (block.type === "list")
      parts.push(`<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
    else {
      const groups = (block.groups ?? []).map(
        (group) =>
          `<tr>${group.map((g) => `<th${g.span > 1 ? ` colspan="${g.span}"` : ""}>${escapeHtml(g.text)}</th>`).join("")}</tr>`,
      );
      const head = block.head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
      const rows = block.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`);
      parts.push(
        `<table><thead>${groups.join("")}<tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`,
      );
    }
  }
  parts.push(...closing.map((line) => `<p>${escapeHtml(line)}</p>`));
  return parts.join("\n");
}

/** A whole page around a fragment, for `?format=html`: the title escaped as the fragment's text is. */
export const htmlPage = (title: string, fragment: string) =>
  `<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${fragment}\n</body>\n</html>\n`;
