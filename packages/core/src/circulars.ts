import {
  buildCircular,
  type Circular,
  CreateItemInput,
  circularHtml,
  type Item,
  type ItemContent,
} from "@gov/domain";
import type { Principal } from "@gov/store";
import { rankYear } from "./assessments.ts";
import { todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { draftItem } from "./items.ts";
import type { CreateOptions } from "./writes.ts";

/** The 监督保障 column of the catalogue: where the seed's own rectification report is published. */
const circularColumn = "supervision";

/** 通报 (OGI Art. 47): the year's rankings and rectification, issued today in the actor's unit's name. */
export async function circularOfYear(
  deps: Deps,
  actor: Principal,
  input: { year: number },
): Promise<Circular> {
  const { levels, tasks, unitNames } = await rankYear(deps, actor, { year: input.year });
  const issuer = (await deps.store.units.get(actor.unitCode))?.name ?? actor.unitCode;
  return buildCircular({ year: input.year, issuer, issuedOn: todayOf(deps), levels, tasks, unitNames });
}

/** The circular as an item of the 监督保障 column. */
export function circularItem(circular: Circular): ItemContent {
  return CreateItemInput.parse({
    kind: "general",
    title: circular.title,
    columnId: circularColumn,
    body: circularHtml(circular),
    generatedOn: circular.issuedOn,
    category: "监督保障",
    keywords: ["考评", "通报", "整改"],
    summary: `${circular.year}年度考评${circular.summary.assessed}个单位，下达整改任务${circular.summary.tasks}项。`,
  });
}

/**
 * The year's circular drafted as a public item in the actor's unit; it then takes the normal
 * path (submit, confidentiality review, publish), with the checks every draft passes.
 */
export async function draftCircular(
  deps: Deps,
  actor: Principal,
  input: { year: number },
  options: CreateOptions<Item> = {},
): Promise<Item> {
  const circular = await circularOfYear(deps, actor, input);
  return draftItem(deps, actor, circularItem(circular), { ...options, note: `${circular.year}年度考评通报` });
}
