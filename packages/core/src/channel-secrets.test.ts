import type { ChannelInput } from "@gov/domain";
import { describe, expect, it } from "vitest";
import { channelSecrets } from "./channel-secrets.ts";
import { testChannelKey } from "./testing.ts";

const key = "693a91f6-7a0c-4bc4-97a0-0ec2a1fa5aaa";
const robot: ChannelInput = {
  kind: "wecom",
  webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`,
};
const secrets = channelSecrets(testChannelKey);

describe("channel sealing (AES-256-GCM under CHANNEL_SECRET_KEY)", () => {
  it("a sealed channel opens to itself and holds neither the key nor the address in clear", () => {
    const sealed = secrets.seal("000014351", robot);
    expect(sealed).not.toContain(key);
    expect(sealed).not.toContain("qyapi");
    expect(secrets.open("000014351", sealed)).toEqual(robot);
  });

  it("each seal uses a fresh nonce: the same channel sealed twice differs", () => {
    expect(secrets.seal("000014351", robot)).not.toBe(secrets.seal("000014351", robot));
  });

  it("a sealed channel copied onto another unit does not open (the unit code is authenticated)", () => {
    const sealed = secrets.seal("000014351", robot);
    expect(() => secrets.open("000014352", sealed)).toThrow();
  });

  it("a changed byte of the ciphertext does not open (GCM's tag)", () => {
    const parts = secrets.seal("000014351", robot).split(".");
    const data = Buffer.from(parts[3] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[3] = data.toString("base64url");
    expect(() => secrets.open("000014351", parts.join("."))).toThrow();
  });

  it("another key does not open it", () => {
    const other = channelSecrets(Buffer.alloc(32, 9).toString("base64"));
    expect(() => other.open("000014351", secrets.seal("000014351", robot))).toThrow();
  });

  it("a leadership contact opens to itself, holds no name, address or number in clear, and never opens as a channel", () => {
    const contact = {
      name: "王敏",
      post: "分管副局长",
      email: "wangmin@czj.example.gov.cn",
      mobile: "13807920001",
    };
    const sealed = secrets.sealContact("000014351", contact);
    for (const clear of ["王敏", "wangmin", "13807920001"]) expect(sealed).not.toContain(clear);
    expect(secrets.openContact("000014351", sealed)).toEqual(contact);
    expect(() => secrets.open("000014351", sealed)).toThrow();
    expect(() => secrets.openContact("000014352", sealed)).toThrow();
    expect(() => secrets.openContact("000014351", secrets.seal("000014351", robot))).toThrow();
  });

  it("a key that is not 32 bytes of base64 stops the start, naming the setting and not the value", () => {
    const short = Buffer.alloc(16, 1).toString("base64");
    expect(() => channelSecrets(short)).toThrow(/CHANNEL_SECRET_KEY/);
    expect(() => channelSecrets(short)).not.toThrow(new RegExp(short.replace(/[+/=]/g, "\\$&")));
  });
});
