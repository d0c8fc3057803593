import { describe, expect, it } from "vitest";
import { DomainError } from "./error.ts";
import {
  approveItem,
  blockingAnswers,
  CreateItemInput,
  checkPlacement,
  editItem,
  type Item,
  newItem,
  publicItem,
  rejectItem,
  submitItem,
  updateSchemaFor,
} from "./item.ts";

const t0 = "2026-03-02T02:00:00.000Z";
const clear = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };
const reviewer = { reviewerUnitCode: "000000201", reviewerKeyId: "key_x", reviewedAt: t0 };

function draft(): Item {
  const fields = CreateItemInput.parse({
    kind: "general",
    title: "关于做好2026年政务公开工作的通知",
    columnId: "decision",
    body: "<p>正文</p>",
    generatedOn: "2026-02-27",
  });
  return newItem(fields, "000000201", "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T", t0);
}

const kindOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.kind : "other";
  }
  return "none";
};

describe("disclosure item metadata", () => {
  it("defaults the catalogue metadata as the seed's portal shows it (主动公开, 常年公开, 面向全社会)", () => {
    const item = draft();
    expect(item).toMatchObject({
      disclosureMethod: "proactive",
      timeLimit: "常年公开",
      scope: "面向全社会",
      state: "draft",
      indexNumber: null,
      version: 1,
    });
  });

  it("server-owned fields are not part of what a department may write", () => {
    for (const field of ["state", "indexNumber", "version", "unitCode", "publishedAt", "id"]) {
      const result = CreateItemInput.safeParse({ ...draft(), [field]: "x" });
      expect(result.success, field).toBe(false);
    }
    expect(updateSchemaFor("general").safeParse({ kind: "budget" }).success).toBe(false);
    expect(updateSchemaFor("general").safeParse({}).success).toBe(false);
    expect(updateSchemaFor("general").safeParse({ stage: "bidding" }).success).toBe(false);
    expect(updateSchemaFor("project").safeParse({ stage: "bidding" }).success).toBe(true);
  });

  it("strings and arrays have maximum sizes", () => {
    expect(CreateItemInput.safeParse({ ...draftInput(), title: "长".repeat(301) }).success).toBe(false);
    expect(CreateItemInput.safeParse({ ...draftInput(), keywords: Array(21).fill("词") }).success).toBe(
      false,
    );
  });
});

function draftInput() {
  const { kind, title, columnId, body, generatedOn } = draft();
  return { kind, title, columnId, body, generatedOn };
}

describe("workflow draft → submitted → published", () => {
  it("each step bumps the version; only a draft may be edited or submitted", () => {
    const edited = editItem(draft(), { title: "新标题" }, t0);
    expect(edited.version).toBe(2);
    const submitted = submitItem(edited, t0);
    expect(submitted).toMatchObject({ state: "submitted", version: 3, submittedAt: t0 });
    expect(kindOf(() => editItem(submitted, { title: "x" }, t0))).toBe("conflict");
    expect(kindOf(() => submitItem(submitted, t0))).toBe("conflict");
  });

  it("rejection sends a submitted item back to draft with the reason", () => {
    const rejected = rejectItem(submitItem(draft(), t0), "请补充依据", t0);
    expect(rejected).toMatchObject({ state: "draft", rejection: { reason: "请补充依据", at: t0 } });
    expect(submitItem(rejected, t0).rejection).toBeNull();
  });

  it("保密审查: approval publishes only when no answer blocks, and records the review", () => {
    const published = approveItem(
      submitItem(draft(), t0),
      { ...clear, ...reviewer },
      "000000201/2026-0000001",
      t0,
    );
    expect(published).toMatchObject({
      state: "published",
      indexNumber: "000000201/2026-0000001",
      publishedAt: t0,
    });
    expect(published.review).toMatchObject(reviewer);
    for (const answer of Object.keys(clear)) {
      const review = { ...clear, ...reviewer, [answer]: true };
      expect(
        kindOf(() => approveItem(submitItem(draft(), t0), review, "x", t0)),
        answer,
      ).toBe("conflict");
      expect(blockingAnswers(review)).toHaveLength(1);
    }
  });

  it("a draft cannot be approved without being submitted", () => {
    expect(kindOf(() => approveItem(draft(), { ...clear, ...reviewer }, "x", t0))).toBe("conflict");
  });

  it("an item keeps the 索引号 it was first published with", () => {
    const item = { ...submitItem(draft(), t0), indexNumber: "000000201/2025-0000009" };
    expect(approveItem(item, { ...clear, ...reviewer }, "000000201/2026-0000001", t0).indexNumber).toBe(
      "000000201/2025-0000009",
    );
  });

  it("the public view hides the review answers, reviewer and internal dates", () => {
    const published = approveItem(submitItem(draft(), t0), { ...clear, ...reviewer }, "n", t0);
    const view = publicItem(published) as Record<string, unknown>;
    for (const hidden of ["review", "rejection", "submittedAt", "createdAt"])
      expect(view[hidden]).toBeUndefined();
    expect(view.indexNumber).toBe("n");
  });
});

describe("placement in the catalogue", () => {
  it("an unknown column or a kind the column does not take is unprocessable (422) on columnId", () => {
    expect(kindOf(() => checkPlacement("general", "no-such-column"))).toBe("unprocessable");
    expect(kindOf(() => checkPlacement("budget", "decision"))).toBe("unprocessable");
    expect(kindOf(() => checkPlacement("general", "decision"))).toBe("none");
  });
});

describe("editing a draft", () => {
  it("a PATCH changes only the fields it names (no defaults re-applied)", () => {
    const item = { ...draft(), keywords: ["听证"], category: "城乡建设、环境保护" };
    const changes = updateSchemaFor("general").parse({ title: "新标题" });
    expect(changes).toEqual({ title: "新标题" });
    expect(editItem(item, changes, t0)).toMatchObject({
      title: "新标题",
      keywords: ["听证"],
      category: "城乡建设、环境保护",
    });
  });
});
