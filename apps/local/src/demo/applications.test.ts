import { testDeps } from "@gov/core/testing";
import { createPublicApp } from "@gov/public";
import { beforeAll, describe, expect, it } from "vitest";
import { issueKeys, seedApplications, seedUnits } from "../seed.ts";
import { demoApplications } from "./applications.ts";

type Statistics = {
  received: number;
  receivedByChannel: Record<string, number>;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  carriedIntoNextYear: number;
  tableThree: {
    balanced: boolean;
    newThisYear: { total: number };
    resultsTotal: { total: number };
    carriedIntoNextYear: { total: number };
  };
};

let stats2019: Statistics;
let report2019: string;
let stats2020: Statistics & { carriedOver: number };

beforeAll(async () => {
  const t = await testDeps(new Date("2019-01-02T02:00:00.000Z"));
  const units = await seedUnits(t.store, "demo");
  const credentials = await issueKeys(t.store, units, t.deps.clock());
  await seedApplications(t.deps, credentials, (time, work) => {
    t.setNow(time);
    return work();
  });
  t.setNow(new Date("2026-03-02T02:00:00.000Z"));
  const portal = createPublicApp(t.deps);
  stats2019 = (await (await portal.request("/v1/stats/applications?year=2019")).json()) as Statistics;
  stats2020 = (await (await portal.request("/v1/stats/applications?year=2020")).json()) as typeof stats2020;
  report2019 = await (await portal.request("/v1/reports/annual/2019?format=md")).text();
});

describe("the seed's 2019 applications, created through the API", () => {
  it("21 received in 2019: 10 online, 11 on paper", () => {
    expect(stats2019.received).toBe(21);
    const { online = 0, ...paper } = stats2019.receivedByChannel;
    expect(online).toBe(10);
    expect(Object.values(paper).reduce((a, b) => a + b, 0)).toBe(11);
  });

  it("13 answered, all in time; 8 still being handled and none overdue", () => {
    expect(stats2019.answered).toBe(13);
    expect(stats2019.answeredOnTime).toBe(13);
    expect(stats2019.carriedIntoNextYear).toBe(8);
    expect(stats2019.overdue).toBe(0);
  });

  it("table three adds up (一 + 二 = 三(七) + 四) and the 8 are 2020's carried-over row", () => {
    const t = stats2019.tableThree;
    expect(t.balanced).toBe(true);
    expect(t.newThisYear.total).toBe(21);
    expect(t.resultsTotal.total).toBe(13);
    expect(t.carriedIntoNextYear.total).toBe(8);
    expect(stats2020.carriedOver).toBe(8);
  });

  it("the 2019 annual report states the seed's figures: 21 received, 13 concluded, 8 carried into 2020", () => {
    expect(report2019).toContain("本年新收政府信息公开申请21件，上年结转0件，办结13件，结转下年度8件");
    expect(report2019).toMatch(/\| 四、结转下年度继续办理( \| \d+){6} \| 8 \|/);
    expect(report2019).toContain("（其中网上申请10件，其他渠道11件）");
  });

  it("the demo data holds exactly the seed's counts", () => {
    expect(demoApplications).toHaveLength(21);
    expect(demoApplications.filter((a) => a.channel === "online")).toHaveLength(10);
  });
});
