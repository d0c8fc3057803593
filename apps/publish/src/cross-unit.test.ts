import { newId } from "@gov/store";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { clearReview, general, interpretation, type Json, normative, publishHarness } from "./test-client.ts";

/**
 * A unit acts only on its own items. Another unit's item is answered exactly like an item
 * that does not exist (404), whatever its state and whatever the other unit's roles, and
 * the refused request changes nothing. The office is the one exception.
 */

type H = Awaited<ReturnType<typeof publishHarness>>;
type Unit = Awaited<ReturnType<H["unit"]>>;
let h: H;
let owner: Unit;
let other: Unit;
/** The other unit's key carrying both department roles, so no route is refused for the role. */
let otherBoth: string;
let office: string;
let otherOwnDraft: Json;

type State =
  | "draft"
  | "submitted"
  | "rejected"
  | "published"
  | "published normative"
  | "revision draft"
  | "revision submitted"
  | "withdrawn"
  | "draft normative";
const items = {} as Record<State, Json>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  owner = await h.unit("000000901");
  other = await h.unit("000000902");
  otherBoth = await h.key("000000902", ["editor", "reviewer"]);
  office = await h.key("000000900", ["office"]);

  items.draft = await owner.draft(general("本单位草稿"));
  const submitted = await owner.draft(general("本单位待审核"));
  items.submitted = await owner.submit(submitted.id);
  const rejected = await owner.draft(general("本单位被退回"));
  await owner.submit(rejected.id);
  items.rejected = (
    await h.call("POST", `/items/${rejected.id}/reject`, owner.reviewer, { reason: "请补充附件" })
  ).body;
  items.published = await owner.publish(general("本单位已发布"));
  items["published normative"] = await owner.publish(normative("共府办发〔2026〕91号"));
  const revising = await owner.publish(general("本单位修订中"));
  items["revision draft"] = (await h.call("POST", `/items/${revising.id}/revise`, owner.editor)).body;
  const revisionSubmitted = await owner.publish(general("本单位修订待审"));
  await h.call("POST", `/items/${revisionSubmitted.id}/revise`, owner.editor);
  items["revision submitted"] = await owner.submit(revisionSubmitted.id);
  const withdrawn = await owner.publish(general("本单位已撤回"));
  items.withdrawn = (
    await h.call("POST", `/items/${withdrawn.id}/withdraw`, owner.reviewer, { reason: "活动取消" })
  ).body;
  items["draft normative"] = await owner.draft(normative("共府办发〔2026〕92号"));

  otherOwnDraft = await other.draft(general("另一单位自己的草稿"));
});

const states = (): [State, Json][] => Object.entries(items) as [State, Json][];

// ---------------------------------------------------------------------------------------

const tableCount = () => countTable(h.store);

/** Everything a refused request must leave as it was: each item, its history, the table. */
async function snapshot() {
  const perItem = await Promise.all(
    states().map(async ([state, { id }]) => {
      const item = await h.call("GET", `/items/${id}`, owner.editor);
      const history = await h.call("GET", `/items/${id}/history`, owner.editor);
      expect(item.status).toBe(200);
      expect(history.status).toBe(200);
      const { events, editions } = history.body as unknown as { events: unknown[]; editions: unknown[] };
      return {
        state,
        id,
        version: item.body.version,
        updatedAt: item.body.updatedAt,
        events: events.length,
        editions: editions.length,
      };
    }),
  );
  return { rows: await tableCount(), perItem };
}

type Role = "editor" | "reviewer";
type Route = { name: string; method: string; action: string | null; role: Role; body?: object };

/** Every write route on an item, each with a body its owner could send. */
const routes: Route[] = [
  {
    name: "PATCH /items/{id}",
    method: "PATCH",
    action: null,
    role: "editor",
    body: { title: "越权修改的标题" },
  },
  { name: "POST /items/{id}/submit", method: "POST", action: "submit", role: "editor" },
  {
    name: "POST /items/{id}/reject",
    method: "POST",
    action: "reject",
    role: "reviewer",
    body: { reason: "越权退回" },
  },
  {
    name: "POST /items/{id}/approve",
    method: "POST",
    action: "approve",
    role: "reviewer",
    body: clearReview,
  },
  { name: "POST /items/{id}/revise", method: "POST", action: "revise", role: "editor" },
  {
    name: "POST /items/{id}/withdraw",
    method: "POST",
    action: "withdraw",
    role: "reviewer",
    body: { reason: "越权撤回" },
  },
  {
    name: "POST /items/{id}/validity",
    method: "POST",
    action: "validity",
    role: "reviewer",
    body: { status: "repealed", on: "2026-03-02", reason: "越权废止" },
  },
];

const pathOf = (route: Route, id: string) => (route.action ? `/items/${id}/${route.action}` : `/items/${id}`);

/** The request as sent, If-Match included with the item's real version: only the unit is wrong. */
function request(route: Route, key: string, id: string, version: number) {
  return h.call(route.method, pathOf(route, id), key, route.body, { "if-match": `"${version}"` });
}

const keysOfOther = (): { label: string; key: string; roles: Role[] }[] => [
  { label: "editor", key: other.editor, roles: ["editor"] },
  { label: "reviewer", key: other.reviewer, roles: ["reviewer"] },
  { label: "editor+reviewer", key: otherBoth, roles: ["editor", "reviewer"] },
];

describe("another unit's item is as if it did not exist: every write is 404 and changes nothing", () => {
  for (const route of routes) {
    it(`${route.name} from another unit's editor, reviewer or editor+reviewer key is a 404 problem on the owner's item in every state, and changes nothing`, async () => {
      const before = await snapshot();
      // The items' live versions, so a stale If-Match can never be why a request is refused.
      const version = new Map(before.perItem.map((i) => [i.id, Number(i.version)]));
      let notFound = 0;
      for (const { label, key, roles } of keysOfOther()) {
        // What the same key gets for an id that exists nowhere: the answer must be identical.
        const missing = await request(route, key, newId("item"), 1);
        for (const [state, item] of states()) {
          const res = await request(route, key, item.id, version.get(item.id) ?? item.version);
          const where = `${route.name} by the other unit's ${label} on a ${state} item: ${res.status} ${JSON.stringify(res.body)}`;
          expect(res.headers.get("content-type"), where).toContain("application/problem+json");
          if (roles.includes(route.role)) {
            expect(res.status, where).toBe(404);
            expect(res.body, where).toMatchObject({ type: "/problems/not-found", status: 404 });
            notFound += 1;
          } else {
            // Without the route's role the key is refused before any item is read.
            expect(res.status, where).toBe(403);
          }
          expect(res.body, where).toEqual(missing.body);
        }
      }
      // Two of the three keys carry the route's role: 2 × every state.
      expect(notFound).toBe(2 * states().length);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("POST /items (and PATCH, validity) from another unit cannot reference the owner's unpublished items: the answer equals the one for a missing id, and nothing is stored", async () => {
    const before = await snapshot();
    const otherDoc = await other.publish(normative("共府办发〔2026〕93号"));
    const rowsBefore = await tableCount();
    const missingId = newId("item");
    const unpublished = (["draft", "submitted", "rejected", "withdrawn", "draft normative"] as const).map(
      (s) => items[s],
    );

    const writes: [string, (to: string) => Promise<Awaited<ReturnType<H["call"]>>>][] = [
      [
        "POST /items relatedItemIds",
        (to) => h.call("POST", "/items", other.editor, { ...general(), relatedItemIds: [to] }),
      ],
      ["POST /items interprets", (to) => h.call("POST", "/items", other.editor, interpretation(to))],
      [
        "PATCH /items/{id} relatedItemIds",
        (to) =>
          h.call(
            "PATCH",
            `/items/${otherOwnDraft.id}`,
            other.editor,
            { relatedItemIds: [to] },
            { "if-match": `"${otherOwnDraft.version}"` },
          ),
      ],
      [
        "POST /items/{id}/validity byItemId",
        (to) =>
          h.call("POST", `/items/${otherDoc.id}/validity`, other.reviewer, {
            status: "repealed",
            on: "2026-03-02",
            reason: "被废止",
            byItemId: to,
          }),
      ],
    ];
    for (const [name, write] of writes) {
      const missing = await write(missingId);
      expect(missing.status, `${name} → missing id: ${JSON.stringify(missing.body)}`).toBe(422);
      for (const target of unpublished) {
        const res = await write(target.id);
        const where = `${name} → the owner's ${target.state} item: ${res.status} ${JSON.stringify(res.body)}`;
        expect(res.status, where).toBe(422);
        expect(res.headers.get("content-type"), where).toContain("application/problem+json");
        expect(res.body, where).toEqual(missing.body);
      }
    }
    expect(await tableCount()).toBe(rowsBefore);
    expect((await other.get(otherOwnDraft.id)).version).toBe(otherOwnDraft.version);
    expect((await other.get(otherDoc.id)).version).toBe(otherDoc.version);
    const after = await snapshot();
    expect(after.perItem).toEqual(before.perItem);
  });
});

describe("another unit cannot read the owner's items either", () => {
  it("GET /items/{id} and GET /items/{id}/history from another unit's editor or reviewer are 404 in every state, as for a missing id", async () => {
    for (const key of [other.editor, other.reviewer]) {
      for (const path of ["", "/history"]) {
        const missing = await h.call("GET", `/items/${newId("item")}${path}`, key);
        expect(missing.status).toBe(404);
        for (const [state, item] of states()) {
          const res = await h.call("GET", `/items/${item.id}${path}`, key);
          const where = `GET /items/{id}${path} on a ${state} item: ${res.status} ${JSON.stringify(res.body)}`;
          expect(res.status, where).toBe(404);
          expect(res.headers.get("content-type"), where).toContain("application/problem+json");
          expect(res.body, where).toEqual(missing.body);
        }
      }
    }
  });

  it("GET /items lists the caller's own unit only: the other unit sees its own draft and none of the owner's items", async () => {
    const res = await h.call("GET", "/items?limit=100", other.editor);
    expect(res.status).toBe(200);
    const ids = (res.body.items as unknown as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(otherOwnDraft.id);
    for (const [, item] of states()) expect(ids).not.toContain(item.id);
  });
});

describe("controls: the refusals above are the unit's doing, not the requests'", () => {
  it("the office (role office) may act on another unit's item: approving the owner's submitted item is 200", async () => {
    const draft = await owner.draft(general("由市政务公开办审核"));
    const submitted = await owner.submit(draft.id);
    const read = await h.call("GET", `/items/${submitted.id}`, office);
    expect(read.status).toBe(200);
    const res = await h.call("POST", `/items/${submitted.id}/approve`, office, clearReview, {
      "if-match": `"${submitted.version}"`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      state: "published",
      unitCode: owner.code,
      review: { reviewerUnitCode: "000000900" },
    });
    const history = await h.call("GET", `/items/${submitted.id}/history`, owner.editor);
    expect((history.body.events as unknown as { action: string }[]).map((e) => e.action)).toEqual([
      "create",
      "submit",
      "approve",
    ]);
  });

  it("each route's exact request, sent by the owner's own key to an item in the state it accepts, succeeds", async () => {
    const stateFor: Record<string, () => Promise<Json>> = {
      "PATCH /items/{id}": () => owner.draft(general("对照：修改")),
      "POST /items/{id}/submit": () => owner.draft(general("对照：提交")),
      "POST /items/{id}/reject": async () => owner.submit((await owner.draft(general("对照：退回"))).id),
      "POST /items/{id}/approve": async () => owner.submit((await owner.draft(general("对照：发布"))).id),
      "POST /items/{id}/revise": () => owner.publish(general("对照：修订")),
      "POST /items/{id}/withdraw": () => owner.publish(general("对照：撤回")),
      "POST /items/{id}/validity": () => owner.publish(normative("共府办发〔2026〕94号")),
    };
    for (const route of routes) {
      const make = stateFor[route.name];
      if (!make) throw new Error(`no control state for ${route.name}`);
      const item = await make();
      const key = route.role === "editor" ? owner.editor : owner.reviewer;
      const res = await request(route, key, item.id, item.version);
      expect(res.status, `${route.name}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.version).toBe(item.version + 1);
    }
  });

  it("another unit may link to the owner's published item (the refusal is for unpublished ones only)", async () => {
    const res = await h.call("POST", "/items", other.editor, {
      ...general(),
      relatedItemIds: [items.published.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});
