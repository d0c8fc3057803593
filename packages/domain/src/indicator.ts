import { z } from "zod";
import { type FieldIssue, fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { IndicatorLevel } from "./indicator-level.ts";
import { text } from "./item-kind.ts";
import { decimalStep } from "./number.ts";
import { ruleDefinition } from "./scoring/registry.ts";
import { RuleId } from "./scoring/rule.ts";

export const IndicatorSystemId = idSchema("indicatorSystem");

/** An automatic rule and its parameters; the parameters are checked against the rule's own schema. */
export const RuleRef = z.strictObject({
  id: RuleId,
  params: z.record(z.string(), z.unknown()).optional(),
});
export type RuleRef = z.infer<typeof RuleRef>;

export const IndicatorCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, "指标编号须为1至30位字母、数字、点、连字符或下划线");

// Sheets score in half points at the finest ("每项扣0.5分").
const points = decimalStep(0.5, "分值须为0.5的整数倍");

export const Indicator = z.strictObject({
  code: IndicatorCode,
  name: text(200),
  /** The area of the sheet (决策公开, 重点领域, 解读回应 …), for the report's headings. */
  group: text(50).optional(),
  maxScore: points.positive("满分须大于0").max(1000),
  /** How points are lost, as the sheet says it: "每项扣5分", "每缺一项要素扣1分". */
  deduction: text(200),
  rule: RuleRef.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const CreateIndicatorSystemInput = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    level: IndicatorLevel,
    name: text(200),
    indicators: z.array(Indicator).min(1, "至少一个指标").max(200),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.indicators.forEach((indicator, i) => {
      if (seen.has(indicator.code)) {
        ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: "指标编号重复" });
      }
      seen.add(indicator.code);
    });
  });
export type CreateIndicatorSystemInput = z.infer<typeof CreateIndicatorSystemInput>;

/**
 * A rule's parameters once the rule's own schema has checked them: a deduction, an MM-DD
 * deadline, a list of columns, days per column.
 */
const CheckedRuleParams = z.record(
  z.string(),
  z.union([z.number(), z.string(), z.array(z.string()), z.record(z.string(), z.number())]),
);
export const CheckedIndicator = Indicator.extend({
  rule: RuleRef.extend({ params: CheckedRuleParams.optional() }).optional(),
});
export type CheckedIndicator = z.infer<typeof CheckedIndicator>;

export const IndicatorSystem = z.object({
  id: IndicatorSystemId,
  year: z.number().int(),
  level: IndicatorLevel,
  name: z.string(),
  indicators: z.array(CheckedIndicator),
  maxTotal: z.number(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IndicatorSystem = z.infer<typeof IndicatorSystem>;

/**
 * Each rule's parameters must fit that rule, so a typo in a sheet is a 400 at creation, not a
 * silent default at scoring time. A rule whose data is not yet on the platform is refused (422).
 */
export function checkIndicatorRules(indicators: readonly Indicator[]): CheckedIndicator[] {
  const issues: FieldIssue[] = [];
  const checked = indicators.map((indicator, i) => {
    const { rule, ...unruled } = indicator;
    if (!rule) return unruled;
    const definition = ruleDefinition(rule.id);
    const parsed = definition.params.safeParse(rule.params ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = ["indicators", i, "rule", "params", ...issue.path].join(".");
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
        if (keys.length) issues.push(...keys.map((k) => ({ path: `${path}.${k}`, message: "不允许的参数" })));
        else issues.push({ path, message: issue.message });
      }
      return unruled;
    }
    return { ...indicator, rule: { id: rule.id, params: parsed.data as z.infer<typeof CheckedRuleParams> } };
  });
  if (issues.length) fail("validation", "自动评分规则的参数不符合要求", issues);
  return checked;
}

export function newIndicatorSystem(
  input: CreateIndicatorSystemInput,
  id: string,
  now: string,
): IndicatorSystem {
  const indicators = checkIndicatorRules(input.indicators);
  return {
    id,
    year: input.year,
    level: input.level,
    name: input.name,
    indicators,
    maxTotal: indicators.reduce((sum, i) => sum + i.maxScore, 0),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function findIndicator(system: IndicatorSystem, code: string): Indicator | undefined {
  return system.indicators.find((i) => i.code === code);
}
