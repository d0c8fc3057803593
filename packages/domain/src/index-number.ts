import { z } from "zod";

/**
 * 索引号 has no national standard; the common form, used by the seed's portal
 * (`000014349/2020-1528049`), is `{unitCode}/{year}-{sequence}`. Sequences are per unit and
 * year; uniqueness is required, gap-free is not. The pattern is a setting so a locality
 * with another convention changes one string.
 */
export const IndexNumberFormat = z
  .string()
  .refine(
    (f) => ["{unitCode}", "{year}", "{sequence}"].every((p) => f.includes(p)),
    "格式须包含单位代码、年份和序号",
  );

export const defaultIndexNumberFormat = "{unitCode}/{year}-{sequence}";

export function formatIndexNumber(
  parts: { unitCode: string; year: number; sequence: number },
  format: string = defaultIndexNumberFormat,
): string {
  return format
    .replace("{unitCode}", parts.unitCode)
    .replace("{year}", String(parts.year))
    .replace("{sequence}", String(parts.sequence).padStart(7, "0"));
}

/** Something that looks like an index number rather than an item id, for the public detail route. */
export function looksLikeIndexNumber(value: string): boolean {
  return /\d{4}-\d+$/.test(value) && !value.startsWith("itm_");
}
