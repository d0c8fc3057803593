import { addDays, type SubmitLetterInput } from "@gov/domain";
import { demoUnitCodes as u } from "./units.ts";

/**
 * A demo letter as the seeding receives it: the letter, the day it arrived, the unit the
 * office assigns it to, and after how many working days that unit replies (null: never).
 */
export type DemoLetter = SubmitLetterInput & {
  receivedOn: string;
  assignTo: string;
  replyAfterWorkingDays: number | null;
  reply: string;
};

/** The report's themes (金融安全、生态环境、脱贫攻坚、教育改革、食品药品) and everyday ones, each with the unit that answers it. */
const themes: { unit: string; subjects: string[]; reply: string }[] = [
  {
    unit: u.financialWork,
    subjects: ["关于防范非法集资宣传的建议", "咨询小额贷款公司监管问题", "反映某理财平台无法提现"],
    reply: "您好！您反映的问题已收悉。我办已会同相关部门核实处理，并将加强防范非法集资宣传。",
  },
  {
    unit: u.environment,
    subjects: ["反映鄱阳湖沿岸垃圾堆放问题", "关于工业园区夜间异味的投诉", "建议加强城区噪声管控"],
    reply: "您好！我局已派执法人员现场核查，责令相关单位限期整改，整改情况将持续跟踪。",
  },
  {
    unit: u.poverty,
    subjects: ["咨询脱贫户产业扶持政策", "反映扶贫项目进度问题", "关于扶贫车间用工的建议"],
    reply: "您好！您咨询的扶持政策详见我办网站“政策文件”栏目，具体事宜可到所在乡镇扶贫工作站办理。",
  },
  {
    unit: u.education,
    subjects: ["关于城区学校学位紧张的建议", "咨询义务教育入学划片政策", "反映校车接送安全问题"],
    reply: "您好！今年我市新增学位已列入计划，入学划片方案将于招生前在门户网站公开。",
  },
  {
    unit: u.market,
    subjects: ["投诉农贸市场食品安全问题", "反映药店处方药销售不规范", "关于校园周边食品摊点的建议"],
    reply: "您好！我局已对涉事经营户开展检查，依法责令整改，并将加强日常巡查。",
  },
  {
    unit: u.housing,
    subjects: ["反映老旧小区停车难问题", "咨询公租房申请条件", "关于小区物业管理的投诉"],
    reply: "您好！您反映的问题已转相关科室办理，老旧小区改造计划已将停车设施纳入。",
  },
  {
    unit: u.humanResources,
    subjects: ["咨询灵活就业人员社保缴费", "反映企业拖欠工资问题", "咨询就业创业补贴申领"],
    reply: "您好！您咨询的事项可携带身份证到市政务服务中心人社窗口办理，我局已督促企业限期支付工资。",
  },
  {
    unit: u.health,
    subjects: ["关于乡镇卫生院夜间值班的建议", "咨询城乡居民医保报销比例", "反映医院挂号排队时间长"],
    reply: "您好！我委已要求相关医疗机构优化服务流程，医保报销政策详见门户网站政策解读。",
  },
  {
    unit: u.civilAffairs,
    subjects: ["咨询最低生活保障申请程序", "关于养老服务设施建设的建议"],
    reply: "您好！低保申请可向户籍所在地乡镇（街道）提出，我局将按规定审核办理。",
  },
  {
    unit: u.naturalResources,
    subjects: ["咨询农村宅基地审批流程", "反映土地征收补偿问题"],
    reply: "您好！宅基地审批流程已在门户网站公开，征收补偿标准按省定标准执行。",
  },
  {
    unit: u.jiangyi,
    subjects: ["反映村道路灯损坏问题", "关于村组道路硬化的建议"],
    reply: "您好！乡政府已安排人员维修路灯，道路硬化已列入明年计划。",
  },
];

const surnames = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
];

const dayOf2019 = (n: number) => addDays("2019-01-01", n);

/** The report's count: "截至2019年12月，'市长信箱'收到群众来信302件，回复300件". */
export const demoLetterCounts = { received: 302, replied: 300 } as const;

/**
 * 302 letters spread evenly over 2019 and over the themes' units, deterministically. Most
 * are answered within 1–5 working days, every seventh takes 6 or 7 (late against the
 * 5-day setting), and the last two, received at the end of December, are not answered.
 */
export const demoLetters: DemoLetter[] = Array.from({ length: demoLetterCounts.received }, (_, i) => {
  const theme = themes[i % themes.length] as (typeof themes)[number];
  const subject = theme.subjects[Math.floor(i / themes.length) % theme.subjects.length] as string;
  const surname = surnames[i % surnames.length] as string;
  const unanswered = i >= demoLetterCounts.replied;
  return {
    subject,
    body: `市长您好：${subject.replace(/^(关于|反映|咨询|投诉)/, "")}，望予以关注并答复。（来信编号${2019_0000 + i + 1}）`,
    writer: {
      name: `${surname}${i % 2 ? "女士" : "先生"}`,
      phone: `1380791${String(i).padStart(4, "0")}`,
    },
    consentToPublish: i % 3 !== 0,
    unitCode: i % 4 === 0 ? theme.unit : undefined,
    receivedOn: dayOf2019(Math.floor((i * 363) / demoLetterCounts.received)),
    assignTo: theme.unit,
    replyAfterWorkingDays: unanswered ? null : i % 7 === 6 ? 6 + (i % 2) : 1 + (i % 5),
    reply: theme.reply,
  };
}).map(({ unitCode, ...letter }) => (unitCode ? { ...letter, unitCode } : letter));
