import type { CreateTrainingInput } from "@gov/domain";
import { demoUnits } from "./units.ts";

/**
 * The seed's three 2019 trainings, as its rectification report tells them (二、2. 培训考核:
 * "2019年度我市共开展政务公开工作业务培训会3次"). Dates, titles, speakers and the 11-28 one's
 * 50余人 are the report's; the report gives no time, venue or head-count for the other two, so
 * those are illustrative (one person a unit at the 调度会, two at the 培训会). The annual
 * report counts all three from these records, never from a figure written in the code.
 */
export type DemoTraining = Omit<CreateTrainingInput, "materials"> & {
  /** How many of each invited unit's people came, recorded by the unit itself the day after. */
  attendance: Record<string, number>;
};

const everyUnit = demoUnits.filter((u) => u.kind !== "office").map((u) => u.code);
const each = (count: (code: string, i: number) => number) =>
  Object.fromEntries(everyUnit.map((code, i) => [code, count(code, i)]));

export const demoTrainings: DemoTraining[] = [
  {
    title: "全市政务服务暨信息化建设专题调度会",
    startsAt: "2019-04-29T15:00:00+08:00",
    venue: "市行政中心三楼会议室",
    agenda: [
      "通报信息化工作、政务服务工作有关事项",
      "市直各相关单位和乡镇（街道）围绕政务服务和信息化建设工作中的难点问题交流发言",
    ],
    speakers: [{ name: "常务副市长", affiliation: "共青城市人民政府" }],
    invitedUnitCodes: everyUnit,
    attendance: each(() => 1),
  },
  {
    title: "共青城市2019年政务公开工作培训会",
    startsAt: "2019-11-15T09:00:00+08:00",
    venue: "市行政中心三楼会议室",
    agenda: [
      "九江市政府信息办领导作指导讲话",
      "市政府办主任对培训提出要求",
      "市政府信息办负责人传达省、九江市政务公开工作培训会议精神",
    ],
    speakers: [
      { name: "九江市政府信息办领导", affiliation: "九江市人民政府办公室" },
      { name: "市政府办主任", affiliation: "共青城市人民政府办公室" },
      { name: "市政府信息办负责人", affiliation: "共青城市人民政府办公室" },
    ],
    invitedUnitCodes: everyUnit,
    attendance: each(() => 2),
  },
  {
    title: "全市政务公开工作业务交流培训会",
    startsAt: "2019-11-28T09:00:00+08:00",
    venue: "市行政中心三楼会议室",
    agenda: ["政务公开业务专题辅导", "各单位交流政务公开工作经验"],
    speakers: [{ name: "安策智库专家", affiliation: "安徽省安策智库公司" }],
    invitedUnitCodes: everyUnit,
    // 各单位、各乡镇街道办公室（综合科）和具体工作人员50余人: 53, three from the first eleven units.
    attendance: each((_, i) => (i < 11 ? 3 : 2)),
  },
];
