import {
  type CreateIndicatorSystemInput,
  fail,
  type IndicatorLevel,
  type IndicatorSystem,
  newIndicatorSystem,
} from "@gov/domain";
import { newId, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import type { Deps } from "./deps.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** A year's scoring sheet for one level, its rules' parameters checked and their defaults written in. */
export async function createIndicatorSystem(
  deps: Deps,
  actor: Principal,
  input: CreateIndicatorSystemInput,
  options: CreateOptions<IndicatorSystem> = {},
): Promise<IndicatorSystem> {
  const system = newIndicatorSystem(input, newId("indicatorSystem"), deps.clock().toISOString());
  await deps.store.indicatorSystems.create(
    system,
    auditOf("indicator-system", system, "create", actor),
    alsoWritten(options, system),
  );
  return system;
}

// Sheets belong to no unit: whoever may read supervision records reads them all.

export async function listIndicatorSystems(
  deps: Deps,
  _actor: Principal,
  filter: { year?: number | undefined; level?: IndicatorLevel | undefined },
): Promise<IndicatorSystem[]> {
  return deps.store.indicatorSystems.list(filter);
}

export async function getIndicatorSystem(
  deps: Deps,
  _actor: Principal,
  input: { id: string },
): Promise<IndicatorSystem> {
  return (await deps.store.indicatorSystems.get(input.id)) ?? fail("not-found", "指标体系不存在");
}
