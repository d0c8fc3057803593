import { CreateItemInput } from "@gov/domain";
import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { draftItem } from "./items.ts";
import { testDeps } from "./testing.ts";

const office: Principal = { unitCode: "000014349", roles: ["office"], keyId: "key_office" };
const dept: Principal = { unitCode: "000014351", roles: ["editor"], keyId: "key_dept" };

let t: Awaited<ReturnType<typeof testDeps>>;

beforeAll(async () => {
  t = await testDeps(new Date("2020-01-09T02:00:00.000Z"));
});

const draft = (fields: Record<string, unknown>) =>
  CreateItemInput.parse({ title: "测试信息", body: "<p>正文</p>", generatedOn: "2020-01-09", ...fields });

describe("drafting an item", () => {
  it("the draft is the actor's unit's, at the clock's time, its audit entry saying who and from what", async () => {
    const item = await draftItem(t.deps, office, draft({ kind: "general", columnId: "supervision" }), {
      note: "按平台数据起草",
    });
    expect(item).toMatchObject({
      state: "draft",
      unitCode: office.unitCode,
      createdAt: "2020-01-09T02:00:00.000Z",
    });
    expect(await t.store.items.history(item.id)).toEqual([
      expect.objectContaining({ action: "create", actorKeyId: "key_office", note: "按平台数据起草" }),
    ]);
  });

  it("every draft's body is cleaned and its links checked against what its unit may see", async () => {
    const cleaned = await draftItem(
      t.deps,
      dept,
      draft({ kind: "general", columnId: "decision", body: "<p>正文</p><script>alert(1)</script>" }),
    );
    expect(cleaned.body).toBe("<p>正文</p>");
    const othersDraft = await draftItem(t.deps, office, draft({ kind: "general", columnId: "decision" }));
    const interpretation = draft({
      kind: "interpretation",
      columnId: "interpretation",
      interprets: othersDraft.id,
    });
    await expect(draftItem(t.deps, dept, interpretation)).rejects.toMatchObject({
      kind: "unprocessable",
      issues: [expect.objectContaining({ path: "interprets" })],
    });
  });
});
