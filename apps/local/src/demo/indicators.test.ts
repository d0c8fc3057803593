import {
  CreateIndicatorSystemInput,
  findColumn,
  newIndicatorSystem,
  ruleCatalogue,
  unitKindsOfLevel,
} from "@gov/domain";
import { describe, expect, it } from "vitest";
import { demoAssessments, demoIndicatorSystems } from "./indicators.ts";
import { demoUnits } from "./units.ts";

const now = "2019-11-15T02:00:00.000Z";
const id = "isys_01JD6Q3Z5K8X9V2M4N7P0R1S3T";

describe("demo indicator systems: the seed's three 2019 evaluation-point sheets", () => {
  it("one sheet per level, each valid with its rules' parameters accepted, each totalling 100", () => {
    expect(demoIndicatorSystems.map((s) => s.level)).toEqual(["city", "department", "township"]);
    for (const input of demoIndicatorSystems) {
      const system = newIndicatorSystem(CreateIndicatorSystemInput.parse(input), id, now);
      expect(system.maxTotal, system.name).toBe(100);
      expect(system.year).toBe(2019);
    }
  });

  it("cover the areas of the seed's report", () => {
    const areas = ["决策和执行公开", "重点领域信息公开", "解读回应", "平台建设", "监督保障", "依申请公开"];
    for (const system of demoIndicatorSystems) {
      const groups = new Set(system.indicators.map((i) => i.group));
      for (const area of areas) expect(groups.has(area), `${system.name}: ${area}`).toBe(true);
    }
    expect(demoIndicatorSystems[0]?.indicators.some((i) => i.group === "规范性文件")).toBe(true);
  });

  it("every automatic rule is one of the catalogue's, and names existing columns", () => {
    for (const system of demoIndicatorSystems) {
      for (const indicator of system.indicators) {
        if (!indicator.rule) continue;
        const rule = ruleCatalogue().find((r) => r.id === indicator.rule?.id);
        expect(rule, `${system.name} ${indicator.code}`).toBeDefined();
        const columnIds = (indicator.rule.params?.columnIds as string[] | undefined) ?? [];
        for (const column of columnIds) expect(findColumn(column), column).toBeDefined();
      }
    }
  });

  it("the demo round scores units of each sheet's level, by hand only where no rule scores", () => {
    for (const unit of demoAssessments.units) {
      const kind = demoUnits.find((d) => d.code === unit.unitCode)?.kind;
      expect(unitKindsOfLevel[unit.level]).toContain(kind);
      const system = demoIndicatorSystems.find((s) => s.level === unit.level);
      for (const score of unit.manual) {
        const indicator = system?.indicators.find((i) => i.code === score.indicatorCode);
        expect(indicator?.rule, score.indicatorCode).toBeUndefined();
        expect(score.score).toBeLessThanOrEqual(indicator?.maxScore ?? -1);
      }
    }
    expect(demoAssessments.deadline).toBe("2020-01-06");
  });
});
