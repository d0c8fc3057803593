import { CreateIndicatorSystemInput } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createIndicatorSystem, getIndicatorSystem, listIndicatorSystems } from "./indicator-systems.ts";
import { office } from "./test-supervision.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;

beforeAll(async () => {
  t = await testDeps(new Date("2019-12-20T02:00:00.000Z"));
});

describe("indicator systems", () => {
  it("a sheet is stored with its rules' default parameters written in, and listed by its own year and level only", async () => {
    const input = CreateIndicatorSystemInput.parse({
      year: 2019,
      level: "department",
      name: "市政府各部门2019年政务公开工作评估要点",
      indicators: [
        {
          code: "3",
          name: "规范性文件要素齐全",
          maxScore: 6,
          deduction: "每件扣1分",
          rule: { id: "normative-completeness" },
        },
      ],
    });
    const created = await createIndicatorSystem(t.deps, office, input);
    expect(created).toMatchObject({ maxTotal: 6, version: 1, createdAt: "2019-12-20T02:00:00.000Z" });

    const read = await getIndicatorSystem(t.deps, office, { id: created.id });
    expect(read.indicators[0]?.rule).toEqual({
      id: "normative-completeness",
      params: { deductionPerRecord: 1 },
    });
    const listed = await listIndicatorSystems(t.deps, office, { year: 2019, level: "department" });
    expect(listed.map((s) => s.id)).toEqual([created.id]);
    expect(await listIndicatorSystems(t.deps, office, { year: 2019, level: "city" })).toEqual([]);
    await expect(getIndicatorSystem(t.deps, office, { id: "isys_missing" })).rejects.toMatchObject({
      kind: "not-found",
    });
  });
});
