import {
  type ChannelInput,
  channelView,
  fail,
  hasRole,
  type UnitChannelsInput,
  type UnitChannelsView,
} from "@gov/domain";
import type { Principal, StoredUnitChannels } from "@gov/store";
import type { ChannelSecrets } from "./channel-secrets.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";

const requireOffice = (actor: Principal) => {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以设置和查看送达渠道");
};

const requireUnit = async (deps: Deps, unitCode: string) => {
  if (!(await deps.store.units.get(unitCode))) fail("not-found", "单位不存在");
};

/** The key is configuration: without it nothing could be sealed, so nothing is stored in clear. */
export const requireSecrets = (deps: Deps): ChannelSecrets =>
  deps.channelSecrets ??
  fail("unavailable", "服务器未配置送达渠道密钥（CHANNEL_SECRET_KEY），暂不能设置或发送送达渠道");

const viewOf = (unitCode: string, stored: StoredUnitChannels | undefined): UnitChannelsView => ({
  unitCode,
  channels: stored?.channels.map((c) => c.view) ?? [],
  updatedAt: stored?.updatedAt ?? null,
});

/** The office sets a unit's channels: the whole set, each sealed, replacing what was there. */
export async function setUnitChannels(
  deps: Deps,
  actor: Principal,
  input: UnitChannelsInput & { unitCode: string },
): Promise<UnitChannelsView> {
  requireOffice(actor);
  const secrets = requireSecrets(deps);
  await requireUnit(deps, input.unitCode);
  const stored: StoredUnitChannels = {
    unitCode: input.unitCode,
    channels: input.channels.map((channel) => ({
      kind: channel.kind,
      view: channelView(channel),
      sealed: secrets.seal(input.unitCode, channel),
    })),
    updatedAt: nowIso(deps),
    updatedBy: actor.keyId,
  };
  await deps.store.unitChannels.put(stored);
  return viewOf(input.unitCode, stored);
}

/** What the office may see of a unit's channels: kinds and hints, never a secret. Needs no key. */
export async function unitChannels(
  deps: Deps,
  actor: Principal,
  input: { unitCode: string },
): Promise<UnitChannelsView> {
  requireOffice(actor);
  await requireUnit(deps, input.unitCode);
  return viewOf(input.unitCode, await deps.store.unitChannels.get(input.unitCode));
}

/** The unit's channel of one kind, opened for sending; undefined when the unit no longer has it. */
export function openChannel(
  secrets: ChannelSecrets,
  stored: StoredUnitChannels | undefined,
  kind: ChannelInput["kind"],
): ChannelInput | undefined {
  const channel = stored?.channels.find((c) => c.kind === kind);
  return stored && channel && secrets.open(stored.unitCode, channel.sealed);
}
