import { statusChangeMail } from "@gov/domain";
import type { Write } from "@gov/store";
import { citizenMailWrites } from "./citizen-mails.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { linkOf, type PortalLinks, purposes, tokenOf } from "./subscriptions.ts";
import { requireSecrets } from "./unit-channels.ts";

/**
 * A letter writer or an applicant who opts in is mailed when their record's state changes
 * (issue 18, ADR 0060). The opt-in is written with the submission; each state change reads it
 * and adds its mail to the change's own transaction, so a change is never told twice nor lost.
 * The portal's base the citizen submitted from is kept with it, for the mail's links.
 */

/** The opt-in, for the submission's transaction. */
export function watchWrites(deps: Deps, recordId: string, email: string, links: PortalLinks): Write[] {
  const secrets = requireSecrets(deps);
  return [
    deps.store.statusWatches.write({
      recordId,
      sealedAddress: secrets.sealAddress(recordId, email.trim()),
      linkBase: links.base,
      createdAt: nowIso(deps),
    }),
  ];
}

/** The status mail for a change of `recordId`, if its citizen asked for one; none otherwise. */
export async function statusMailWrites(
  deps: Deps,
  change: {
    recordId: string;
    unitCode: string;
    what: string;
    trackingCode: string;
    state: string;
    statusPath: string;
  },
): Promise<Write[]> {
  const watch = await deps.store.statusWatches.get(change.recordId);
  if (!watch) return [];
  const secrets = requireSecrets(deps);
  const links = { base: watch.linkBase };
  const mail = statusChangeMail({
    what: change.what,
    trackingCode: change.trackingCode,
    state: change.state,
    statusUrl: `${links.base.replace(/\/+$/, "")}${change.statusPath}`,
    unsubscribeUrl: linkOf(links, "unsubscribe", tokenOf(secrets, purposes.unsubscribe, change.recordId)),
  });
  return citizenMailWrites(deps, secrets, {
    owner: change.recordId,
    unitCode: change.unitCode,
    address: secrets.openAddress(change.recordId, watch.sealedAddress),
    mail,
  }).writes;
}
