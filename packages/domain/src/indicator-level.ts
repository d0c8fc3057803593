import { z } from "zod";
import type { UnitKind } from "./unit.ts";

/** The three sheets the seed's office issued: 市本级, 市政府各部门, 乡镇（街道）. */
export const IndicatorLevel = z.enum(["city", "department", "township"]);
export type IndicatorLevel = z.infer<typeof IndicatorLevel>;

export const levelNames: Record<IndicatorLevel, string> = {
  city: "市本级",
  department: "市政府各部门",
  township: "乡镇（街道）",
};

/** Which units a level's sheet assesses: the city government itself, departments, townships and streets. */
export const unitKindsOfLevel: Record<IndicatorLevel, readonly UnitKind[]> = {
  city: ["office"],
  department: ["department"],
  township: ["township", "street"],
};
