import { timingSafeEqual } from "node:crypto";
import {
  confirmationMail,
  confirmedSubscription,
  DomainError,
  digestCutoff,
  digestedSubscription,
  digestMail,
  fail,
  findColumn,
  hasRole,
  type IsoDate,
  normalizedAddress,
  type SubscribeInput,
  type Subscription,
  type SubscriptionTopic,
  subscriptionPolicy,
  topicKey,
  topicLabel,
  topicOf,
  untold,
} from "@gov/domain";
import { newId, type Principal } from "@gov/store";
import type { ChannelSecrets } from "./channel-secrets.ts";
import { citizenMailWrites, officeCode } from "./citizen-mails.ts";
import { nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { wakeDispatcher } from "./notices.ts";
import { requireSecrets } from "./unit-channels.ts";

/**
 * 订阅 (issue 18, ADR 0060): subscribe, confirm (double opt-in), unsubscribe, and the daily
 * digest. Links carry signed tokens (`<id>.<HMAC>`), so none is stored and the unsubscribe
 * link in every mail can be made again for each digest.
 */

/** Where the portal's API is reached from outside: `https://…/public`. */
export type PortalLinks = { base: string };

export const purposes = {
  address: "subscriber-address",
  confirm: "subscription-confirm",
  unsubscribe: "subscription-unsubscribe",
} as const;

/** 192 bits of HMAC: unguessable without the key. */
export const tokenOf = (secrets: ChannelSecrets, purpose: string, id: string) =>
  `${id}.${secrets.mac(purpose, id).slice(0, 32)}`;

export const linkOf = (links: PortalLinks, action: "confirm" | "unsubscribe", token: string) =>
  `${links.base.replace(/\/+$/, "")}/v1/subscriptions/${action}?token=${encodeURIComponent(token)}`;

/** The subscription a token was made for, if it was made with our key; anything else is undefined. */
async function byToken(deps: Deps, secrets: ChannelSecrets, purpose: string, token: string) {
  const [id, mac, ...rest] = token.split(".");
  if (!id || !mac || rest.length > 0 || !/^sub_[0-9A-Z]{26}$/.test(id)) return undefined;
  const expected = Buffer.from(tokenOf(secrets, purpose, id));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return deps.store.subscriptions.get(id);
}

async function labelOf(deps: Deps, topic: SubscriptionTopic): Promise<string> {
  if (topic.kind === "column") return topicLabel(topic, findColumn(topic.columnId)?.name);
  if (topic.kind === "unit") return topicLabel(topic, (await deps.store.units.get(topic.unitCode))?.name);
  return topicLabel(topic);
}

async function checkTopic(deps: Deps, topic: SubscriptionTopic) {
  if (topic.kind === "column" && !findColumn(topic.columnId))
    fail("unprocessable", "栏目不存在", [{ path: "columnId", message: `栏目“${topic.columnId}”不存在` }]);
  if (topic.kind === "unit" && !(await deps.store.units.get(topic.unitCode)))
    fail("unprocessable", "单位不存在", [{ path: "unitCode", message: `单位“${topic.unitCode}”不存在` }]);
}

/**
 * Asks for a subscription. The answer never says whether the address was known: a new one is
 * written pending with its confirmation mail; a pending one gets another mail at most every
 * `resendSeconds`; a confirmed one gets nothing. A concurrent identical request loses quietly.
 */
export async function subscribe(deps: Deps, input: SubscribeInput, links: PortalLinks): Promise<void> {
  const secrets = requireSecrets(deps);
  const topic = topicOf(input);
  await checkTopic(deps, topic);
  const address = normalizedAddress(input.email);
  const addressKey = secrets.mac(purposes.address, address);
  const store = deps.store.subscriptions;
  const existing = await store.ofAddress(addressKey, topicKey(topic));
  const now = nowIso(deps);
  if (existing?.state === "confirmed") return;
  if (
    existing &&
    Date.parse(now) - Date.parse(existing.confirmationSentAt) < subscriptionPolicy.resendSeconds * 1000
  )
    return;
  const id = existing?.id ?? newId("subscription");
  const mail = confirmationMail({
    label: await labelOf(deps, topic),
    confirmUrl: linkOf(links, "confirm", tokenOf(secrets, purposes.confirm, id)),
    unsubscribeUrl: linkOf(links, "unsubscribe", tokenOf(secrets, purposes.unsubscribe, id)),
  });
  const { mailId, writes } = citizenMailWrites(deps, secrets, {
    owner: id,
    unitCode: await officeCode(deps),
    address: input.email.trim(),
    mail,
  });
  try {
    if (existing) {
      await store.update(
        { ...existing, confirmationSentAt: now, version: existing.version + 1 },
        existing,
        writes,
      );
    } else {
      await store.create(
        {
          id,
          topic,
          state: "pending",
          sealedAddress: secrets.sealAddress(id, input.email.trim()),
          addressKey,
          createdAt: now,
          confirmationSentAt: now,
          confirmedAt: null,
          digestedThrough: null,
          lastDigestOn: null,
          version: 1,
        },
        writes,
      );
    }
  } catch (error) {
    // Another request for the same address and topic committed first: it sent the mail.
    if (error instanceof DomainError && error.kind === "conflict") return;
    throw error;
  }
  await wakeDispatcher(deps, mailId);
}

/** Follows the mailed link: the subscription is confirmed and told from now on. */
export async function confirmSubscription(deps: Deps, token: string): Promise<{ topic: string }> {
  const secrets = requireSecrets(deps);
  const sub = await byToken(deps, secrets, purposes.confirm, token);
  // DynamoDB's TTL deletes lazily: a pending record past its week is expired, here too.
  const expired =
    sub?.state === "pending" &&
    Date.parse(sub.confirmationSentAt) + subscriptionPolicy.pendingSeconds * 1000 < deps.clock().getTime();
  if (!sub || expired) return fail("not-found", "确认链接无效或订阅已过期，请重新订阅");
  const next = confirmedSubscription(sub, nowIso(deps));
  if (next !== sub) await deps.store.subscriptions.update(next, sub);
  return { topic: await labelOf(deps, sub.topic) };
}

/**
 * One-click unsubscribe (RFC 8058): the subscription, its guard, its digest markers and its
 * mails not yet sent are deleted. The same answer whether or not there was one to delete.
 */
export async function unsubscribe(deps: Deps, token: string): Promise<void> {
  const secrets = requireSecrets(deps);
  const watched = watchedRecordOf(secrets, token);
  if (watched) {
    // A letter writer's or applicant's status mails (status-watches.ts): the address goes, and
    // so do its mails not yet sent, as a subscription's do.
    await deps.store.statusWatches.remove(watched, await deps.store.citizenMails.deletesOfOwner(watched));
    return;
  }
  const sub = await byToken(deps, secrets, purposes.unsubscribe, token);
  if (!sub) return;
  await deps.store.subscriptions.remove(sub, await deps.store.citizenMails.deletesOfOwner(sub.id));
}

/** The letter or application (tracking code) a status mail's unsubscribe token was signed for. */
function watchedRecordOf(secrets: ChannelSecrets, token: string): string | undefined {
  const [id] = token.split(".");
  // A letter's id, or an application's tracking code (shared by its parts).
  if (!id || !/^(let_[0-9A-Z]{26}|YSQ\d{4}-[0-9A-Z]{4,20})$/.test(id)) return undefined;
  const expected = Buffer.from(tokenOf(secrets, purposes.unsubscribe, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}

export type DigestRun = {
  asOf: IsoDate;
  subscriptions: number;
  sent: number;
  alreadySent: number;
  nothingNew: number;
};

/** List reads per topic and run: 10 pages of 100 newest items reach far past a day's publications. */
const maxPages = 10;

type Published = { id: string; title: string; publishedAt: string | null; indexNumber: string | null };

/** A topic's items published at or after `since`, newest first, as far as one run reads. */
async function publishedSince(deps: Deps, topic: SubscriptionTopic, since: string): Promise<Published[]> {
  if (topic.kind === "search") {
    const page = await deps.store.search.find({ q: topic.q, filter: {}, limit: 100 });
    return page.hits.map((h) => h.item).filter((i) => (i.publishedAt ?? "") >= since);
  }
  const filter = topic.kind === "column" ? { column: topic.columnId } : { unit: topic.unitCode };
  const found: Published[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await deps.store.items.listPublishedEntries(filter, { limit: 100, cursor });
    const fresh = result.items.filter((i) => (i.publishedAt ?? "") >= since);
    found.push(...fresh);
    if (fresh.length < result.items.length || !result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return found;
}

/**
 * The daily digest (每日订阅摘要) for `asOf`: every confirmed subscription with items published
 * since its last digest, up to the start of that day in Beijing, gets one mail. The day's marker
 * is written in the mail's own transaction, so two runs at once, or a run again after a crash,
 * send each subscription's digest of a day exactly once. A day after today is refused.
 */
export async function runDigest(
  deps: Deps,
  actor: Principal,
  input: { asOf: IsoDate; links: PortalLinks },
): Promise<DigestRun> {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以发送订阅摘要");
  if (input.asOf > todayOf(deps))
    fail("validation", "不能为今后的日期发送摘要", [{ path: "asOf", message: "须不晚于今天" }]);
  const secrets = requireSecrets(deps);
  const cutoff = digestCutoff(input.asOf);
  const subs = await deps.store.subscriptions.confirmed();
  const run: DigestRun = {
    asOf: input.asOf,
    subscriptions: subs.length,
    sent: 0,
    alreadySent: 0,
    nothingNew: 0,
  };
  const byTopic = new Map<string, Subscription[]>();
  for (const sub of subs) {
    const key = topicKey(sub.topic);
    const group = byTopic.get(key);
    if (group) group.push(sub);
    else byTopic.set(key, [sub]);
  }
  const unitCode = await officeCode(deps);
  const base = input.links.base.replace(/\/+$/, "");
  let mailId: string | undefined;
  for (const group of byTopic.values()) {
    const topic = (group[0] as Subscription).topic;
    const since = group.map((s) => s.digestedThrough ?? s.createdAt).sort()[0] as string;
    const items = await publishedSince(deps, topic, since);
    const label = await labelOf(deps, topic);
    for (const sub of group) {
      if (sub.lastDigestOn === input.asOf) {
        run.alreadySent++;
        continue;
      }
      const entries = untold(sub, items, cutoff).map((i) => ({
        title: i.title,
        publishedAt: i.publishedAt as string,
        url: `${base}/items/${encodeURIComponent(i.indexNumber ?? i.id)}`,
      }));
      if (entries.length === 0) {
        run.nothingNew++;
        continue;
      }
      const mail = digestMail({
        label,
        asOf: input.asOf,
        entries,
        moreUrl: moreUrlOf(base, topic),
        unsubscribeUrl: linkOf(input.links, "unsubscribe", tokenOf(secrets, purposes.unsubscribe, sub.id)),
      });
      const written = citizenMailWrites(deps, secrets, {
        owner: sub.id,
        unitCode,
        address: secrets.openAddress(sub.id, sub.sealedAddress),
        mail,
      });
      try {
        await deps.store.subscriptions.digest(
          digestedSubscription(sub, input.asOf, cutoff),
          sub,
          input.asOf,
          written.writes,
        );
        run.sent++;
        mailId = written.mailId;
      } catch (error) {
        // Another run sent it (its marker or its version won), or it was unsubscribed meanwhile.
        if (error instanceof DomainError && error.kind === "conflict") run.alreadySent++;
        else throw error;
      }
    }
  }
  if (mailId) await wakeDispatcher(deps, mailId);
  return run;
}

function moreUrlOf(base: string, topic: SubscriptionTopic): string {
  if (topic.kind === "column") return `${base}/items?column=${encodeURIComponent(topic.columnId)}`;
  if (topic.kind === "unit") return `${base}/items?unit=${encodeURIComponent(topic.unitCode)}`;
  return `${base}/search?q=${encodeURIComponent(topic.q)}`;
}

/**
 * The scheduled digest (the cloud's cron, `pnpm start`'s timer): today's, as the office. Every
 * day, days off included: a citizen reads on Sundays too. Without an office (a store before
 * its seed) there is nobody to send for.
 */
export async function scheduledDigest(deps: Deps, links: PortalLinks): Promise<DigestRun | null> {
  const office = (await deps.store.units.list()).find((u) => u.kind === "office");
  if (!office) return null;
  const actor: Principal = { unitCode: office.code, roles: ["office"], keyId: "system:subscription-digest" };
  return runDigest(deps, actor, { asOf: todayOf(deps), links });
}
