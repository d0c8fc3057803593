import { hasRole, type Unit } from "@gov/domain";
import type { Principal } from "@gov/store";
import type { Deps } from "./deps.ts";

/** The units the actor may see, by code: the office every unit, anyone else only its own. */
export async function visibleUnits(deps: Deps, actor: Principal): Promise<Unit[]> {
  const units = await deps.store.units.list();
  return units.filter((unit) => hasRole(actor, "office") || unit.code === actor.unitCode);
}
