import type { ChannelInput, LeadershipContactInput } from "@gov/domain";
import { demoUnitCodes as c, demoUnits } from "./units.ts";

/**
 * Where the demo units receive notices (issue 13), so a newcomer sees a notice arrive at the
 * capture page and the email emulator: each department a WeCom group robot, each township and
 * street a signed DingTalk robot, and the finance bureau and 甘露镇 email and SMS as well. The
 * robot keys are made up; locally the senders call the capture endpoint with them.
 */
export function demoChannels(): { unitCode: string; channels: ChannelInput[] }[] {
  return demoUnits
    .filter((unit) => unit.kind !== "office")
    .map((unit) => {
      const robot: ChannelInput =
        unit.kind === "department"
          ? {
              kind: "wecom",
              webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-${unit.code}`,
            }
          : {
              kind: "dingtalk",
              webhookUrl: `https://oapi.dingtalk.com/robot/send?access_token=demo${unit.code}dingtalk`,
              secret: `SEC${unit.code.padEnd(64, "0")}`,
            };
      const direct: ChannelInput[] =
        unit.code === c.finance || unit.code === c.ganlu
          ? [
              { kind: "email", addresses: [`gk-${unit.code}@gongqingcheng.example.gov.cn`] },
              { kind: "sms", phones: [unit.code === c.finance ? "13800000001" : "13800000002"] },
            ]
          : [];
      return { unitCode: unit.code, channels: [robot, ...direct] };
    });
}

/**
 * The leadership contacts (分管领导, ADR 0053) of two demo units, so a 督办 escalation of a very
 * overdue record reaches a leader's email and SMS at the email emulator and the capture page.
 * Names, addresses and numbers are made up.
 */
export function demoLeadershipContacts(): { unitCode: string; contact: LeadershipContactInput }[] {
  return [
    {
      unitCode: c.finance,
      contact: {
        name: "王敏",
        post: "分管副局长",
        email: "leader-finance@gongqingcheng.example.gov.cn",
        mobile: "13800000011",
      },
    },
    {
      unitCode: c.ganlu,
      contact: { name: "李强", post: "分管副镇长", mobile: "13800000012" },
    },
  ];
}
