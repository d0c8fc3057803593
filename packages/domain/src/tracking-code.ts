/** What a citizen's submission is known by: 依申请公开 (YSQ) or 市长信箱 (XX). */
export type TrackingKind = "YSQ" | "XX";

/** Letters and digits a citizen can read out on the phone: no 0/O, no 1/I. */
export const trackingCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const trackingCodeLength = 10;

/** `<kind><year>-<code>`, e.g. `YSQ2026-7K3M9QX2AB`: the exact shape of a code this platform issues. */
export const trackingCodePattern = (kind: TrackingKind) =>
  new RegExp(`^${kind}\\d{4}-[${trackingCodeAlphabet}]{${trackingCodeLength}}$`);
