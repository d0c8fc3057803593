import { citizenDelivery, type PreparedMail, subscriptionPolicy } from "@gov/domain";
import { newId, type Write } from "@gov/store";
import type { ChannelSecrets } from "./channel-secrets.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";

/**
 * A mail to one citizen's address, as writes for the transaction that owes it (ADR 0060): the
 * mail's record, with the address sealed to its id, and its one delivery in the notices outbox,
 * so the dispatcher's claim, lease, retries and record serve it as they serve notices.
 * `unitCode` is the unit it is sent for (the office for subscriptions).
 */
export function citizenMailWrites(
  deps: Deps,
  secrets: ChannelSecrets,
  input: { owner: string; unitCode: string; address: string; mail: PreparedMail },
): { mailId: string; writes: Write[] } {
  const now = nowIso(deps);
  const mailId = newId("citizenMail");
  const stored = {
    id: mailId,
    owner: input.owner,
    sealedAddress: secrets.sealAddress(mailId, input.address),
    ...input.mail,
    createdAt: now,
    expiresAt: Math.floor(Date.parse(now) / 1000) + subscriptionPolicy.mailSeconds,
  };
  const delivery = citizenDelivery({ id: newId("delivery"), mailId, unitCode: input.unitCode, now });
  return {
    mailId,
    writes: [deps.store.citizenMails.write(stored), ...deps.store.deliveries.writes([delivery])],
  };
}

/** The city's disclosure office: whom subscription mails are sent for. */
export async function officeCode(deps: Deps): Promise<string> {
  const office = (await deps.store.units.list()).find((u) => u.kind === "office");
  return office?.code ?? "public";
}
