import { describe, expect, it } from "vitest";
import type { DomainError } from "../error.ts";
import { checkIndicatorRules } from "../indicator.ts";
import { factsNeeded, ruleCatalogue } from "./registry.ts";
import { RuleId } from "./rule.ts";
import { facts, indicator, run } from "./testing.ts";

describe("the rule registry", () => {
  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as DomainError;
    }
    throw new Error("expected a failure");
  };

  it("declares every rule id of the contract, each with its name", () => {
    const catalogue = ruleCatalogue();
    expect(catalogue.map((r) => r.id)).toEqual(RuleId.options);
    for (const rule of catalogue) expect(rule.name).not.toBe("");
  });

  it("names the facts beyond items a sheet's rules read, and refuses to score without them", () => {
    expect(factsNeeded([{ id: "proactive-timeliness" }, { id: "empty-columns" }])).toEqual({
      applications: false,
      letters: false,
    });
    expect(factsNeeded([{ id: "correction-notice-timeliness" }, { id: "letters-unanswered" }])).toEqual({
      applications: true,
      letters: true,
    });
    // Facts never read must not score as "nothing found": that would be full marks by accident.
    expect(() => run("applications-on-time", facts([]))).toThrow(/factsNeeded/);
  });

  it("parameters are checked against the rule: unknown ones, bad values and unknown columns are named", () => {
    const error = failure(() =>
      checkIndicatorRules([
        indicator({ id: "proactive-timeliness", params: { deductionPerRecord: -1, typo: 1 } }),
        indicator({ id: "empty-columns", params: { columnIds: ["no-such-column"] } }),
      ]),
    );
    expect(error.kind).toBe("validation");
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      "indicators.0.rule.params.deductionPerRecord",
      "indicators.0.rule.params.typo",
      "indicators.1.rule.params.columnIds.0",
    ]);
  });

  it("defaults are written into the stored rule, so the sheet shows what will be applied", () => {
    const [checked] = checkIndicatorRules([indicator({ id: "budget-timeliness" })]);
    expect(checked?.rule).toEqual({ id: "budget-timeliness", params: { deductionPerRecord: 1 } });
  });
});
