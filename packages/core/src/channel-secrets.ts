import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ChannelInput } from "@gov/domain";

/**
 * A unit's channel (robot key, DingTalk secret, addresses, phones) sealed with AES-256-GCM
 * under CHANNEL_SECRET_KEY, so the table and its backups hold no usable secret and no personal
 * data (ADR 0045). The unit code and kind are the associated data: a sealed channel copied
 * onto another unit's record does not open.
 */
export type ChannelSecrets = {
  seal(unitCode: string, channel: ChannelInput): string;
  open(unitCode: string, sealed: string): ChannelInput;
};

const version = "v1";

/** The key is 32 bytes in base64; anything else stops the start, naming the setting and never the value. */
export function channelSecrets(keyBase64: string): ChannelSecrets {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32 || key.toString("base64") !== keyBase64.trim())
    throw new Error("CHANNEL_SECRET_KEY 须为32字节密钥的base64编码（如 openssl rand -base64 32）");
  const associated = (unitCode: string, kind: string) => Buffer.from(`${unitCode}#${kind}`);
  return {
    seal(unitCode, channel) {
      // GCM's nonce must never repeat under one key: 96 random bits per seal.
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(associated(unitCode, channel.kind));
      const sealed = Buffer.concat([cipher.update(JSON.stringify(channel), "utf8"), cipher.final()]);
      return [
        version,
        channel.kind,
        iv.toString("base64url"),
        sealed.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
      ].join(".");
    },
    open(unitCode, sealed) {
      const [v, kind, iv, data, tag] = sealed.split(".");
      if (v !== version || !kind || !iv || !data || !tag) throw new Error("送达渠道密文格式不正确");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(associated(unitCode, kind));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
      return ChannelInput.parse(JSON.parse(plain.toString("utf8")));
    },
  };
}
