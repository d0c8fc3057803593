/** The scoring tests' facts: one unit's records, built the way the platform records them. */
import { builtInCalendar } from "../calendar.ts";
import type { Indicator } from "../indicator.ts";
import { defaultSettings } from "../settings.ts";
import { timelinessOf } from "../timeliness.ts";
import type { ApplicationFact, AssessmentFacts, ItemFact, LetterFact } from "./facts.ts";
import { runRule } from "./registry.ts";
import type { RuleId } from "./rule.ts";

const calendar = builtInCalendar();
export const unit = "000014351";
let serial = 0;
const nextId = () => `itm_01JD6Q3Z5K8X9V2M4N7P0R${String(serial++).padStart(4, "0")}`;
/** 10:00 in Shanghai. */
export const at = (date: string) => `${date}T02:00:00.000Z`;

/**
 * A published item as the rules read it, its timeliness counted the way approval counts it
 * (timeliness.ts), so the rules are tested against real facts, not hand-set flags.
 */
export function fact(
  over: Partial<ItemFact> & { publishedOn: string; approvedOn?: string; documentPublishedOn?: string },
): ItemFact {
  const { publishedOn, approvedOn, documentPublishedOn, ...rest } = over;
  const kind = rest.kind ?? "general";
  const generatedOn = rest.generatedOn ?? publishedOn;
  const timeliness = timelinessOf({
    kind,
    generatedOn,
    publishedAt: at(publishedOn),
    ...(approvedOn ? { approvedOn } : {}),
    interpretation:
      kind === "interpretation" && documentPublishedOn && rest.interprets
        ? { documentId: rest.interprets, documentPublishedAt: at(documentPublishedOn) }
        : null,
    calendar,
    settings: defaultSettings,
  });
  const id = rest.id ?? nextId();
  return {
    id,
    kind,
    title: `信息${id.slice(-4)}`,
    unitCode: unit,
    columnId: "decision",
    indexNumber: `${unit}/${publishedOn.slice(0, 4)}-${id.slice(-4)}`,
    generatedOn,
    publishedAt: at(publishedOn),
    firstPublishedAt: at(publishedOn),
    validity: kind === "normative" ? "effective" : null,
    validityHistory: [],
    disclosureMethod: "proactive",
    timeliness,
    ...rest,
  };
}

export const facts = (items: ItemFact[], interpretations: ItemFact[] = []): AssessmentFacts => ({
  unitCode: unit,
  year: 2019,
  items,
  interpretations,
});
export const ids = (deductions: { recordId: string }[]) => deductions.map((d) => d.recordId).sort();
export const sorted = (...items: { id: string }[]) => items.map((i) => i.id).sort();
export const run = (
  id: RuleId,
  f: AssessmentFacts,
  params: Record<string, unknown> = {},
  asOf = "2019-12-31",
) => runRule({ id, params }, 10, f, asOf);

export const withRecords = (
  records: { applications?: ApplicationFact[]; letters?: LetterFact[] },
  year = 2019,
): AssessmentFacts => ({
  unitCode: unit,
  year,
  items: [],
  interpretations: [],
  ...records,
  calendar,
  settings: defaultSettings,
});

export const indicator = (rule: Indicator["rule"]): Indicator => ({
  code: "1.1",
  name: "指标",
  maxScore: 5,
  deduction: "每项扣1分",
  rule,
});
