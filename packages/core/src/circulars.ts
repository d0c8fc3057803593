import {
  buildCircular,
  type Circular,
  type CircularPublicationInput,
  CreateItemInput,
  circularHtml,
  circularScope,
  DomainError,
  fail,
  type Item,
  type ItemContent,
} from "@gov/domain";
import { IdempotencyRace, type Principal } from "@gov/store";
import { rankYear } from "./assessments.ts";
import { todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { draftItem } from "./items.ts";
import { overdueOf } from "./overdue.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** The 监督保障 column of the catalogue: where the seed's own rectification report is published. */
const circularColumn = "supervision";

type CircularOf = { year: number } & CircularPublicationInput;

/** 通报 (OGI Art. 47): the year's rankings and rectification (of one level), issued today in the actor's unit's name. */
export async function circularOfYear(deps: Deps, actor: Principal, input: CircularOf): Promise<Circular> {
  const { levels, tasks, unitNames } = await rankYear(deps, actor, input);
  const issuer = (await deps.store.units.get(actor.unitCode))?.name ?? actor.unitCode;
  const issuedOn = todayOf(deps);
  // What 督办 found very overdue is listed for the next circular (issue 14): as of its issue day.
  const overdue = await overdueOf(deps, [...unitNames.keys()], issuedOn);
  const veryOverdue = overdue.filter((entry) => entry.level === "very-overdue");
  return buildCircular({ ...input, issuer, issuedOn, levels, tasks, unitNames, veryOverdue });
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
 * The year's circular (of a level) drafted as a public item in the actor's unit; it then takes
 * the normal path (submit, confidentiality review, publish), with the checks every draft passes.
 * One per (year, level): asking again answers the draft on its way (`created: false`); a
 * published one is a conflict, corrected by revising it; a withdrawn one may be drafted anew.
 */
export async function draftCircular(
  deps: Deps,
  actor: Principal,
  input: CircularOf,
  options: CreateOptions<Item> = {},
): Promise<{ item: Item; created: boolean }> {
  const scope = circularScope(input.level);
  const claimed = await claimedCircular(deps, input.year, scope);
  if (claimed && claimed.state !== "withdrawn") return { item: claimed, created: false };
  const circular = await circularOfYear(deps, actor, input);
  try {
    const item = await draftItem(deps, actor, circularItem(circular), {
      note: `${circular.year}年度考评通报`,
      alsoWrite: (item) => [
        deps.store.circulars.claimWrite(input.year, scope, item.id, claimed?.id),
        ...alsoWritten(options, item),
      ],
    });
    return { item, created: true };
  } catch (error) {
    // Another publication of the same (year, level) committed first: answer its draft.
    const lostRace =
      error instanceof DomainError && error.kind === "conflict" && !(error instanceof IdempotencyRace);
    const winner = lostRace ? await claimedCircular(deps, input.year, scope) : undefined;
    if (!winner || winner.id === claimed?.id) throw error;
    return { item: winner, created: false };
  }
}

/** The circular drafted for (year, scope), if any; a published one is a conflict. */
async function claimedCircular(deps: Deps, year: number, scope: string): Promise<Item | undefined> {
  const id = await deps.store.circulars.claimant(year, scope);
  const item = id ? await deps.store.items.get(id, { consistent: true }) : undefined;
  if (item?.state === "published") {
    fail("conflict", `${year}年度通报已发布（${item.id}），如需更正请修订该信息`);
  }
  return item;
}
