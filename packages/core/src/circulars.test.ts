import { beforeAll, describe, expect, it } from "vitest";
import { circularItem, circularOfYear, draftCircular } from "./circulars.ts";
import { draftItem } from "./items.ts";
import { office, supervisionDeps } from "./test-supervision.ts";

let t: Awaited<ReturnType<typeof supervisionDeps>>;

beforeAll(async () => {
  t = await supervisionDeps(new Date("2020-01-09T02:00:00.000Z"));
});

describe("circulars are drafted as every item is", () => {
  it("a circular drafted into a column that does not accept its kind is refused, as POST /items refuses it", async () => {
    const circular = await circularOfYear(t.deps, office, { year: 2019 });
    const misplaced = { ...circularItem(circular), columnId: "meetings" };
    await expect(draftItem(t.deps, office, misplaced)).rejects.toMatchObject({
      kind: "unprocessable",
      issues: [{ path: "columnId", message: "栏目“政府会议”不接受类型为general的信息" }],
    });
    expect((await t.store.items.listOfUnit(office.unitCode, { limit: 10 })).items).toEqual([]);
  });

  it("the year's circular is drafted into 监督保障 in the office's name, its audit entry saying what it is", async () => {
    const { item, created } = await draftCircular(t.deps, office, { year: 2019 });
    expect(created).toBe(true);
    expect(item).toMatchObject({
      state: "draft",
      kind: "general",
      columnId: "supervision",
      unitCode: office.unitCode,
      title: "关于2019年度政务公开工作考评结果的通报",
      createdAt: "2020-01-09T02:00:00.000Z",
    });
    expect(await t.store.items.history(item.id)).toEqual([
      expect.objectContaining({ action: "create", state: "draft", note: "2019年度考评通报" }),
    ]);
  });
});
