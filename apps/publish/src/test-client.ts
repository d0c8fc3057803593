import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { expect } from "vitest";
import { createPublishApp } from "./app.ts";

export const clearReview = {
  review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
};

export type Json = Record<string, unknown> & { id: string; version: number };

/**
 * A publish app on a fresh table with real keys, and a small client for its routes.
 * `unit(code)` gives that unit's editor and reviewer.
 */
export async function publishHarness(start?: Date) {
  const t = await testDeps(start);
  const app = createPublishApp(t.deps);

  const call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));

  async function unit(code: string) {
    const editor = await t.key(code, ["editor"]);
    const reviewer = await t.key(code, ["reviewer"]);
    const ok = async (method: string, path: string, key: string, body?: unknown) => {
      const res = await call(method, path, key, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    return {
      code,
      editor,
      reviewer,
      draft: (body: object) => ok("POST", "/items", editor, body),
      submit: (id: string) => ok("POST", `/items/${id}/submit`, editor),
      approve: (id: string) => ok("POST", `/items/${id}/approve`, reviewer, clearReview),
      async publish(body: object) {
        const item = await this.draft(body);
        await this.submit(item.id);
        return this.approve(item.id);
      },
      get: (id: string) => ok("GET", `/items/${id}`, editor),
    };
  }

  return { ...t, app, call, unit };
}

export const general = (title = "关于做好2026年政务公开工作的通知") => ({
  kind: "general",
  title,
  columnId: "decision",
  body: "<p>各乡镇（街道），市政府各部门：……</p>",
  generatedOn: "2026-02-27",
});

export const normative = (docNumber = "共府办发〔2026〕1号") => ({
  kind: "normative",
  title: `共青城市行政规范性文件（${docNumber}）`,
  columnId: "normative-documents",
  body: "<p>第一条 为规范……</p>",
  generatedOn: "2026-02-26",
  docNumber,
  issuingOrgan: "共青城市人民政府办公室",
  effectiveOn: "2026-03-01",
  filing: { filedWith: "共青城市司法局", filedOn: "2026-02-28", result: "passed" },
});

export const interpretation = (interprets: string) => ({
  kind: "interpretation",
  title: "图解：共青城市行政规范性文件",
  columnId: "interpretation",
  body: "<p>一、出台背景……</p>",
  generatedOn: "2026-02-27",
  interprets,
  form: "graphic",
});
