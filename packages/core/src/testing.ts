import {
  builtInCalendar,
  defaultSettings,
  type PreparedMail,
  type Role,
  type Senders,
  type SendOutcome,
} from "@gov/domain";
import type { Principal } from "@gov/store";
import { testStore } from "@gov/store/testing";
import { channelSecrets } from "./channel-secrets.ts";
import { dispatchDeliveries } from "./deliveries.ts";
import type { Deps } from "./deps.ts";
import { publicChanges } from "./public-changes.ts";

/** A fixed CHANNEL_SECRET_KEY for tests (32 bytes, base64); never a deployment's. */
export const testChannelKey = Buffer.alloc(32, 7).toString("base64");

/**
 * Deps for a use-case or app test: a fresh table on the run's DynamoDB Local and a clock the test
 * sets. `key()` issues a real API key, so auth runs exactly as in production.
 */
export async function testDeps(start = new Date("2026-03-02T02:00:00.000Z")) {
  const store = await testStore();
  let now = start;
  const deps: Deps = {
    store,
    clock: () => now,
    calendar: builtInCalendar(),
    settings: defaultSettings,
    publicChanges: publicChanges(),
    channelSecrets: channelSecrets(testChannelKey),
  };
  async function key(unitCode: string, roles: Role[]): Promise<string> {
    await store.units.put({
      code: unitCode,
      name: `测试单位${unitCode}`,
      kind: roles.includes("office") ? "office" : "department",
    });
    const issued = await store.apiKeys.issue({ unitCode, roles, label: "test", now: now.toISOString() });
    return issued.secret;
  }
  return {
    deps,
    store,
    setNow(date: Date) {
      now = date;
    },
    key,
    /** The principal a real key authenticates as: what a use-case test passes as its actor. */
    async actor(unitCode: string, roles: Role[]): Promise<Principal> {
      const principal = await store.apiKeys.authenticate(await key(unitCode, roles));
      if (!principal) throw new Error("a key just issued must authenticate");
      return principal;
    },
  };
}

/**
 * Senders for citizens' mails (ADR 0060) that record each mail and answer `sent`; notice
 * channels refuse. `deliver` runs the dispatcher until nothing is claimed.
 */
export function citizenMailbox(deps: Deps) {
  const mails: { to: string; mail: PreparedMail }[] = [];
  const refuse = async (): Promise<SendOutcome> => ({ outcome: "failed", reason: "这里只收公众邮件" });
  const senders: Senders = {
    wecom: refuse,
    dingtalk: refuse,
    email: refuse,
    sms: refuse,
    mail: async (to, mail) => {
      mails.push({ to, mail });
      return { outcome: "sent" };
    },
  };
  const deliver = async () => {
    while (
      (await dispatchDeliveries(deps, senders, { linkBase: "https://x", random: () => 0.5 })).claimed > 0
    );
  };
  /** The subjects mailed to one address, in the order sent. */
  const subjectsTo = (address: string) => mails.filter((m) => m.to === address).map((m) => m.mail.subject);
  return { mails, senders, deliver, subjectsTo };
}
