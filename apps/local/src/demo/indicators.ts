import type { CreateIndicatorSystemInput, Indicator } from "@gov/domain";
import { demoUnitCodes as u } from "./units.ts";

/**
 * The seed's three 2019 evaluation-point sheets (《市本级2019年政务公开工作评估要点》,
 * 《市政府各部门2019年政务公开工作评估要点》, 《乡镇（街道）2019年政务公开工作评估要点》),
 * over the areas its rectification report names: decision and execution disclosure, normative
 * documents, key areas, interpretation and response, platform, supervision and assurance,
 * applications. Scores and deduction wording follow common local sheets; each totals 100.
 * Applications answered on time, correction notices, the mailbox's replies and letters left
 * unanswered over 3 months are scored from the platform's own records (ADR 0032); what it
 * does not hold (answer quality, the annual report) is scored by hand.
 */
const per = (deductionPerRecord: number, extra: Record<string, unknown> = {}) => ({
  deductionPerRecord,
  ...extra,
});

const decision = "决策和执行公开";
const normative = "规范性文件";
const keyAreas = "重点领域信息公开";
const response = "解读回应";
const platform = "平台建设";
const assurance = "监督保障";
const applications = "依申请公开";

const city: Indicator[] = [
  {
    code: "1.1",
    group: decision,
    name: "重大决策征求意见及意见采纳情况反馈",
    maxScore: 6,
    deduction: "未公开征求意见或未反馈采纳情况的，每项扣2分",
  },
  {
    code: "1.2",
    group: decision,
    name: "政府常务会议等会议信息公开及利益相关方列席",
    maxScore: 4,
    deduction: "会议信息未公开的，每次扣1分",
  },
  {
    code: "1.3",
    group: decision,
    name: "政府工作报告重点任务分解及落实情况公开",
    maxScore: 5,
    deduction: "未公开分解或阶段性完成情况的，扣5分",
  },
  {
    code: "1.4",
    group: decision,
    name: "审计结果及整改情况公开",
    maxScore: 4,
    deduction: "未公开的，每项扣2分",
  },
  {
    code: "1.5",
    group: decision,
    name: "主动公开信息在形成或变更之日起20个工作日内公开",
    maxScore: 8,
    deduction: "每项超期扣2分",
    rule: { id: "proactive-timeliness", params: per(2) },
  },
  {
    code: "2.1",
    group: normative,
    name: "规范性文件标题、文号、发文日期、全文、解读关联、有效性等要素齐全，修改废止的已标注",
    maxScore: 8,
    deduction: "每件要素不全扣1分",
    rule: { id: "normative-completeness", params: per(1) },
  },
  {
    code: "2.2",
    group: normative,
    name: "规范性文件年度目录及清理结果公开",
    maxScore: 3,
    deduction: "未公开目录或清理结果的，扣3分",
  },
  {
    code: "3.1",
    group: keyAreas,
    name: "市本级、部门和乡镇预决算及“三公”经费在批复后20日内公开",
    maxScore: 8,
    deduction: "每项超期扣2分",
    rule: { id: "budget-timeliness", params: per(2) },
  },
  {
    code: "3.2",
    group: keyAreas,
    name: "政府债务、重大建设项目、公共资源配置信息公开",
    maxScore: 6,
    deduction: "每缺一类扣2分",
  },
  {
    code: "3.3",
    group: keyAreas,
    name: "社会救助、教育、医疗卫生、就业创业、三大攻坚战等民生领域信息公开",
    maxScore: 8,
    deduction: "每缺一个领域扣1分",
  },
  {
    code: "4.1",
    group: response,
    name: "政策解读与文件同步起草、同步审签、同步发布（三同步）",
    maxScore: 6,
    deduction: "未关联解读或解读滞后的，每件扣2分",
    rule: { id: "interpretation-timeliness", params: per(2) },
  },
  {
    code: "4.2",
    group: response,
    name: "回应关切、新闻发布会及发言人信息公开",
    maxScore: 4,
    deduction: "每缺一项扣1分",
  },
  {
    code: "4.3",
    group: response,
    name: "市长信箱来信按时回复",
    maxScore: 2,
    deduction: "超期未复每件扣1分",
    rule: { id: "mailbox-reply-rate", params: per(1) },
  },
  {
    code: "4.4",
    group: response,
    name: "无超过3个月未回复的来信（政府网站检查“互动回应差”单项否决）",
    maxScore: 2,
    deduction: "每件扣2分",
    rule: { id: "letters-unanswered", params: per(2) },
  },
  {
    code: "5.1",
    group: platform,
    name: "政府网站栏目按时更新（动态2周、通知政策6个月、按月公开的栏目每月）",
    maxScore: 6,
    deduction: "每个栏目扣1分",
    rule: { id: "column-freshness", params: per(1) },
  },
  {
    code: "5.2",
    group: platform,
    name: "无空白栏目（政府会议、回应关切、审计公开、监督保障等新增栏目）",
    maxScore: 4,
    deduction: "每个空白栏目扣1分",
    rule: {
      id: "empty-columns",
      params: per(1, {
        columnIds: ["meetings", "responses", "press-conferences", "supervision", "disclosure-rules"],
      }),
    },
  },
  {
    code: "5.3",
    group: platform,
    name: "政务新媒体整合及互动回应栏目与市长信箱联通",
    maxScore: 3,
    deduction: "未整合或未联通的，扣3分",
  },
  {
    code: "6.1",
    group: assurance,
    name: "领导小组、分管领导及专题调度",
    maxScore: 3,
    deduction: "未明确或未调度的，扣3分",
  },
  {
    code: "6.2",
    group: assurance,
    name: "政务公开业务培训（全年不少于2次）及考核通报",
    maxScore: 4,
    deduction: "每少一次扣2分",
  },
  {
    code: "7.1",
    group: applications,
    name: "依申请公开按时答复",
    maxScore: 6,
    deduction: "逾期答复每件扣6分",
    rule: { id: "applications-on-time", params: per(6) },
  },
];

const department: Indicator[] = [
  { code: "1.1", group: decision, name: "本部门重大决策征求意见及反馈", maxScore: 6, deduction: "每项扣2分" },
  {
    code: "1.2",
    group: decision,
    name: "本部门执行公开及审计整改情况公开",
    maxScore: 6,
    deduction: "每项扣2分",
  },
  {
    code: "1.3",
    group: decision,
    name: "主动公开信息在形成或变更之日起20个工作日内公开",
    maxScore: 12,
    deduction: "每项超期扣5分",
    rule: { id: "proactive-timeliness", params: per(5) },
  },
  {
    code: "2.1",
    group: normative,
    name: "规范性文件要素齐全（文号、日期、有效性、解读关联），修改废止的已标注",
    maxScore: 8,
    deduction: "每件扣1分",
    rule: { id: "normative-completeness", params: per(1) },
  },
  {
    code: "3.1",
    group: keyAreas,
    name: "部门预决算及“三公”经费在批复后20日内公开",
    maxScore: 10,
    deduction: "每项超期扣5分",
    rule: { id: "budget-timeliness", params: per(5) },
  },
  {
    code: "3.2",
    group: keyAreas,
    name: "本部门职责内重点领域信息公开全面、准确",
    maxScore: 14,
    deduction: "每缺一项扣2分",
  },
  {
    code: "4.1",
    group: response,
    name: "政策解读与文件同步（关联且及时）",
    maxScore: 8,
    deduction: "每件扣2分",
    rule: { id: "interpretation-timeliness", params: per(2) },
  },
  {
    code: "4.2",
    group: response,
    name: "涉及本部门的舆情及时回应",
    maxScore: 6,
    deduction: "未回应的每件扣2分",
  },
  {
    code: "5.1",
    group: platform,
    name: "负责栏目按时更新",
    maxScore: 10,
    deduction: "每个栏目扣2分",
    rule: { id: "column-freshness", params: per(2) },
  },
  {
    code: "5.2",
    group: platform,
    name: "政务新媒体按要求整合关停",
    maxScore: 4,
    deduction: "未整合的每个账号扣1分",
  },
  {
    code: "6.1",
    group: assurance,
    name: "明确分管领导和工作人员，参加全市培训",
    maxScore: 6,
    deduction: "未参加培训每次扣2分",
  },
  {
    code: "7.1",
    group: applications,
    name: "依申请公开按时答复",
    maxScore: 6,
    deduction: "逾期答复每件扣6分",
    rule: { id: "applications-on-time", params: per(6) },
  },
  {
    code: "7.2",
    group: applications,
    name: "补正告知在收到申请之日起7个工作日内一次性告知",
    maxScore: 4,
    deduction: "补正告知超过7个工作日每件扣2分",
    rule: { id: "correction-notice-timeliness", params: per(2) },
  },
];

const township: Indicator[] = [
  {
    code: "1.1",
    group: decision,
    name: "乡镇（街道）重大事项决策及执行情况公开",
    maxScore: 10,
    deduction: "每项扣2分",
  },
  {
    code: "1.2",
    group: decision,
    name: "主动公开信息在形成或变更之日起20个工作日内公开",
    maxScore: 10,
    deduction: "每项超期扣5分",
    rule: { id: "proactive-timeliness", params: per(5) },
  },
  {
    code: "3.1",
    group: keyAreas,
    name: "乡镇（街道）预决算及“三公”经费在批复后20日内公开",
    maxScore: 10,
    deduction: "每项超期扣5分",
    rule: { id: "budget-timeliness", params: per(5) },
  },
  {
    code: "3.2",
    group: keyAreas,
    name: "低保、五保、临时救助等社会救助对象及资金按月公开",
    maxScore: 15,
    deduction: "每缺一个月扣2分",
  },
  {
    code: "3.3",
    group: keyAreas,
    name: "脱贫攻坚项目进展及资金使用情况公开",
    maxScore: 10,
    deduction: "每缺一项扣2分",
  },
  {
    code: "3.4",
    group: keyAreas,
    name: "征地、国有土地出让等公共资源配置信息公开",
    maxScore: 5,
    deduction: "每缺一项扣1分",
  },
  {
    code: "4.1",
    group: response,
    name: "涉及本乡镇（街道）的政策解读和舆情回应",
    maxScore: 8,
    deduction: "每件扣2分",
  },
  {
    code: "5.1",
    group: platform,
    name: "负责栏目按时更新",
    maxScore: 8,
    deduction: "每个栏目扣2分",
    rule: { id: "column-freshness", params: per(2) },
  },
  {
    code: "5.2",
    group: platform,
    name: "乡镇预决算与社会救助栏目不得空白",
    maxScore: 8,
    deduction: "每个空白栏目扣4分",
    rule: {
      id: "empty-columns",
      params: per(4, { columnIds: ["fiscal-budget-townships", "social-assistance"] }),
    },
  },
  {
    code: "6.1",
    group: assurance,
    name: "明确分管领导和工作人员，参加全市培训",
    maxScore: 6,
    deduction: "未参加培训每次扣2分",
  },
  {
    code: "7.1",
    group: applications,
    name: "依申请公开按时答复",
    maxScore: 10,
    deduction: "逾期答复每件扣6分",
    rule: { id: "applications-on-time", params: per(6) },
  },
];

export const demoIndicatorSystems: CreateIndicatorSystemInput[] = [
  { year: 2019, level: "city", name: "市本级2019年政务公开工作评估要点", indicators: city },
  { year: 2019, level: "department", name: "市政府各部门2019年政务公开工作评估要点", indicators: department },
  { year: 2019, level: "township", name: "乡镇（街道）2019年政务公开工作评估要点", indicators: township },
];

/**
 * The demo round as the report describes it: the third-party evaluator scores, the office issues
 * tasks for lost points, and the round closes on 2020-01-06 (“2020年1月6日将全面完成”).
 */
export const demoAssessments = {
  assessor: "九江市政务公开第三方评估机构",
  scoredOn: "2019-12-20",
  deadline: "2020-01-06",
  units: [
    {
      level: "department" as const,
      unitCode: u.finance,
      manual: [
        { indicatorCode: "1.1", score: 4, note: "重大决策意见采纳情况反馈未公开1项" },
        { indicatorCode: "3.2", score: 12, note: "政府债务限额和余额情况未按季度更新" },
      ],
    },
    {
      level: "department" as const,
      unitCode: u.civilAffairs,
      manual: [{ indicatorCode: "3.2", score: 14 }],
    },
    {
      level: "township" as const,
      unitCode: u.ganlu,
      manual: [{ indicatorCode: "3.2", score: 11, note: "10月、11月低保资金发放情况未公开" }],
    },
  ],
};
