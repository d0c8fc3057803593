import { z } from "zod";

/**
 * A unit is anyone that publishes: the city's disclosure office, a department, or a
 * township/street. Its code is stable for ever because it is the first part of every
 * 索引号 the unit allocates.
 */
export const UnitCode = z.string().regex(/^[0-9A-Za-z]{3,20}$/, "单位代码须为3至20位字母或数字");
export type UnitCode = z.infer<typeof UnitCode>;

export const UnitKind = z.enum(["office", "department", "township", "street"]);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z.object({
  code: UnitCode,
  name: z.string().min(1).max(100),
  kind: UnitKind,
});
export type Unit = z.infer<typeof Unit>;

export const Role = z.enum(["editor", "reviewer", "office", "assessor"]);
export type Role = z.infer<typeof Role>;

/** Who is calling: the unit a key belongs to and the roles it carries. */
export const Actor = z.object({
  unitCode: UnitCode,
  roles: z.array(Role).min(1),
});
export type Actor = z.infer<typeof Actor>;

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/** The office sees every unit's records; everyone else only their own. */
export function canSeeUnit(actor: Actor, unitCode: string): boolean {
  return hasRole(actor, "office") || actor.unitCode === unitCode;
}
