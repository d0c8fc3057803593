import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { ChannelInput, LeadershipContactInput } from "@gov/domain";

/**
 * A unit's channel (robot key, DingTalk secret, addresses, phones) and its leadership contact
 * (分管领导, ADR 0053) sealed with AES-256-GCM under CHANNEL_SECRET_KEY, so the table and its
 * backups hold no usable secret and no personal data (ADR 0045). The unit code and what is
 * sealed (the channel's kind, or `leadership`) are the associated data: a sealed value copied
 * onto another unit's record, or from a channel onto a contact, does not open.
 */
export type ChannelSecrets = {
  seal(unitCode: string, channel: ChannelInput): string;
  open(unitCode: string, sealed: string): ChannelInput;
  sealContact(unitCode: string, contact: LeadershipContactInput): string;
  openContact(unitCode: string, sealed: string): LeadershipContactInput;
  /** A citizen's address (ADR 0060), bound to the record it is sealed in (a subscription, a mail). */
  sealAddress(owner: string, address: string): string;
  openAddress(owner: string, sealed: string): string;
  /**
   * HMAC-SHA256 under a key derived from the channel key for `purpose`, base64url: finds an
   * address's records without holding it, and signs a subscription's confirm and unsubscribe
   * links, so no token is stored and none can be made without the key.
   */
  mac(purpose: string, value: string): string;
};

const version = "v1";
const contactLabel = "leadership";
const addressLabel = "address";

/** The key is 32 bytes in base64; anything else stops the start, naming the setting and never the value. */
export function channelSecrets(keyBase64: string): ChannelSecrets {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32 || key.toString("base64") !== keyBase64.trim())
    throw new Error("CHANNEL_SECRET_KEY 须为32字节密钥的base64编码（如 openssl rand -base64 32）");
  const associated = (unitCode: string, label: string) => Buffer.from(`${unitCode}#${label}`);

  const seal = (unitCode: string, label: string, value: unknown) => {
    // GCM's nonce must never repeat under one key: 96 random bits per seal.
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(associated(unitCode, label));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
    return [
      version,
      label,
      iv.toString("base64url"),
      sealed.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
    ].join(".");
  };

  /** The label is read from the sealed value; the caller checks it is what it expects. */
  const open = (unitCode: string, sealed: string): { label: string; value: unknown } => {
    const [v, label, iv, data, tag] = sealed.split(".");
    if (v !== version || !label || !iv || !data || !tag) throw new Error("送达渠道密文格式不正确");
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(associated(unitCode, label));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
    return { label, value: JSON.parse(plain.toString("utf8")) };
  };

  return {
    seal: (unitCode, channel) => seal(unitCode, channel.kind, channel),
    open(unitCode, sealed) {
      const { label, value } = open(unitCode, sealed);
      const channel = ChannelInput.parse(value);
      if (channel.kind !== label) throw new Error("送达渠道密文格式不正确");
      return channel;
    },
    sealContact: (unitCode, contact) => seal(unitCode, contactLabel, contact),
    openContact(unitCode, sealed) {
      const { label, value } = open(unitCode, sealed);
      if (label !== contactLabel) throw new Error("分管领导联系方式密文格式不正确");
      return LeadershipContactInput.parse(value);
    },
    sealAddress: (owner, address) => seal(owner, addressLabel, address),
    openAddress(owner, sealed) {
      const { label, value } = open(owner, sealed);
      if (label !== addressLabel || typeof value !== "string") throw new Error("邮箱地址密文格式不正确");
      return value;
    },
    mac(purpose, value) {
      // A key per purpose, so a digest of an address can never pass as a link's signature.
      const derived = createHmac("sha256", key).update(`gov-platform/${purpose}`).digest();
      return createHmac("sha256", derived).update(value).digest("base64url");
    },
  };
}
