import type { ItemKind, ResponseType } from "@gov/domain";

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

/** The answers of OGI Art. 36 and 37 as a reader knows them. */
export const responseTypeNames: Record<ResponseType, string> = {
  "already-public": "已主动公开（告知获取方式）",
  disclosed: "予以公开",
  "partially-disclosed": "部分公开",
  "not-disclosed": "不予公开",
  "does-not-exist": "无法提供（本机关不掌握）",
  "not-this-agency": "非本机关负责公开（告知机关）",
  "repeat-application": "重复申请（不予重复处理）",
  "special-legal-route": "按有关法律、行政法规办理",
};
