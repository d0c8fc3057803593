import type { ItemKind } from "@gov/domain";

/** The kinds as the portal's filter names them. */
export const kindNames: Record<ItemKind, string> = {
  general: "一般信息",
  normative: "规范性文件",
  interpretation: "政策解读",
  budget: "预决算",
  project: "重大建设项目",
  meeting: "政府会议",
  audit: "审计信息",
};

/** 公开方式 as a 政府信息公开 page prints it. */
export const disclosureMethodNames = { proactive: "主动公开", "on-request": "依申请公开" } as const;

/** A stored instant as the Asia/Shanghai day people read on a government page. */
export const dayOf = (instant: string | null) =>
  instant ? new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10) : "";
