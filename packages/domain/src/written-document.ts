import { z } from "zod";

/**
 * A written document (通报, 年度报告) as blocks, so its Markdown and its HTML say exactly the
 * same thing; the closing lines are the issuer and the date under it.
 */
export const Block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heading"), text: z.string() }),
  z.object({ type: z.literal("paragraph"), text: z.string() }),
  z.object({ type: z.literal("table"), head: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  z.object({ type: z.literal("list"), items: z.array(z.string()) }),
]);
export type Block = z.infer<typeof Block>;

// Markdown table cells cannot hold a pipe or a line break.
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

export function blocksMarkdown(title: string, blocks: readonly Block[], closing: readonly string[]): string {
  const lines = [`# ${title}`, ""];
  for (const block of blocks) {
    if (block.type === "heading") lines.push(`## ${block.text}`, "");
    else if (block.type === "paragraph") lines.push(block.text, "");
    else if (block.type === "list") lines.push(...block.items.map((i) => `- ${i}`), "");
    else {
      lines.push(`| ${block.head.map(cell).join(" | ")} |`, `|${block.head.map(() => " --- |").join("")}`);
      lines.push(...block.rows.map((r) => `| ${r.map(cell).join(" | ")} |`), "");
    }
  }
  lines.push(...closing, "");
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
      const head = block.head.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
      const rows = block.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`);
      parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`);
    }
  }
  parts.push(...closing.map((line) => `<p>${escapeHtml(line)}</p>`));
  return parts.join("\n");
}
