import { CreateIndicatorSystemInput, type IndicatorSystem } from "@gov/domain";
import type { Principal } from "@gov/store";
import type { Deps } from "./deps.ts";
import { createIndicatorSystem } from "./indicator-systems.ts";
import { testDeps } from "./testing.ts";

// The actors and the sheet the supervision use-case tests share.

export const office: Principal = { unitCode: "000014349", roles: ["office"], keyId: "key_office" };
export const assessor: Principal = { unitCode: "900000001", roles: ["assessor"], keyId: "key_assessor" };
export const dept: Principal = { unitCode: "000014351", roles: ["editor", "reviewer"], keyId: "key_dept" };
export const otherDept: Principal = {
  unitCode: "000014352",
  roles: ["editor", "reviewer"],
  keyId: "key_other",
};

/** Test deps at the given moment, with the office and two departments registered as units. */
export async function supervisionDeps(start: Date) {
  const t = await testDeps(start);
  await t.store.units.put({ code: office.unitCode, name: "共青城市政务公开办", kind: "office" });
  await t.store.units.put({ code: dept.unitCode, name: "市财政局", kind: "department" });
  await t.store.units.put({ code: otherDept.unitCode, name: "市教育局", kind: "department" });
  return t;
}

/** The departments' 2019 sheet, with the indicators given, as the office creates it. */
export function departmentSheet(deps: Deps, indicators: unknown[]): Promise<IndicatorSystem> {
  const input = {
    year: 2019,
    level: "department",
    name: "市政府各部门2019年政务公开工作评估要点",
    indicators,
  };
  return createIndicatorSystem(deps, office, CreateIndicatorSystemInput.parse(input));
}
