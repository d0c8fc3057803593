import {
  type ChannelInput,
  type ChannelKind,
  contactChannel,
  fail,
  hasRole,
  type LeadershipContactInput,
  type LeadershipContactView,
  maskedContact,
} from "@gov/domain";
import type { Principal, StoredLeadershipContact } from "@gov/store";
import type { ChannelSecrets } from "./channel-secrets.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { requireSecrets } from "./unit-channels.ts";

/**
 * A unit's leadership contact (分管领导, ADR 0053): set by the office, sealed at rest, answered
 * masked; told by the supervision scan when the unit's findings become very overdue.
 */

const requireOffice = (actor: Principal) => {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以设置和查看分管领导联系方式");
};

const requireUnit = async (deps: Deps, unitCode: string) => {
  if (!(await deps.store.units.get(unitCode))) fail("not-found", "单位不存在");
};

const viewOf = (unitCode: string, stored: StoredLeadershipContact | undefined): LeadershipContactView => ({
  unitCode,
  contact: stored?.masked ?? null,
  updatedAt: stored?.updatedAt ?? null,
});

/** The office sets the contact, replacing the previous one; the answer is masked. */
export async function setLeadershipContact(
  deps: Deps,
  actor: Principal,
  input: LeadershipContactInput & { unitCode: string },
): Promise<LeadershipContactView> {
  requireOffice(actor);
  const secrets = requireSecrets(deps);
  await requireUnit(deps, input.unitCode);
  const { unitCode, ...contact } = input;
  const stored: StoredLeadershipContact = {
    unitCode,
    masked: maskedContact(contact),
    sealed: secrets.sealContact(unitCode, contact),
    updatedAt: nowIso(deps),
    updatedBy: actor.keyId,
  };
  await deps.store.leadershipContacts.put(stored);
  return viewOf(unitCode, stored);
}

/** What the office may see: masked values only. Needs no key. */
export async function leadershipContact(
  deps: Deps,
  actor: Principal,
  input: { unitCode: string },
): Promise<LeadershipContactView> {
  requireOffice(actor);
  await requireUnit(deps, input.unitCode);
  return viewOf(input.unitCode, await deps.store.leadershipContacts.get(input.unitCode));
}

/** The office clears it: the unit's very-overdue findings then go to the office only. */
export async function clearLeadershipContact(
  deps: Deps,
  actor: Principal,
  input: { unitCode: string },
): Promise<LeadershipContactView> {
  requireOffice(actor);
  await requireUnit(deps, input.unitCode);
  await deps.store.leadershipContacts.remove(input.unitCode);
  return viewOf(input.unitCode, undefined);
}

/** The contact's channel of one kind, opened for sending; undefined once cleared or without that kind. */
export function openContactChannel(
  secrets: ChannelSecrets,
  stored: StoredLeadershipContact | undefined,
  kind: ChannelKind,
): ChannelInput | undefined {
  return stored && contactChannel(secrets.openContact(stored.unitCode, stored.sealed), kind);
}
