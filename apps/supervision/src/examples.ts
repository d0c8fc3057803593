/** Chinese examples for the OpenAPI document, after the seed city's 2019 evaluation. */
export const examples = {
  system: {
    year: 2019,
    level: "department",
    name: "市政府各部门2019年政务公开工作评估要点",
    indicators: [
      {
        code: "1.1",
        group: "决策公开",
        name: "重大决策征求意见及反馈",
        maxScore: 5,
        deduction: "未公开征求意见或反馈情况的，每项扣1分",
      },
      {
        code: "2.1",
        group: "主动公开",
        name: "主动公开信息在形成之日起20个工作日内公开",
        maxScore: 10,
        deduction: "每项扣5分",
        rule: { id: "proactive-timeliness", params: { deductionPerRecord: 5 } },
      },
      {
        code: "3.1",
        group: "规范性文件",
        name: "规范性文件要素齐全（文号、日期、有效性、解读关联）",
        maxScore: 6,
        deduction: "每件扣1分",
        rule: { id: "normative-completeness", params: { deductionPerRecord: 1 } },
      },
    ],
  },
  assessment: {
    indicatorSystemId: "isys_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    unitCode: "000014351",
    assessor: "第三方评估机构",
  },
  scores: {
    scores: [
      {
        indicatorCode: "1.1",
        score: 4,
        note: "重大决策意见反馈情况未公开1项",
        evidence: ["/public/v1/items?column=decision-feedback&unit=000014351"],
      },
    ],
  },
  generate: {
    deadline: "2020-01-06",
    measures: "对照扣分原因逐项整改，补齐后在原栏目发布",
    notify: true,
  },
  task: {
    unitCode: "000014351",
    indicatorCode: "1.1",
    problem: "“意见反馈”栏目未公开2019年度重大决策征求意见的采纳情况",
    measures: "补充公开征求意见采纳情况及理由",
    deadline: "2020-01-06",
  },
  progress: {
    percent: 60,
    note: "已补发2019年度意见反馈情况2条",
    evidenceItemIds: ["itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T"],
  },
  verify: { accepted: false, note: "佐证材料未体现采纳理由，请补充后重新提交" },
  round: {
    indicatorSystemId: "isys_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    assessor: "江西省政务公开第三方评估机构",
    selfAssessmentDueOn: "2019-12-13",
    notify: true,
  },
};
