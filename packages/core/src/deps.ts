import type { Calendar, Settings } from "@gov/domain";
import type { Store } from "@gov/store";
import type { ChannelSecrets } from "./channel-secrets.ts";
import type { PublicChanges } from "./public-changes.ts";

/**
 * What every use case runs on: one store, one clock, the working-day calendar and the
 * locality's settings. Nothing reads the system time itself; a timer passes its own clock.
 * `publicChanges` tells whoever keeps copies of public answers that one is out of date.
 * `channelSecrets` seals and opens units' delivery channels (CHANNEL_SECRET_KEY); without it
 * channels cannot be set and deliveries cannot be sent, and everything else works.
 * `wakeDispatcher`, when set, is called after a notice with deliveries is committed, so they
 * are sent now rather than at the dispatcher's next scheduled run (ADR 0048).
 */
export type Deps = {
  store: Store;
  clock: () => Date;
  calendar: Calendar;
  settings: Settings;
  publicChanges: PublicChanges;
  channelSecrets?: ChannelSecrets;
  wakeDispatcher?: () => Promise<void>;
};
