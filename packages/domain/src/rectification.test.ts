import { describe, expect, it } from "vitest";
import {
  type Assessment,
  applyAutoScores,
  assessmentView,
  newAssessment,
  scoreManually,
  withBaseline,
} from "./assessment.ts";
import { buildCircular, circularHtml, circularMarkdown } from "./circular.ts";
import type { DomainError } from "./error.ts";
import { type IndicatorSystem, newIndicatorSystem } from "./indicator.ts";
import { rankAssessments } from "./ranking.ts";
import {
  completeTask,
  isOverdue,
  manualTask,
  type RectificationTask,
  reportProgress,
  tasksFromAssessment,
  verifyTask,
} from "./rectification.ts";

const unit = "000014351";
const office = "000014349";
const now = "2019-12-20T02:00:00.000Z";
let serial = 0;
const id = (prefix: string) => `${prefix}_01JD6Q3Z5K8X9V2M4N7P0R${String(serial++).padStart(4, "0")}`;

const system: IndicatorSystem = newIndicatorSystem(
  {
    year: 2019,
    level: "department",
    name: "市政府各部门2019年政务公开工作评估要点",
    indicators: [
      { code: "1", name: "决策公开", maxScore: 10, deduction: "每项扣2分" },
      {
        code: "2",
        name: "主动公开时效",
        maxScore: 10,
        deduction: "每项扣5分",
        rule: { id: "proactive-timeliness", params: { deductionPerRecord: 5 } },
      },
      { code: "3", name: "规范性文件", maxScore: 5, deduction: "每缺一项要素扣1分" },
    ],
  },
  id("isys"),
  now,
);

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("expected a failure");
}

const late = { recordId: "itm_late", reason: "超过20个工作日", title: "关于某事的通知" };

function scored(): Assessment {
  const a = newAssessment(
    { indicatorSystemId: system.id, unitCode: unit, assessor: "第三方评估公司" },
    system,
    id("asmt"),
    now,
    "2019-12-20",
  );
  const manual = scoreManually(
    a,
    system,
    {
      scores: [
        { indicatorCode: "1", score: 10 },
        { indicatorCode: "3", score: 3, note: "缺少2项要素" },
      ],
    },
    office,
    now,
  );
  return applyAutoScores(
    manual,
    system,
    [{ indicatorCode: "2", score: 5, deductions: [late] }],
    { asOf: "2019-12-20" },
    office,
    now,
  );
}

describe("assessments", () => {
  it("is judged as of the end of its year, or today if earlier", () => {
    const input = { indicatorSystemId: system.id, unitCode: unit, assessor: "评估组" };
    expect(newAssessment(input, system, id("asmt"), now, "2019-12-20").asOf).toBe("2019-12-20");
    expect(newAssessment(input, system, id("asmt"), now, "2026-03-02").asOf).toBe("2019-12-31");
  });

  it("a manual score names an indicator of the system and stays within 0..its maximum", () => {
    const a = newAssessment(
      { indicatorSystemId: system.id, unitCode: unit, assessor: "评估组" },
      system,
      id("asmt"),
      now,
      "2019-12-20",
    );
    const error = failure(() =>
      scoreManually(
        a,
        system,
        {
          scores: [
            { indicatorCode: "1", score: 10.5 },
            { indicatorCode: "9", score: 1 },
            { indicatorCode: "3", score: -1 },
          ],
        },
        office,
        now,
      ),
    );
    expect(error.kind).toBe("unprocessable");
    expect(error.issues.map((i) => i.path)).toEqual([
      "scores.0.score",
      "scores.1.indicatorCode",
      "scores.2.score",
    ]);
  });

  it("shows totals, lost points and, once tasks are issued, the score before rectification", () => {
    const a = withBaseline(scored(), now);
    const after = scoreManually(
      a,
      system,
      { scores: [{ indicatorCode: "3", score: 5, note: "已补齐" }] },
      office,
      now,
    );
    const view = assessmentView(after, system);
    expect(view).toMatchObject({ total: 20, baselineTotal: 18, maxTotal: 25, scoredCount: 3 });
    expect(view.indicators.find((i) => i.code === "3")).toMatchObject({ score: 5, before: 3, lost: 0 });
    expect(view.indicators.find((i) => i.code === "2")).toMatchObject({
      score: 5,
      lost: 5,
      deductions: [late],
    });
  });
});

describe("rectification tasks", () => {
  const ids = () => id("rtask");

  it("one task per indicator that lost points, carrying the offending records", () => {
    const tasks = tasksFromAssessment(scored(), system, { deadline: "2020-01-06" }, ids, now);
    expect(tasks.map((t) => t.indicatorCode)).toEqual(["3", "2"]);
    const timeliness = tasks.find((t) => t.indicatorCode === "2") as RectificationTask;
    expect(timeliness).toMatchObject({
      unitCode: unit,
      state: "open",
      deadline: "2020-01-06",
      lostPoints: 5,
      deductions: [late],
    });
    expect(timeliness.problem).toContain("关于某事的通知：超过20个工作日");
  });

  it("grouped as the office says: only indicators that lost points, each in one group", () => {
    const tasks = tasksFromAssessment(
      scored(),
      system,
      { deadline: "2020-01-06", groups: [{ indicatorCodes: ["2", "3"] }] },
      ids,
      now,
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ indicatorCode: "2", indicatorCodes: ["2", "3"], lostPoints: 7 });
    const error = failure(() =>
      tasksFromAssessment(
        scored(),
        system,
        { deadline: "2020-01-06", groups: [{ indicatorCodes: ["1"] }, { indicatorCodes: ["2", "2"] }] },
        ids,
        now,
      ),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      "groups.0.indicatorCodes.0",
      "groups.1.indicatorCodes.1",
    ]);
  });

  it("a deadline already past is refused", () => {
    expect(
      failure(() => tasksFromAssessment(scored(), system, { deadline: "2019-12-19" }, ids, now)).kind,
    ).toBe("unprocessable");
  });

  it("open → in-progress → submitted → verified, or reopened with the office's reason", () => {
    const [task] = tasksFromAssessment(scored(), system, { deadline: "2020-01-06" }, ids, now) as [
      RectificationTask,
    ];
    const working = reportProgress(
      task,
      { percent: 60, note: "已补发2条", evidenceItemIds: ["itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T"] },
      unit,
      now,
    );
    expect(working).toMatchObject({ state: "in-progress", percent: 60 });
    expect(failure(() => reportProgress(working, { percent: 40, note: "倒退" }, unit, now)).kind).toBe(
      "unprocessable",
    );
    const submitted = completeTask(working, undefined, unit, now);
    expect(submitted).toMatchObject({ state: "submitted", percent: 100 });
    expect(failure(() => reportProgress(submitted, { percent: 100, note: "x" }, unit, now)).kind).toBe(
      "conflict",
    );
    const reopened = verifyTask(submitted, { accepted: false, note: "解读仍未关联" }, office, now);
    expect(reopened).toMatchObject({ state: "reopened", reopenReason: "解读仍未关联" });
    const again = completeTask(
      reportProgress(reopened, { percent: 100, note: "已关联" }, unit, now),
      "完成",
      unit,
      now,
    );
    expect(verifyTask(again, { accepted: true, note: "核验通过" }, office, now)).toMatchObject({
      state: "verified",
      reopenReason: null,
    });
    expect(failure(() => verifyTask(working, { accepted: true, note: "x" }, office, now)).kind).toBe(
      "conflict",
    );
  });

  it("overdue (督办): past the deadline and still with the unit; a submitted task is not", () => {
    expect(isOverdue({ state: "open", deadline: "2020-01-06" }, "2020-01-06")).toBe(false);
    expect(isOverdue({ state: "in-progress", deadline: "2020-01-06" }, "2020-01-07")).toBe(true);
    expect(isOverdue({ state: "reopened", deadline: "2020-01-06" }, "2020-01-07")).toBe(true);
    expect(isOverdue({ state: "submitted", deadline: "2020-01-06" }, "2020-01-07")).toBe(false);
    expect(isOverdue({ state: "verified", deadline: "2020-01-06" }, "2020-01-07")).toBe(false);
  });

  it("a manual task must match the assessment's unit and system", () => {
    const a = scored();
    const input = {
      unitCode: "000014352",
      indicatorCode: "1",
      problem: "问题",
      measures: "措施",
      deadline: "2020-01-06",
    };
    expect(failure(() => manualTask(input, { assessment: a, system }, ids(), now)).issues[0]?.path).toBe(
      "unitCode",
    );
    const bad = { ...input, unitCode: unit, indicatorCode: "9" };
    expect(failure(() => manualTask(bad, { assessment: a, system }, ids(), now)).issues[0]?.path).toBe(
      "indicatorCode",
    );
  });
});

describe("rankings and the circular (OGI Art. 47: 通报)", () => {
  const view = (unitCode: string, total: number) => ({
    ...assessmentView(scored(), system),
    unitCode,
    total,
    id: `asmt_${unitCode}`,
  });
  const names = new Map([
    ["A01", "财政局"],
    ["B02", "司法局"],
    ["C03", "审计局"],
  ]);

  it("ranks by score, equal scores share a rank and the next is skipped", () => {
    const rows = rankAssessments(
      [view("C03", 20), view("A01", 22), view("B02", 22)],
      names,
      [],
      "2020-01-07",
    );
    expect(rows.map((r) => [r.rank, r.unitCode])).toEqual([
      [1, "A01"],
      [1, "B02"],
      [3, "C03"],
    ]);
    expect(rows[0]).toMatchObject({ unitName: "财政局", rate: 88 });
  });

  it("the circular names overdue and reopened tasks, in escaped Markdown and escaped HTML", () => {
    const base = tasksFromAssessment(scored(), system, { deadline: "2020-01-06" }, () => id("rtask"), now);
    const overdue = { ...(base[0] as RectificationTask), unitCode: "A01" };
    const reopened = verifyTask(
      completeTask({ ...(base[1] as RectificationTask), unitCode: "B02" }, undefined, "B02", now),
      { accepted: false, note: "佐证<不足>" },
      office,
      now,
    );
    const rows = rankAssessments([view("A01", 22), view("B02", 20)], names, [], "2020-01-07");
    const circular = buildCircular({
      year: 2019,
      issuer: "共青城市人民政府办公室",
      issuedOn: "2020-01-07",
      levels: [{ level: "department", rows }],
      tasks: [overdue, reopened],
      unitNames: names,
    });
    // The reopened task is past its deadline too, so it is also overdue.
    expect(circular.summary).toEqual({ assessed: 2, tasks: 2, verified: 0, overdue: 2, reopened: 1 });
    const md = circularMarkdown(circular);
    expect(md).toContain("# 关于2019年度政务公开工作考评结果的通报");
    expect(md).toContain("| 1 | 财政局 | 22 | 25 | 88% | — |");
    expect(md).toContain("## 三、逾期未完成的整改任务");
    expect(md).toContain("司法局（指标2）：佐证&lt;不足&gt;");
    const html = circularHtml(circular);
    expect(html).toContain("<td>财政局</td>");
    expect(html).toContain("佐证&lt;不足&gt;");
    expect(html).not.toContain("<不足>");
  });

  it("a level's circular is named after the level and speaks only of the tasks of the units it assessed", () => {
    const base = tasksFromAssessment(scored(), system, { deadline: "2020-01-06" }, () => id("rtask"), now);
    const mine = { ...(base[0] as RectificationTask), unitCode: "A01" };
    const township = { ...(base[1] as RectificationTask), unitCode: "T09" };
    const rows = rankAssessments([view("A01", 22)], names, [], "2020-01-07");
    const input = {
      year: 2019,
      issuer: "共青城市人民政府办公室",
      issuedOn: "2020-01-07",
      levels: [{ level: "department" as const, rows }],
      tasks: [mine, township],
      unitNames: names,
    };
    const level = buildCircular({ ...input, level: "department" });
    expect(level.title).toBe("关于2019年度市政府各部门政务公开工作考评结果的通报");
    expect(level.summary.tasks).toBe(1);
    expect(buildCircular(input).summary.tasks).toBe(2);
  });
});
