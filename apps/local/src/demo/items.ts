import type { CreateItemInput } from "@gov/domain";
import { demoUnits, demoUnitCodes as u } from "./units.ts";

/** `Omit` applied to each member of a union, so the `kind` discriminant keeps its variants apart. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A demo item as the seeding receives it. Ids are allocated at seed time, so links are written
 * as refs: `ref` names the item, `interpretsRef` and `relatedRefs` name earlier items by their
 * `ref`, and the seeding replaces them by those items' ids (`interprets`, `relatedItemIds`).
 */
export type DemoItem = DistributiveOmit<CreateItemInput, "interprets" | "relatedItemIds"> & {
  unitCode: string;
  ref?: string;
  interpretsRef?: string;
  relatedRefs?: string[];
};

/** Plain strings become paragraphs; strings that already are HTML (tables, headings) pass through. */
const html = (...blocks: string[]) => blocks.map((b) => (b.startsWith("<") ? b : `<p>${b}</p>`)).join("\n");

const table = (head: string[], rows: (string | number)[][]) =>
  [
    "<table>",
    `<thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody>`,
    "</table>",
  ].join("");

/**
 * The six normative documents filed with the 司法局 in 2019, as the report counts them. The
 * filing dates (备案审查) are illustrative.
 */
const normative = {
  socialAssistance: {
    ref: "norm-2019-1",
    docNumber: "共府发〔2019〕3号",
    name: "共青城市社会救助暂行办法",
    on: "2019-02-26",
    filedOn: "2019-03-08",
  },
  employmentSubsidy: {
    ref: "norm-2019-2",
    docNumber: "共府办发〔2019〕27号",
    name: "共青城市就业创业补贴资金管理办法",
    on: "2019-04-18",
    filedOn: "2019-04-29",
  },
  debtDisclosure: {
    ref: "norm-2019-3",
    docNumber: "共府办发〔2019〕35号",
    name: "共青城市政府债务信息公开办法",
    on: "2019-05-21",
    filedOn: "2019-05-31",
  },
  parking: {
    ref: "norm-2019-4",
    docNumber: "共府办发〔2019〕41号",
    name: "共青城市城区停车管理办法",
    on: "2019-06-20",
    filedOn: "2019-06-28",
  },
  investment: {
    ref: "norm-2019-5",
    docNumber: "共府办发〔2019〕56号",
    name: "共青城市政府投资项目管理办法",
    on: "2019-08-12",
    filedOn: "2019-08-22",
  },
  ruralWaste: {
    ref: "norm-2019-6",
    docNumber: "共府办发〔2019〕68号",
    name: "共青城市农村生活垃圾治理长效管护办法",
    on: "2019-09-26",
    filedOn: "2019-10-11",
  },
} as const;

type NormativeKey = keyof typeof normative;

const filingOrgan = "共青城市司法局";

// 有效性 is the server's: a new normative document starts out effective.
function normativeDocument(
  key: NormativeKey,
  issuer: string,
  paragraphs: string[],
  relatedRefs?: string[],
): DemoItem {
  const doc = normative[key];
  return {
    unitCode: u.office,
    ref: doc.ref,
    kind: "normative",
    columnId: "normative-documents",
    title: `${issuer}关于印发《${doc.name}》的通知`,
    docNumber: doc.docNumber,
    issuingOrgan: issuer,
    generatedOn: doc.on,
    effectiveOn: doc.on,
    filing: { filedWith: filingOrgan, filedOn: doc.filedOn, result: "passed" },
    ...(relatedRefs ? { relatedRefs } : {}),
    keywords: ["规范性文件", doc.name],
    body: html(
      `各乡镇人民政府、街道办事处，市政府各部门：`,
      `现将《${doc.name}》印发给你们，请认真贯彻执行。`,
      ...paragraphs,
    ),
  };
}

const interpretationForms = { 文字解读: "text", 图解: "graphic" } as const;

// 三同步: each interpretation is dated with its document and published by the drafting
// department; `generatedOn` is given only for one that lagged behind its document.
function interpretation(
  key: NormativeKey,
  unitCode: string,
  form: keyof typeof interpretationForms,
  paragraphs: string[],
  generatedOn: string = normative[key].on,
): DemoItem {
  const doc = normative[key];
  return {
    unitCode,
    ref: doc.ref.replace("norm-", "interp-"),
    kind: "interpretation",
    interpretsRef: doc.ref,
    form: interpretationForms[form],
    columnId: "interpretation",
    title: form === "图解" ? `图解：《${doc.name}》` : `《${doc.name}》政策解读`,
    generatedOn,
    keywords: ["政策解读", doc.name],
    body: html(
      `<h3>一、出台背景</h3>`,
      paragraphs[0] ?? "",
      `<h3>二、主要依据</h3>`,
      paragraphs[1] ?? "",
      `<h3>三、核心内容</h3>`,
      ...paragraphs.slice(2),
      `解读机关：${demoUnits.find((unit) => unit.code === unitCode)?.name}。原文见“规范性文件”栏目（${doc.docNumber}）。`,
    ),
  };
}

function departmentBudget(
  unitCode: string,
  columnId: "fiscal-budget-departments" | "fiscal-budget-townships",
  unitName: string,
  generatedOn: string,
  approvedOn: string,
  total: number,
  threePublic: { reception: number; vehicleRunning: number; vehiclePurchase: number },
): DemoItem {
  const sum = threePublic.reception + threePublic.vehicleRunning + threePublic.vehiclePurchase;
  return {
    unitCode,
    kind: "budget",
    columnId,
    title: `${unitName}2019年度部门预算`,
    generatedOn,
    fiscalYear: 2019,
    budgetType: "budget",
    approvedOn,
    includesThreePublic: true,
    category: "财政、金融、审计",
    keywords: ["部门预算", "三公经费"],
    summary: `${unitName}2019年度收支预算总计${total.toFixed(2)}万元，“三公”经费预算${sum.toFixed(2)}万元。`,
    body: html(
      `<h3>一、部门基本情况</h3>`,
      `根据《中华人民共和国预算法》第十四条，经本级人民代表大会批准的预算于批复后二十日内向社会公开。现将${unitName}2019年度部门预算公开如下。`,
      `<h3>二、收支预算总体情况</h3>`,
      `2019年度收支预算总计${total.toFixed(2)}万元，全部为一般公共预算财政拨款，其中基本支出${(total * 0.62).toFixed(2)}万元、项目支出${(total * 0.38).toFixed(2)}万元。`,
      `<h3>三、“三公”经费预算情况</h3>`,
      table(
        ["项目", "2019年预算（万元）"],
        [
          ["因公出国（境）费", "0.00"],
          ["公务接待费", threePublic.reception.toFixed(2)],
          ["公务用车运行维护费", threePublic.vehicleRunning.toFixed(2)],
          ["公务用车购置费", threePublic.vehiclePurchase.toFixed(2)],
          ["合计", sum.toFixed(2)],
        ],
      ),
      `“三公”经费预算较上年有所下降，主要是严格执行中央八项规定精神，压减公务接待和公务用车支出。`,
    ),
  };
}

function monthlyPayment(
  columnId: "social-assistance" | "social-welfare",
  month: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11,
  what: string,
  rows: (string | number)[][],
): DemoItem {
  // Published early the following month, once the month's payments are made.
  const next = `2019-${String(month + 1).padStart(2, "0")}-08`;
  return {
    unitCode: u.civilAffairs,
    kind: "general",
    columnId,
    title: `2019年${month}月共青城市${what}发放情况`,
    generatedOn: next,
    category: "民政、扶贫、救灾",
    keywords: [what, "资金发放"],
    body: html(
      `现将2019年${month}月全市${what}发放情况公示如下，接受社会监督。`,
      table(["乡镇（街道）", "保障户数", "保障人数", "发放金额（元）"], rows),
      `对公示内容有异议的，可在公示之日起7日内向共青城市民政局社会救助股反映。`,
    ),
  };
}

// Counts per 乡镇（街道）; the city's totals are not in the report, so these are illustrative.
const townships = ["茶山街道", "甘露镇", "江益镇", "金湖乡", "苏家垱乡", "泽泉乡"];
const paymentRows = (households: number[], perPerson: number) =>
  townships.map((name, i) => {
    const h = households[i] ?? 0;
    const people = Math.round(h * 1.6);
    return [name, h, people, people * perPerson];
  });

/**
 * What 共青城市 published in 2019, taken from its rectification report: every title the report
 * names, in the columns it names. Figures the report gives are its own; other figures are
 * illustrative.
 */
export const demoItems: DemoItem[] = [
  // 决策公开
  {
    unitCode: u.office,
    kind: "general",
    columnId: "decision",
    title: "共青城市重大行政决策听证制度",
    generatedOn: "2019-03-12",
    keywords: ["重大行政决策", "听证"],
    summary: "规定涉及群众切身利益的重大行政决策事项应当举行听证，以及听证的组织、程序和结果运用。",
    body: html(
      `第一条　为增强民主政治建设，坚持依法行政，预防重大决策失误，提高工作透明度，根据有关法律法规，结合本市实际，制定本制度。`,
      `第二条　市人民政府作出涉及群众切身利益、社会关注度高的重大行政决策，应当举行听证。听证由决策承办单位组织，听证会应当公开举行。`,
      `第三条　听证会举行前十日，组织单位应当通过政府网站公告听证事项、时间、地点和参加人遴选办法。听证参加人应当包括利益相关方代表、专家和人大代表、政协委员。`,
      `第四条　听证意见及采纳情况应当作为决策的重要依据，并在“决策公开”栏目向社会公布。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "decision",
    title: "共青城市民意调查制度（试行）",
    generatedOn: "2019-03-12",
    keywords: ["民意调查", "重大决策"],
    body: html(
      `为在重大决策过程中充分了解民情、反映民意、集中民智，提高决策的科学化、民主化水平，制定本制度。`,
      `市政府重大决策事项，除依法应当保密的以外，决策前应当通过政府网站、问卷、座谈会等形式开展民意调查。民意调查结果应当形成书面报告，随决策草案一并提交市政府常务会议审议。`,
      `本制度自印发之日起试行。`,
    ),
  },
  {
    unitCode: u.housing,
    kind: "general",
    columnId: "decision-consultation",
    ref: "parking-consultation",
    title: "关于公开征求《共青城市城区停车管理办法（征求意见稿）》意见的公告",
    generatedOn: "2019-04-22",
    timeLimit: "限时公开",
    keywords: ["征求意见", "停车管理"],
    body: html(
      `为规范城区停车秩序，缓解停车难问题，市住房和城乡建设局起草了《共青城市城区停车管理办法（征求意见稿）》，现向社会公开征求意见。`,
      `征求意见时间为2019年4月22日至2019年5月21日。社会各界可通过政府网站留言、电子邮件或信函等方式提出意见和建议，信函请注明“停车管理办法意见”字样。`,
      `我局将认真研究各方意见，并在“意见反馈”栏目公布意见采纳情况。`,
    ),
  },
  {
    unitCode: u.housing,
    kind: "general",
    columnId: "decision-feedback",
    ref: "parking-feedback",
    title: "《共青城市城区停车管理办法（征求意见稿）》征求意见采纳情况的反馈",
    relatedRefs: ["parking-consultation"],
    generatedOn: "2019-06-03",
    keywords: ["意见反馈", "停车管理"],
    body: html(
      `2019年4月22日至5月21日，《共青城市城区停车管理办法（征求意见稿）》面向社会公开征求意见，期间共收到有效意见和建议9条，并召开座谈会听取了商户和居民代表意见。`,
      `经研究，采纳6条，部分采纳1条，未采纳2条。采纳的意见主要涉及增设学校、医院周边临时停车泊位，明确居民小区内部停车收费由业主共同决定等内容；未采纳的意见主要是涉及上位法已有明确规定的事项。`,
      `感谢社会各界对本市城区停车管理工作的关心和支持。`,
    ),
  },

  // 执行公开
  {
    unitCode: u.office,
    kind: "general",
    columnId: "government-work-report",
    ref: "work-report-tasks-2019",
    title: "2019年省、九江市、市政府工作报告重点工作责任分工的通知",
    generatedOn: "2019-03-08",
    docNumber: "共府办字〔2019〕9号",
    keywords: ["政府工作报告", "责任分工"],
    body: html(
      `各乡镇人民政府、街道办事处，市政府各部门：`,
      `为确保2019年省政府、九江市政府和市政府工作报告确定的各项目标任务落到实处，经市政府同意，现将重点工作进行任务分解，明确执行措施、实施步骤、责任分工和监督方式。`,
      `各牵头单位要于每季度末5日前将工作进展情况报市政府办公室，市政府办公室汇总后在“执行公开”栏目公布阶段性完成情况。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "government-work-report",
    title: "共青城市2019年政府工作报告重点工作前三季度完成情况",
    relatedRefs: ["work-report-tasks-2019"],
    generatedOn: "2019-10-15",
    keywords: ["政府工作报告", "执行情况"],
    body: html(
      `按照《2019年省、九江市、市政府工作报告重点工作责任分工的通知》要求，现将前三季度重点工作完成情况公布如下。`,
      `“放管服”改革方面，全面推行“一窗式”集中受理和“五个一”审批新模式，企业开办最快100分钟办结；民生保障方面，城乡低保、特困供养等救助资金按月足额发放；脱贫攻坚方面，对全市1192户建档立卡贫困户实现政策宣传全覆盖。`,
      `对进度滞后的事项，市政府办公室已下发督办单，要求责任单位制定赶进措施，确保年底前全面完成。`,
    ),
  },
  {
    unitCode: u.health,
    kind: "general",
    columnId: "execution-tracking",
    title: "共青城市地方病防治十三五中期评估报告",
    generatedOn: "2019-01-18",
    category: "卫生、体育",
    keywords: ["地方病防治", "十三五", "中期评估"],
    body: html(
      `根据《江西省地方病防治“十三五”规划》要求，市卫生健康委员会组织对本市地方病防治工作开展中期评估。`,
      `评估显示，本市碘缺乏病持续保持消除状态，居民户合格碘盐食用率保持在90%以上；血吸虫病防治各项指标达到规划中期目标。`,
      `下一步，将继续巩固防治成果，加强重点人群监测，确保“十三五”规划目标如期实现。`,
    ),
  },
  {
    unitCode: u.development,
    kind: "general",
    columnId: "execution-tracking",
    title: "关于共青城市国民经济和社会发展第十三个五年规划纲要实施中期评估的报告",
    generatedOn: "2018-11-20",
    category: "国民经济管理、国有资产监管",
    keywords: ["十三五规划", "中期评估"],
    body: html(
      `按照市人大常委会要求，市发展和改革委员会组织开展了《共青城市国民经济和社会发展第十三个五年规划纲要》实施中期评估。`,
      `评估认为，规划实施以来，全市经济保持平稳较快增长，产业结构持续优化，城乡面貌明显改善，规划确定的主要指标总体进展顺利。`,
      `同时，部分指标进度滞后，需在后半期加大工作力度。报告对规划后半期的重点任务和保障措施提出了建议。`,
    ),
  },

  // 规范性文件: the six of 2019, the cleanup and the catalogue
  normativeDocument("socialAssistance", "共青城市人民政府", [
    `本办法所称社会救助，包括最低生活保障、特困人员供养、受灾人员救助、医疗救助、教育救助、住房救助、就业救助和临时救助。`,
    `社会救助遵循公开、公平、公正、及时的原则。申请条件、办理程序和救助结果应当在“社会救助”栏目公开，资金发放情况按月公布。`,
  ]),
  normativeDocument("employmentSubsidy", "共青城市人民政府办公室", [
    `本办法适用于市级就业补助资金用于职业培训补贴、社会保险补贴、公益性岗位补贴、就业见习补贴和高校毕业生生活补贴等支出。`,
    `补贴资金实行“谁申请、谁负责”，享受补贴的单位和个人名单在“就业创业”栏目公示。`,
  ]),
  normativeDocument("debtDisclosure", "共青城市人民政府办公室", [
    `本办法所称政府债务信息，包括地方政府债务限额、余额、举借、使用、偿还等情况。`,
    `市财政局应当于每年市本级预算批准后二十日内公开本级政府债务限额和余额情况，并在“政府债务”栏目集中公布。`,
  ]),
  normativeDocument(
    "parking",
    "共青城市人民政府办公室",
    [
      `本办法适用于本市城区范围内公共停车场、道路停车泊位和专用停车场的规划、建设和管理。`,
      `道路停车泊位的设置和收费标准应当向社会公布，学校、医院周边应当设置临时停车泊位。`,
    ],
    ["parking-consultation", "parking-feedback"],
  ),
  normativeDocument("investment", "共青城市人民政府办公室", [
    `本办法适用于使用财政资金的固定资产投资建设项目。`,
    `政府投资项目的审批、招标投标、施工和竣工等信息，应当按照重大建设项目信息公开的要求在“重大建设项目”栏目公开。`,
  ]),
  normativeDocument("ruralWaste", "共青城市人民政府办公室", [
    `本办法所称农村生活垃圾治理，包括垃圾的收集、转运、处理和设施的长效管护。`,
    `各乡镇人民政府、街道办事处是本辖区农村生活垃圾治理的责任主体，管护经费纳入财政预算。`,
  ]),
  {
    unitCode: u.justice,
    kind: "general",
    columnId: "normative-documents",
    ref: "norm-cleanup-2019",
    title: "关于2018—2019年度规范性文件清理结果的公告",
    generatedOn: "2019-10-28",
    category: "公安、安全、司法",
    keywords: ["规范性文件", "清理"],
    body: html(
      `根据有关规定，市司法局于2019年10月对本市2018—2019年度制定的规范性文件进行了全面清理。`,
      `经清理，本市2018—2019年度规范性文件均继续有效，未有需要修改、废止或宣布失效的规范性文件。`,
      `清理结果已在各规范性文件的有效性标识中同步更新。`,
    ),
  },
  {
    unitCode: u.justice,
    kind: "general",
    columnId: "normative-documents",
    ref: "norm-catalogue-2019",
    title: "共青城市2019年规范性文件目录",
    relatedRefs: [
      "norm-2019-1",
      "norm-2019-2",
      "norm-2019-3",
      "norm-2019-4",
      "norm-2019-5",
      "norm-2019-6",
      "norm-cleanup-2019",
    ],
    generatedOn: "2019-12-10",
    category: "公安、安全、司法",
    keywords: ["规范性文件", "目录"],
    body: html(
      `2019年度经市司法局备案审查的规范性文件共6个，目录如下。`,
      table(
        ["序号", "文件名称", "文号", "发文日期", "有效性"],
        Object.values(normative).map((d, i) => [i + 1, d.name, d.docNumber, d.on, "有效"]),
      ),
    ),
  },

  // 政策解读
  interpretation("socialAssistance", u.civilAffairs, "文字解读", [
    `为进一步完善社会救助体系，保障困难群众基本生活，根据国务院《社会救助暂行办法》和省有关规定，结合本市实际，制定本办法。`,
    `《社会救助暂行办法》（国务院令第649号）、《江西省最低生活保障办法》等。`,
    `明确了八类社会救助的申请条件和办理程序，规定救助对象、救助标准和资金发放情况按月公开。`,
    `建立“一门受理、协同办理”机制，群众可向户籍所在地乡镇人民政府（街道办事处）提出申请。`,
  ]),
  interpretation("employmentSubsidy", u.humanResources, "文字解读", [
    `为规范就业补助资金管理，提高资金使用效益，根据《江西省就业补助资金管理办法》，结合本市实际，制定本办法。`,
    `《江西省就业补助资金管理办法》及省人社厅、省财政厅有关文件。`,
    `明确了职业培训补贴、社会保险补贴、公益性岗位补贴等补贴的对象、标准和申领流程。`,
  ]),
  interpretation("debtDisclosure", u.finance, "图解", [
    `为规范政府债务管理，增强政府债务信息透明度，防范化解政府债务风险，制定本办法。`,
    `《中华人民共和国预算法》、《国务院关于加强地方政府性债务管理的意见》等。`,
    `一图读懂：债务限额和余额每年公开；新增债券的使用项目逐项公开；还本付息情况随决算公开。`,
  ]),
  interpretation("parking", u.housing, "图解", [
    `随着城区机动车保有量快速增长，停车难、乱停车问题日益突出，群众反映强烈。`,
    `《中华人民共和国道路交通安全法》、《江西省城市管理条例》等。`,
    `一图读懂：哪些地方可以设置道路停车泊位；收费标准如何确定；学校、医院周边临时停车怎么管。`,
  ]),
  // The one that lagged: published a week after its document, past the 三同步 limit.
  interpretation(
    "investment",
    u.development,
    "文字解读",
    [
      `为规范政府投资行为，提高政府投资效益，根据国务院《政府投资条例》，结合本市实际，制定本办法。`,
      `《政府投资条例》（国务院令第712号）。`,
      `明确了政府投资项目的决策程序、审批权限、建设管理和监督检查，规定项目信息全流程公开。`,
    ],
    "2019-08-19",
  ),
  interpretation("ruralWaste", u.housing, "文字解读", [
    `农村人居环境整治开展以来，本市农村生活垃圾收运处理体系基本建成，但“重建设、轻管护”的问题仍然存在。`,
    `《农村人居环境整治三年行动方案》及省有关农村生活垃圾治理的规定。`,
    `明确乡镇（街道）为管护责任主体，建立“村收集、乡镇转运、市处理”的收运体系，管护经费纳入财政预算，管护情况纳入年度考核。`,
  ]),

  // 建议提案办理
  {
    unitCode: u.office,
    kind: "general",
    columnId: "npc-suggestions",
    title: "共青城市第二届人民代表大会第四次会议代表建议、批评和意见办理情况",
    generatedOn: "2019-09-20",
    keywords: ["人大代表建议", "办理结果"],
    body: html(
      `市第二届人民代表大会第四次会议期间，代表们围绕经济发展、城市建设、民生保障等方面提出建议、批评和意见。`,
      `市政府高度重视，按照反映问题的管理权限确定承办单位，各承办单位用心、用力、用情办理，所有建议均已在规定时限内办理完毕并答复代表。`,
      `下一步，对已列入计划逐步解决的事项，承办单位将继续跟踪落实，确保办理实效。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "cppcc-proposals",
    title: "共青城市人民政府关于共青城市政协第二届第四次会议委员提案办理的情况",
    generatedOn: "2019-09-20",
    keywords: ["政协委员提案", "办理结果"],
    body: html(
      `市政协第二届第四次会议交由市政府办理的委员提案，已全部办理完毕并答复提案人。`,
      `办理过程中，各承办单位主动与提案委员沟通，通过走访、座谈等方式听取意见，提案涉及的教育、医疗、交通等问题已逐步推动解决。`,
    ),
  },

  // 财政信息
  {
    unitCode: u.finance,
    kind: "budget",
    columnId: "fiscal-budget-city",
    title: "关于共青城市2018年财政预算执行情况和2019年财政预算草案的报告（书面）",
    generatedOn: "2019-01-25",
    fiscalYear: 2019,
    budgetType: "budget",
    approvedOn: "2019-01-18",
    includesThreePublic: false,
    category: "财政、金融、审计",
    keywords: ["预算执行", "预算草案"],
    body: html(
      `<h3>一、2018年财政预算执行情况</h3>`,
      `2018年，在市委的坚强领导和市人大的监督支持下，全市财政部门认真落实积极的财政政策，全年财政收支预算执行情况良好。`,
      `<h3>二、2019年财政预算草案</h3>`,
      `2019年预算安排坚持“保工资、保运转、保基本民生”，严控一般性支出，“三公”经费只减不增。`,
      `本报告经市第二届人民代表大会第四次会议审查批准后，按照预算法第十四条在二十日内向社会公开。`,
    ),
  },
  departmentBudget(
    u.finance,
    "fiscal-budget-departments",
    "共青城市财政局",
    "2019-02-20",
    "2019-02-12",
    1286.45,
    {
      reception: 6.2,
      vehicleRunning: 12.4,
      vehiclePurchase: 0,
    },
  ),
  departmentBudget(
    u.education,
    "fiscal-budget-departments",
    "共青城市教育体育局",
    "2019-02-20",
    "2019-02-12",
    18652.3,
    {
      reception: 4.5,
      vehicleRunning: 8.6,
      vehiclePurchase: 0,
    },
  ),
  // Approved by the 镇人大 in January but published late in February: past the 20 days of 预算法 Art. 14.
  departmentBudget(
    u.ganlu,
    "fiscal-budget-townships",
    "共青城市甘露镇人民政府",
    "2019-02-22",
    "2019-01-31",
    2135.8,
    {
      reception: 5.8,
      vehicleRunning: 9.2,
      vehiclePurchase: 0,
    },
  ),
  {
    unitCode: u.civilAffairs,
    kind: "budget",
    columnId: "fiscal-budget-departments",
    title: "共青城市民政局2018年度部门决算",
    generatedOn: "2019-08-26",
    fiscalYear: 2018,
    budgetType: "final-accounts",
    approvedOn: "2019-08-16",
    includesThreePublic: true,
    category: "财政、金融、审计",
    keywords: ["部门决算", "三公经费"],
    body: html(
      `根据市财政局批复，现将共青城市民政局2018年度部门决算公开如下。`,
      `2018年度收入总计3862.17万元，支出总计3840.55万元，主要用于城乡最低生活保障、特困人员供养、临时救助等社会救助支出。`,
      `2018年度“三公”经费支出合计9.86万元，比预算减少1.34万元，主要是压减公务接待支出。`,
    ),
  },
  {
    unitCode: u.finance,
    kind: "budget",
    columnId: "fiscal-three-public",
    title: "共青城市2019年市本级“三公”经费预算情况说明",
    generatedOn: "2019-02-20",
    fiscalYear: 2019,
    budgetType: "budget",
    approvedOn: "2019-02-12",
    includesThreePublic: true,
    category: "财政、金融、审计",
    keywords: ["三公经费"],
    body: html(
      `2019年市本级“三公”经费财政拨款预算总体比上年下降，其中因公出国（境）费零安排。`,
      `“三公”经费预算下降的主要原因是严格执行中央八项规定精神，压缩公务接待规模，推进公务用车制度改革。`,
      `各部门“三公”经费预算情况见各部门2019年度部门预算。`,
    ),
  },
  {
    unitCode: u.finance,
    kind: "general",
    columnId: "fiscal-debt",
    title: "2018年共青城市专项债务余额和限额情况表",
    generatedOn: "2019-02-25",
    category: "财政、金融、审计",
    keywords: ["政府债务", "专项债务"],
    body: html(
      `按照《共青城市政府债务信息公开办法》，现将2018年末本市专项债务余额和限额情况公开如下。`,
      table(
        ["项目", "金额（亿元）"],
        [
          ["2018年专项债务限额", "12.60"],
          ["2018年末专项债务余额", "11.85"],
        ],
      ),
      `专项债务余额控制在限额以内。`,
    ),
  },
  {
    unitCode: u.finance,
    kind: "general",
    columnId: "fiscal-debt",
    title: "2018年共青城市地方政府债务情况",
    generatedOn: "2019-02-25",
    category: "财政、金融、审计",
    keywords: ["政府债务"],
    body: html(
      `2018年末，本市地方政府债务余额控制在省财政厅核定的限额以内，债务风险总体可控。`,
      `2018年本市新增政府债券资金主要用于棚户区改造、市政基础设施和农村公路等公益性项目。`,
    ),
  },
  {
    unitCode: u.finance,
    kind: "general",
    columnId: "fiscal-debt",
    title: "共青城市2019年度政府性债务情况",
    generatedOn: "2019-12-16",
    category: "财政、金融、审计",
    keywords: ["政府性债务"],
    body: html(
      `2019年，本市严格落实政府债务限额管理和预算管理，坚决遏制隐性债务增量。`,
      `截至2019年11月末，本市政府性债务余额在限额以内，各项还本付息资金按时足额偿还，未发生逾期。`,
    ),
  },
  {
    unitCode: u.finance,
    kind: "general",
    columnId: "fiscal-performance",
    title: "2018年绩效评价报告",
    generatedOn: "2019-07-30",
    category: "财政、金融、审计",
    keywords: ["绩效评价"],
    body: html(
      `按照全面实施预算绩效管理的要求，市财政局对2018年度部分重点项目支出开展了绩效评价。`,
      `评价结果显示，大部分项目能够按计划实施，资金使用基本规范，较好地实现了预期目标；个别项目存在绩效目标不够细化、资金拨付进度偏慢等问题。`,
      `评价结果已反馈项目单位并作为以后年度预算安排的重要依据。`,
    ),
  },
  {
    unitCode: u.finance,
    kind: "general",
    columnId: "fiscal-performance",
    title: "全市2020年度预算绩效目标编审工作的通知",
    generatedOn: "2019-11-25",
    category: "财政、金融、审计",
    keywords: ["绩效目标", "预算编制"],
    body: html(
      `市直各部门、各乡镇（街道）：`,
      `为做好2020年度预算绩效目标编审工作，请各单位在编制2020年部门预算的同时，按项目填报绩效目标，做到绩效目标与预算同步编制、同步审核、同步批复。`,
      `请于2019年12月20日前将绩效目标报送市财政局。`,
    ),
  },

  // 重大建设项目
  {
    unitCode: u.development,
    kind: "general",
    columnId: "major-projects",
    title: "共青城市2019年度重大项目建设目录",
    generatedOn: "2019-03-05",
    category: "国民经济管理、国有资产监管",
    keywords: ["重大项目", "目录"],
    body: html(
      `经市政府同意，现将共青城市2019年度重大项目建设目录予以公布。`,
      `目录涵盖产业发展、基础设施、社会民生、生态环保等领域。各项目的批准服务、批准结果、招标投标、征收土地、重大设计变更、施工、质量安全监督和竣工等信息，由项目单位和主管部门在“重大建设项目”栏目对应子栏目公开。`,
    ),
  },
  {
    unitCode: u.approval,
    kind: "project",
    columnId: "project-approval-service",
    title: "共青城市政府投资项目审批办事指南",
    projectName: "政府投资项目审批（通用）",
    stage: "approval-service",
    generatedOn: "2019-04-02",
    keywords: ["项目审批", "办事指南"],
    body: html(
      `一、适用范围：使用政府资金的固定资产投资项目的项目建议书、可行性研究报告和初步设计审批。`,
      `二、申请材料：申请文件、项目可行性研究报告、规划选址和用地预审意见等。`,
      `三、办理时限：可行性研究报告审批10个工作日。项目单位可在市政务服务中心综合受理窗口或江西省政务服务网申请，也可申请免费代办服务。`,
    ),
  },
  {
    unitCode: u.approval,
    kind: "project",
    columnId: "project-approval-result",
    title: "关于共青城市城南污水处理厂提标改造工程可行性研究报告的批复",
    ref: "project-cnws-approval",
    projectName: "共青城市城南污水处理厂提标改造工程",
    stage: "approval-result",
    generatedOn: "2019-05-14",
    docNumber: "共审批字〔2019〕36号",
    keywords: ["可行性研究报告", "批复", "污水处理"],
    body: html(
      `共青城市住房和城乡建设局：`,
      `你局报来的《共青城市城南污水处理厂提标改造工程可行性研究报告》收悉。经研究，同意该项目建设，出水水质由一级B标准提升至一级A标准。`,
      `项目资金由市财政安排解决。请严格按照批复内容组织实施，依法进行招标投标。`,
    ),
  },
  {
    unitCode: u.housing,
    kind: "project",
    columnId: "project-bidding",
    title: "共青城市城南污水处理厂提标改造工程施工中标结果公示",
    ref: "project-cnws-bidding",
    projectName: "共青城市城南污水处理厂提标改造工程",
    stage: "bidding",
    relatedRefs: ["project-cnws-approval"],
    generatedOn: "2019-07-09",
    keywords: ["招标投标", "中标公示"],
    body: html(
      `共青城市城南污水处理厂提标改造工程施工项目已于2019年7月5日在江西省公共资源交易网公开开标，经评标委员会评审，中标候选人名单及排序已同步在江西省公共资源交易网公示。`,
      `公示期为3日。投标人或者其他利害关系人对评标结果有异议的，应当在公示期内向招标人提出。`,
    ),
  },
  {
    unitCode: u.naturalResources,
    kind: "project",
    columnId: "project-land-acquisition",
    title: "共青城市2019年第三批次城镇建设用地征收土地公告",
    projectName: "共青城市2019年第三批次城镇建设用地",
    stage: "land-acquisition",
    generatedOn: "2019-08-15",
    category: "国土资源、能源",
    keywords: ["征收土地", "公告"],
    body: html(
      `经江西省人民政府批准，征收本市甘露镇部分集体土地用于城镇建设。现将征收土地方案公告如下。`,
      `被征收土地的所有权人、使用权人应当在公告规定期限内，持土地权属证书到市自然资源局办理征地补偿登记。征地补偿标准按照省人民政府公布的区片综合地价执行。`,
    ),
  },
  {
    unitCode: u.approval,
    kind: "project",
    columnId: "project-design-change",
    title: "关于共青城市南湖片区道路提升改造工程重大设计变更的批复",
    ref: "project-nanhu-design-change",
    projectName: "共青城市南湖片区道路提升改造工程",
    stage: "design-change",
    generatedOn: "2019-09-04",
    docNumber: "共审批字〔2019〕71号",
    keywords: ["设计变更"],
    body: html(
      `共青城市住房和城乡建设局：`,
      `你局关于南湖片区道路提升改造工程设计变更的请示收悉。因沿线地下管网迁改需要，同意对原设计中排水管线走向和道路横断面进行调整，变更后工程概算控制在原批复范围内。`,
    ),
  },
  {
    unitCode: u.housing,
    kind: "project",
    columnId: "project-construction",
    title: "共青城市城南污水处理厂提标改造工程施工许可信息",
    projectName: "共青城市城南污水处理厂提标改造工程",
    stage: "construction",
    relatedRefs: ["project-cnws-approval", "project-cnws-bidding"],
    generatedOn: "2019-08-01",
    keywords: ["施工许可"],
    body: html(
      `项目名称：共青城市城南污水处理厂提标改造工程。建设单位：共青城市住房和城乡建设局。`,
      `该项目已依法取得建筑工程施工许可证，计划工期300日历天。施工期间将采取围挡、降尘等措施，减少对周边居民的影响。`,
    ),
  },
  {
    unitCode: u.housing,
    kind: "project",
    columnId: "project-quality-safety",
    title: "2019年第三季度全市在建工程质量安全监督检查情况通报",
    projectName: "全市在建房屋建筑和市政工程",
    stage: "quality-safety",
    generatedOn: "2019-10-12",
    keywords: ["质量安全", "监督检查"],
    body: html(
      `2019年第三季度，市住房和城乡建设局对全市在建房屋建筑和市政工程开展质量安全监督检查，重点检查了深基坑、高支模和起重机械等危险性较大的分部分项工程。`,
      `对检查中发现的问题，已下发整改通知书，责令相关单位限期整改，并将整改情况纳入企业信用评价。`,
    ),
  },
  {
    unitCode: u.housing,
    kind: "project",
    columnId: "project-completion",
    title: "共青城市南湖片区道路提升改造工程竣工验收备案公示",
    projectName: "共青城市南湖片区道路提升改造工程",
    stage: "completion",
    relatedRefs: ["project-nanhu-design-change"],
    generatedOn: "2019-12-06",
    keywords: ["竣工验收", "备案"],
    body: html(
      `共青城市南湖片区道路提升改造工程已于2019年11月28日通过竣工验收，现已完成竣工验收备案，予以公示。`,
      `对工程质量有异议的，可向市建设工程质量安全监督站反映。`,
    ),
  },

  // 放管服
  {
    unitCode: u.market,
    kind: "general",
    columnId: "double-random",
    title: "共青城市市场监督管理局2019年“双随机一公开”抽查事项清单",
    generatedOn: "2019-03-20",
    category: "市场监管、安全生产监管",
    keywords: ["双随机一公开", "抽查事项清单"],
    body: html(
      `根据“双随机一公开”监管工作要求，现将本局2019年随机抽查事项清单公布如下，清单之外不得实施检查。`,
      table(
        ["序号", "抽查事项", "抽查对象", "抽查比例"],
        [
          [1, "企业公示信息抽查", "辖区内企业", "3%"],
          [2, "食品生产经营监督检查", "食品生产经营者", "5%"],
          [3, "工业产品质量监督抽查", "工业产品生产企业", "5%"],
        ],
      ),
      `抽查结果将通过国家企业信用信息公示系统（江西）依法公示。`,
    ),
  },
  {
    unitCode: u.justice,
    kind: "general",
    columnId: "double-random",
    title: "共青城市本级行政执法部门2019年行政检查计划",
    generatedOn: "2019-04-10",
    category: "公安、安全、司法",
    keywords: ["行政检查计划", "双随机一公开"],
    body: html(
      `为规范涉企行政检查，减少重复检查，现将市本级行政执法部门2019年行政检查计划予以公布。`,
      `各部门应当依托“双随机一公开”监管平台开展检查，推进跨部门联合抽查，做到“进一次门、查多项事”。`,
    ),
  },
  {
    unitCode: u.approval,
    kind: "general",
    columnId: "government-services",
    title: "共青城市政务服务事项清单（2019年版）",
    generatedOn: "2019-09-30",
    keywords: ["政务服务事项", "清单"],
    body: html(
      `按照全省事项“同一标准、统一事项、统一编码”的原则，市行政审批局会同51家单位对政务服务事项清单进行了再编制和合法性审查。`,
      `目前全市共有政务服务事项1402项，其中1276项网上可办，网上可办率达91%。各事项的办理流程、设定依据、申请材料、咨询途径和监督投诉电话等要素已在江西省政务服务网（共青城市分厅）公布。`,
    ),
  },
  {
    unitCode: u.approval,
    kind: "general",
    columnId: "government-services",
    title: "共青城市企业开办“一窗式”集成服务办事指南",
    generatedOn: "2019-05-08",
    keywords: ["企业开办", "一窗式"],
    body: html(
      `企业开办实行“一窗式”集成服务，企业注册、公章刊刻、银行开户、发票申领等事项在一个窗口集成办理。`,
      `申请人只到一个窗口、提交一套材料，最快100分钟即可完成企业开办全部手续。`,
      `落户本市的企业可申请“自愿委托、免费代办”服务，由代办员全程代办注册、立项用地、工程规划、施工许可、竣工验收等手续。`,
    ),
  },
  {
    unitCode: u.justice,
    kind: "general",
    columnId: "certification-list",
    title: "取消调整272项证明事项清单",
    generatedOn: "2019-06-28",
    category: "公安、安全、司法",
    keywords: ["证明事项", "减证便民"],
    body: html(
      `为做好减证便民、优化服务工作，本市对各类证明事项进行了全面清理，没有法律法规规定的证明事项一律取消。`,
      `经逐项研究，共取消调整证明事项272项。清单同时在政府网站和江西省政务服务网公布，各单位不得再要求群众提供已取消的证明。`,
    ),
  },

  // 行政执法公示
  {
    unitCode: u.justice,
    kind: "general",
    columnId: "law-enforcement",
    title: "共青城市行政执法主体、职责及执法依据公示",
    generatedOn: "2019-05-30",
    category: "公安、安全、司法",
    keywords: ["行政执法公示", "执法主体"],
    body: html(
      `按照行政执法公示制度要求，现将本市各行政执法部门的执法主体、执法职责、执法依据、执法程序和监督途径予以公示。`,
      `各部门的行政执法结果在“江西省行政执法网”同步公开。`,
    ),
  },

  // 社会救助和社会福利
  {
    unitCode: u.civilAffairs,
    kind: "general",
    columnId: "social-assistance",
    title: "共青城市社会救助申请条件及办理程序",
    relatedRefs: ["norm-2019-1"],
    generatedOn: "2019-03-01",
    category: "民政、扶贫、救灾",
    keywords: ["社会救助", "办事指南"],
    body: html(
      `根据《共青城市社会救助暂行办法》，现将城乡低保、农村五保、医疗救助、临时救助、特困人员供养的申请条件和办理程序公布如下。`,
      `申请人向户籍所在地乡镇人民政府（街道办事处）提出书面申请，经入户调查、民主评议、公示后，报市民政局审批。审批结果在村（居）务公开栏和“社会救助”栏目公示。`,
    ),
  },
  monthlyPayment(
    "social-assistance",
    10,
    "城乡最低生活保障金",
    paymentRows([96, 142, 131, 88, 120, 104], 455),
  ),
  monthlyPayment(
    "social-assistance",
    11,
    "城乡最低生活保障金",
    paymentRows([95, 141, 133, 88, 119, 105], 455),
  ),
  monthlyPayment("social-assistance", 11, "特困人员供养金", paymentRows([12, 31, 27, 19, 24, 22], 620)),
  monthlyPayment("social-welfare", 11, "高龄老人补贴", paymentRows([210, 305, 288, 196, 251, 233], 50)),
  {
    unitCode: u.civilAffairs,
    kind: "general",
    columnId: "social-welfare",
    title: "共青城市残疾人两项补贴申领程序",
    generatedOn: "2019-04-15",
    category: "民政、扶贫、救灾",
    keywords: ["残疾人两项补贴", "社会福利"],
    body: html(
      `困难残疾人生活补贴和重度残疾人护理补贴由本人或其委托人向户籍所在地乡镇人民政府（街道办事处）申请。`,
      `乡镇（街道）受理后进行初审，市残联审核、市民政局审定，补贴资金按月发放至补贴对象账户，发放情况按月公布。`,
    ),
  },

  // 教育领域
  {
    unitCode: u.education,
    kind: "general",
    columnId: "education-compulsory",
    title: "关于印发共青城市控辍保学工作实施方案的通知",
    generatedOn: "2019-03-18",
    category: "科技、教育",
    keywords: ["控辍保学", "义务教育"],
    body: html(
      `为确保适龄儿童少年依法接受义务教育，切实做好控辍保学工作，制定本方案。`,
      `建立政府、教育部门、学校、家庭“四位一体”控辍保学责任体系，对建档立卡贫困家庭学生实行“一生一档”动态管理，确保不让一个学生因贫失学辍学。`,
    ),
  },
  {
    unitCode: u.education,
    kind: "general",
    columnId: "education-compulsory",
    title: "共青城市关于义务教育均衡发展推进情况的汇报",
    generatedOn: "2019-06-12",
    category: "科技、教育",
    keywords: ["义务教育", "均衡发展"],
    body: html(
      `近年来，本市坚持把义务教育均衡发展作为教育工作的重中之重，持续改善薄弱学校办学条件，推进城乡教师交流轮岗。`,
      `目前全市义务教育学校办学条件均达到省定标准，校际间差异系数持续缩小。`,
    ),
  },
  {
    unitCode: u.education,
    kind: "general",
    columnId: "education-compulsory",
    title: "共青城市2019年度农村义务教育学生营养改善计划",
    generatedOn: "2019-02-27",
    category: "科技、教育",
    keywords: ["营养改善计划"],
    body: html(
      `2019年，本市继续在农村义务教育学校实施学生营养改善计划，按照每生每天4元的标准为学生提供营养膳食补助。`,
      `各学校应当公开食堂采购、膳食补助资金使用和受益学生人数等情况，接受家长和社会监督。`,
    ),
  },
  {
    unitCode: u.education,
    kind: "general",
    columnId: "education-preschool",
    title: "共青城市幼儿园办园行为专项督导督评报告",
    generatedOn: "2019-11-08",
    category: "科技、教育",
    keywords: ["幼儿园", "督导评估"],
    body: html(
      `2019年10月，市人民政府教育督导室对全市幼儿园办园行为开展专项督导评估，重点检查办园条件、安全卫生、保育教育和收费管理等方面。`,
      `督导发现部分民办幼儿园存在“小学化”倾向和师资不足等问题，已下发整改意见书，要求限期整改。`,
    ),
  },
  {
    unitCode: u.education,
    kind: "general",
    columnId: "education-high-school",
    title: "共青城市高中阶段教育普及攻坚计划（2017—2020年）",
    generatedOn: "2019-01-10",
    category: "科技、教育",
    keywords: ["高中阶段教育", "普及攻坚"],
    body: html(
      `为全面普及高中阶段教育，根据国家和省有关部署，制定本计划。`,
      `到2020年，全市高中阶段教育毛入学率达到90%以上，普通高中和中等职业教育结构更加合理，家庭经济困难学生资助全覆盖。`,
    ),
  },
  {
    unitCode: u.education,
    kind: "general",
    columnId: "education-private",
    title: "共青城市2019年民办学校基本信息公示",
    generatedOn: "2019-08-20",
    category: "科技、教育",
    keywords: ["民办学校", "招生", "收费"],
    body: html(
      `根据民办教育信息公开要求，现将本市民办学校的办学许可、办学地址、招生范围和收费标准予以公示。`,
      `民办学校收费标准经价格主管部门备案后执行，学校不得在公示标准之外另行收费。`,
    ),
  },

  // 医疗卫生
  {
    unitCode: u.health,
    kind: "general",
    columnId: "health",
    title: "共青城市2019年第三季度传染病与突发公共卫生事件监测报告",
    generatedOn: "2019-10-10",
    category: "卫生、体育",
    keywords: ["传染病", "突发公共卫生事件", "监测"],
    body: html(
      `2019年第三季度，全市报告法定传染病发病数较上年同期有所下降，未发生甲类传染病，未报告突发公共卫生事件。`,
      `报告发病数居前的病种为手足口病、其他感染性腹泻病和肺结核。请广大市民注意个人卫生和饮食卫生，出现发热等症状及时就医。`,
    ),
  },
  {
    unitCode: u.health,
    kind: "general",
    columnId: "health",
    title: "共青城市医疗机构设置审批公示",
    generatedOn: "2019-07-16",
    category: "卫生、体育",
    keywords: ["医疗机构", "设置公示"],
    body: html(
      `根据《医疗机构管理条例》，市卫生健康委员会拟批准设置一批基层医疗机构，其名称、类别、地址和诊疗科目在市政务服务中心公示栏同步公示，公示期为7个工作日。`,
      `对公示内容有异议的，请在公示期内向市卫生健康委员会医政股反映。`,
    ),
  },

  // 三大攻坚战
  {
    unitCode: u.financialWork,
    kind: "general",
    columnId: "financial-risk",
    title: "共青城市2019年防范和处置非法集资宣传月活动方案",
    generatedOn: "2019-05-06",
    category: "财政、金融、审计",
    keywords: ["防范非法集资", "金融风险"],
    body: html(
      `防范化解金融风险既是当前和今后一个时期的重大政治任务，也是本市推进高质量跨越发展的内在要求。`,
      `2019年5月，全市集中开展防范和处置非法集资宣传月活动，通过进社区、进企业、进校园、进农村，普及金融知识，提高群众识别和防范非法集资的能力。`,
    ),
  },
  {
    unitCode: u.financialWork,
    kind: "general",
    columnId: "financial-risk",
    title: "关于开展2019年防范化解重大金融风险排查工作的通知",
    generatedOn: "2019-07-02",
    category: "财政、金融、审计",
    keywords: ["金融风险", "排查"],
    body: html(
      `为切实防范化解重大金融风险，决定在全市开展金融风险排查工作，重点排查非法集资、互联网金融、地方金融组织等领域风险。`,
      `各乡镇（街道）和有关部门要建立风险台账，落实化解责任，排查情况于2019年8月底前报市金融工作办公室。`,
    ),
  },
  {
    unitCode: u.education,
    kind: "general",
    columnId: "poverty-alleviation",
    title: "关于进一步加强教育扶贫管理工作的通知",
    generatedOn: "2019-04-09",
    category: "民政、扶贫、救灾",
    keywords: ["教育扶贫", "双负责制"],
    body: html(
      `为落实教育扶贫“双负责制”，确保建档立卡贫困家庭学生资助政策落实到位，现就进一步加强教育扶贫管理工作通知如下。`,
      `各学校要建立贫困学生资助台账，资助资金直接发放至学生或监护人账户，资助名单在校内公示。`,
    ),
  },
  {
    unitCode: u.education,
    kind: "general",
    columnId: "poverty-alleviation",
    title: "共青城市教育系统开展扶贫领域监督执纪问责工作实施方案",
    generatedOn: "2019-04-09",
    category: "民政、扶贫、救灾",
    keywords: ["扶贫领域", "监督执纪问责"],
    body: html(
      `为深入开展扶贫领域腐败和作风问题专项治理，制定本方案。`,
      `重点查处教育扶贫资金截留挪用、优亲厚友、虚报冒领等问题，对发现的问题线索实行台账管理、限时办结。`,
    ),
  },
  {
    unitCode: u.poverty,
    kind: "general",
    columnId: "poverty-alleviation",
    title: "共青城市2019年扶贫项目进展及资金使用情况",
    generatedOn: "2019-11-18",
    category: "民政、扶贫、救灾",
    keywords: ["扶贫项目", "资金使用", "扶贫小额信贷"],
    body: html(
      `2019年，本市按照省、九江市统一部署，对全市1192户建档立卡贫困户全部发放政策宣传手册和帮扶干部手册。`,
      `异地搬迁扶贫、健康扶贫、产业扶贫和扶贫小额信贷等项目有序推进，各项目进展情况和资金使用情况按季度在本栏目更新，接受社会监督。`,
    ),
  },
  {
    unitCode: u.environment,
    kind: "general",
    columnId: "environment-approvals",
    title: "共青城市城南污水处理厂提标改造工程环境影响报告表审批前公示",
    generatedOn: "2019-06-10",
    category: "城乡建设、环境保护",
    keywords: ["环境影响评价", "公示"],
    body: html(
      `根据建设项目环境影响评价政府信息公开的有关规定，我局拟对共青城市城南污水处理厂提标改造工程环境影响报告表作出审批意见，现将有关情况予以公示。`,
      `公示期为5个工作日。对公示内容有意见的，可在公示期内以书面形式向我局反映。`,
    ),
  },
  {
    unitCode: u.environment,
    kind: "general",
    columnId: "environment-notices",
    title: "共青城市2019年环境重点监管对象名录",
    generatedOn: "2019-03-28",
    category: "城乡建设、环境保护",
    keywords: ["重点监管对象", "名录"],
    body: html(
      `根据行业分类，现将本市2019年环境重点监管对象名录予以公布，包括水环境、大气环境、土壤环境重点排污单位。`,
      `重点排污单位应当依法公开排污信息，接受社会监督。`,
    ),
  },
  {
    unitCode: u.environment,
    kind: "general",
    columnId: "environment-notices",
    title: "共青城市2019年水污染防治工作计划",
    generatedOn: "2019-04-03",
    category: "城乡建设、环境保护",
    keywords: ["水污染防治", "工作计划"],
    body: html(
      `为持续改善水环境质量，制定本市2019年水污染防治工作计划。`,
      `重点推进城镇污水处理提质增效、工业园区污水集中处理、农村生活污水治理和鄱阳湖沿岸入湖河流水质保护。`,
    ),
  },
  {
    unitCode: u.environment,
    kind: "general",
    columnId: "environment-enforcement",
    title: "2019年第三季度环境行政处罚结果公示",
    generatedOn: "2019-10-16",
    category: "城乡建设、环境保护",
    keywords: ["环境执法", "行政处罚"],
    body: html(
      `结合全市环境保护大检查工作，现将2019年第三季度环境行政处罚案件的执法依据、处罚内容和结果予以公示。`,
      `被处罚单位均已按要求完成整改。`,
    ),
  },
  {
    unitCode: u.environment,
    kind: "general",
    columnId: "environment-quality",
    title: "2019年11月共青城市环境空气质量监测报告",
    generatedOn: "2019-12-06",
    category: "城乡建设、环境保护",
    keywords: ["空气质量", "环境监测"],
    body: html(
      `2019年11月，本市城区环境空气质量优良天数比例为86.7%，首要污染物为细颗粒物（PM2.5）。`,
      `与上年同期相比，可吸入颗粒物和细颗粒物平均浓度均有所下降。`,
    ),
  },
  {
    unitCode: u.environment,
    kind: "general",
    columnId: "environment-news",
    title: "我市开展2019年环境保护大检查",
    generatedOn: "2019-12-13",
    category: "城乡建设、环境保护",
    keywords: ["环境保护大检查"],
    body: html(
      `近日，市生态环境局联合有关部门对全市重点排污单位、建设项目施工工地和工业园区开展环境保护大检查。`,
      `检查组现场查看了污染治理设施运行情况和在线监测数据，对发现的问题当场交办、限期整改。`,
    ),
  },

  // 就业创业
  {
    unitCode: u.humanResources,
    kind: "general",
    columnId: "employment",
    title: "共青城市就业创业政策大全",
    generatedOn: "2019-05-10",
    category: "劳动、人事、监察",
    keywords: ["就业创业", "政策汇编"],
    body: html(
      `为方便群众和企业了解就业创业扶持政策，市人力资源和社会保障局将现行就业创业政策汇编成册。`,
      `内容包括创业担保贷款、职业培训补贴、社会保险补贴、公益性岗位补贴、高校毕业生生活补贴、企业稳岗补贴等政策的对象、标准和申领程序。`,
    ),
  },
  {
    unitCode: u.humanResources,
    kind: "general",
    columnId: "employment",
    title: "共青城市2019年人力资源市场供求状况分析报告",
    generatedOn: "2019-12-18",
    category: "劳动、人事、监察",
    keywords: ["人力资源市场", "供求分析"],
    body: html(
      `2019年，全市城镇下岗失业人员再就业78人，零就业家庭就业安置率100%，“4050”人员就业84人，占年计划160人的52.5%，全市就业局势持续稳定。`,
      `从市场供求看，制造业和服务业用工需求旺盛，技能型岗位求人倍率较高。全年组织“春风行动”专场招聘会等招聘活动，搭建用工供需对接平台。`,
    ),
  },
  {
    unitCode: u.humanResources,
    kind: "general",
    columnId: "employment",
    title: "2019年共青城市政府购买公益性岗位补贴发放表",
    relatedRefs: ["norm-2019-2"],
    generatedOn: "2019-11-22",
    category: "劳动、人事、监察",
    keywords: ["公益性岗位", "补贴发放"],
    body: html(
      `根据《共青城市就业创业补贴资金管理办法》，现将2019年政府购买公益性岗位补贴发放情况予以公示。`,
      table(
        ["乡镇（街道）", "岗位数", "补贴金额（元）"],
        townships.map((name, i) => [name, 8 + i * 2, (8 + i * 2) * 1250 * 12]),
      ),
      `公示期为7日，对公示内容有异议的，请向市人力资源和社会保障局就业股反映。`,
    ),
  },
  {
    unitCode: u.humanResources,
    kind: "general",
    columnId: "employment",
    title: "共青城市2018年企业申报稳岗补贴公示名单",
    generatedOn: "2019-06-17",
    category: "劳动、人事、监察",
    keywords: ["稳岗补贴"],
    body: html(
      `经企业申报、部门审核，2018年度共有56家企业符合稳岗补贴条件，补贴资金合计87.30万元，企业名单及补贴金额在市人力资源和社会保障局公示栏同步公示。`,
      `公示期满无异议的，补贴资金将直接拨付至企业基本账户。`,
    ),
  },

  // 公共资源配置
  {
    unitCode: u.naturalResources,
    kind: "general",
    columnId: "state-land",
    title: "共青城市2019年度国有建设用地供应计划",
    generatedOn: "2019-03-25",
    category: "国土资源、能源",
    keywords: ["国有建设用地", "供应计划"],
    body: html(
      `根据土地利用总体规划和年度计划，市自然资源局编制了共青城市2019年度国有建设用地供应计划，经市政府批准，现予公布。`,
      `计划供应总量中，工矿仓储用地、商服用地、住宅用地和公共管理与公共服务用地按比例安排，保障性安居工程用地应保尽保。`,
    ),
  },
  {
    unitCode: u.naturalResources,
    kind: "general",
    columnId: "state-land",
    title: "共青城市国有建设用地使用权挂牌出让成交结果公示",
    generatedOn: "2019-10-21",
    category: "国土资源、能源",
    keywords: ["土地出让", "成交结果"],
    body: html(
      `共青城市国有建设用地使用权挂牌出让活动已于2019年10月18日结束，现将成交结果公示如下。`,
      table(
        ["地块编号", "位置", "面积（平方米）", "用途", "出让年限", "成交价（万元）"],
        [
          ["DEJ2019-08", "甘露镇工业园区", "33350", "工业用地", "50年", "1200"],
          ["DEJ2019-11", "茶山街道", "18670", "城镇住宅用地", "70年", "9860"],
        ],
      ),
      `受让人应当按照成交确认书的约定签订国有建设用地使用权出让合同。`,
    ),
  },
  {
    unitCode: u.chashan,
    kind: "general",
    columnId: "government-procurement",
    title: "共青城市茶山街道办事处便民服务中心办公设备采购项目中标公告",
    generatedOn: "2019-09-12",
    category: "财政、金融、审计",
    keywords: ["政府采购", "中标公告"],
    body: html(
      `共青城市茶山街道办事处便民服务中心办公设备采购项目已按规定程序完成采购，评审结果经采购人确认。`,
      `采购公告、更正公告和中标公告同步在江西省公共资源交易网发布。`,
    ),
  },

  // 解读回应
  {
    unitCode: u.office,
    kind: "general",
    columnId: "responses",
    title: "关于市民反映城区停车难问题的回应",
    relatedRefs: ["norm-2019-4"],
    generatedOn: "2019-07-03",
    keywords: ["回应关切", "停车"],
    body: html(
      `近期，有市民通过“市长信箱”反映城区学校、医院周边停车难的问题。`,
      `市政府高度重视，已出台《共青城市城区停车管理办法》，在学校、医院周边新增临时停车泊位，并将结合老旧小区改造增建停车设施。`,
    ),
  },
  {
    unitCode: u.financialWork,
    kind: "general",
    columnId: "responses",
    title: "关于警惕以高额回报为诱饵的非法集资活动的风险提示",
    generatedOn: "2019-08-28",
    category: "财政、金融、审计",
    keywords: ["回应关切", "非法集资", "风险提示"],
    body: html(
      `近期，社会上出现以“养老项目”“虚拟货币”等名义、承诺高额回报吸收资金的现象，引发群众关注。`,
      `市金融工作办公室提醒广大市民：凡是承诺高回报、保本付息的，都要高度警惕。发现可疑线索，可向市金融工作办公室或公安机关举报。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "responses",
    title: "共青城市舆情回应、研判、协商制度",
    generatedOn: "2019-05-15",
    keywords: ["舆情回应", "制度"],
    body: html(
      `为及时回应社会关切，密切监测收集苗头性舆情，制定本制度。`,
      `涉及本市的政务舆情，责任单位应当在48小时内予以回应；重大突发事件舆情在24小时内举行新闻发布会或发布权威信息。重大舆情由市政府办公室牵头召开联席会议研判协商。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "press-conferences",
    title: "共青城市2019年新闻发言人名单及新闻发布工作机构",
    generatedOn: "2019-03-15",
    keywords: ["新闻发言人", "新闻发布"],
    body: html(
      `为做好新闻发布工作，现将2019年市政府及各部门新闻发言人名单和新闻发布工作机构予以公布。`,
      `市政府新闻发言人由市政府分管副市长担任，市政府办公室为新闻发布工作机构。各部门新闻发言人一般由分管领导担任。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "press-conferences",
    title: "共青城市深化“放管服”改革优化营商环境新闻发布会",
    generatedOn: "2019-06-26",
    keywords: ["新闻发布会", "放管服", "营商环境"],
    body: html(
      `2019年6月26日，市政府召开新闻发布会，介绍本市深化“放管服”改革、优化营商环境有关情况。`,
      `发布会介绍，全市已有2287家企业通过“一窗式”集成服务完成企业开办；免费代办服务已累计服务17个重大项目；网上中介超市入驻机构242家，可提供33项审批中介服务。`,
    ),
  },

  // 政府会议
  {
    unitCode: u.office,
    kind: "meeting",
    columnId: "meetings",
    title: "共青城市人民政府2019年第9次常务会议",
    generatedOn: "2019-06-14",
    meetingName: "共青城市人民政府2019年第9次常务会议",
    heldOn: "2019-06-14",
    relatedRefs: ["norm-2019-4"],
    keywords: ["常务会议"],
    body: html(
      `2019年6月14日，市政府召开2019年第9次常务会议。`,
      `会议审议并原则通过了《共青城市城区停车管理办法》。因议题涉及重大民生事项，会议邀请了居民和商户代表列席并发表意见。`,
      `会议还研究了城南污水处理厂提标改造工程推进等事项。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "meeting",
    columnId: "meetings",
    title: "共青城市人民政府2019年第14次常务会议",
    generatedOn: "2019-09-23",
    meetingName: "共青城市人民政府2019年第14次常务会议",
    heldOn: "2019-09-23",
    relatedRefs: ["norm-2019-6"],
    keywords: ["常务会议"],
    body: html(
      `2019年9月23日，市政府召开2019年第14次常务会议。`,
      `会议审议通过了《共青城市农村生活垃圾治理长效管护办法》，听取了全市脱贫攻坚和防范化解重大金融风险工作情况汇报。`,
    ),
  },

  // 审计公开
  {
    unitCode: u.audit,
    kind: "audit",
    columnId: "audit",
    ref: "audit-2018-result",
    title: "共青城市2018年度财政预算执行和其他财政收支情况审计",
    auditedEntity: "共青城市本级财政",
    auditYear: 2018,
    generatedOn: "2019-08-27",
    category: "财政、金融、审计",
    keywords: ["审计结果", "预算执行"],
    body: html(
      `根据《中华人民共和国审计法》规定，市审计局对2018年度市本级财政预算执行和其他财政收支情况进行了审计。`,
      `审计结果表明，2018年市本级预算执行情况总体较好，财政收支基本平衡。审计发现的主要问题有：部分项目资金拨付不及时、个别部门预算编制不够细化、部分非税收入未及时缴库等。`,
      `对审计发现的问题，市审计局已依法出具审计报告，并要求相关单位限期整改。`,
    ),
  },
  {
    unitCode: u.audit,
    kind: "audit",
    columnId: "audit",
    title: "关于2017年度市本级预算执行和其他财政收支审计查出问题整改情况的报告",
    auditedEntity: "共青城市本级财政",
    auditYear: 2017,
    relatedRefs: ["audit-2018-result"],
    generatedOn: "2018-12-24",
    category: "财政、金融、审计",
    keywords: ["审计整改"],
    body: html(
      `市审计局对2017年度市本级预算执行和其他财政收支审计查出的问题，督促有关部门和单位进行了整改。`,
      `截至目前，审计查出的问题大部分已整改到位，相关单位通过上缴财政、调整账目、完善制度等方式进行了整改。对尚未整改到位的问题，已明确整改时限，审计局将持续跟踪。`,
    ),
  },
  {
    unitCode: u.audit,
    kind: "general",
    columnId: "audit",
    title: "共青城市审计业务会议制度",
    generatedOn: "2019-03-06",
    category: "财政、金融、审计",
    keywords: ["审计业务会议", "制度"],
    body: html(
      `为规范审计业务决策，提高审计质量，防范审计风险，制定本制度。`,
      `审计业务会议由局长主持，审议审计实施方案、审计报告、审计决定和移送处理书等重要审计事项，实行集体研究、少数服从多数。`,
    ),
  },
  {
    unitCode: u.audit,
    kind: "general",
    columnId: "audit",
    title: "共青城市审计“三级复核制”的规定",
    generatedOn: "2019-03-06",
    category: "财政、金融、审计",
    keywords: ["三级复核", "审计质量"],
    body: html(
      `为加强审计质量控制，审计项目实行审计组组长、业务科室负责人和法制审理机构三级复核。`,
      `未经三级复核的审计报告和审计决定不得签发。`,
    ),
  },

  // 监督保障
  {
    unitCode: u.office,
    kind: "general",
    columnId: "supervision",
    ref: "ogi-evaluation-2019",
    title: "共青城市人民政府办公室关于开展全市2019年政务公开第三方评估工作的通知",
    generatedOn: "2019-09-10",
    docNumber: "共府办发〔2019〕82号",
    category: "监督保障",
    keywords: ["政务公开", "第三方评估"],
    body: html(
      `各乡镇人民政府、街道办事处，市政府各部门：`,
      `根据九江市推进政务公开工作领导小组办公室《关于开展全市2019年政务公开第三方评估工作的通知》（九政公办字〔2019〕3号）要求，决定对全市2019年政务公开工作开展第三方评估。`,
      `评估从加强政策解读和政务舆情回应、深入推进决策和执行公开、深化重点领域信息公开、加强公开平台建设、完善政务公开制度规范等方面进行。评估结果纳入全市高质量发展考核。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "supervision",
    title: "市本级2019年政务公开工作评估要点",
    relatedRefs: ["ogi-evaluation-2019"],
    generatedOn: "2019-09-10",
    category: "监督保障",
    keywords: ["政务公开", "评估要点"],
    body: html(
      `按照省、九江市政务公开工作要点，结合本市实际，制定市本级、市政府各部门和乡镇（街道）2019年政务公开工作评估要点。`,
      `评估要点细化了责任分工，列明了材料明细和缺项材料，对逾期公开、要素缺失、栏目长期不更新等情形实行扣分。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "supervision",
    title: "关于召开共青城市2019年政务公开工作培训会的通知",
    generatedOn: "2019-11-11",
    category: "监督保障",
    keywords: ["政务公开", "培训"],
    body: html(
      `市直各单位、各乡镇（街道）：`,
      `经研究，定于2019年11月15日召开共青城市2019年政务公开工作培训会，邀请九江市政府信息办领导作指导讲话，传达省、九江市政务公开工作培训会议精神。`,
      `请各单位分管领导和政务公开工作人员准时参加，并于11月13日前报送参会回执。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "supervision",
    title: "共青城市2019年政务工作整改情况报告",
    relatedRefs: ["ogi-evaluation-2019", "norm-catalogue-2019"],
    generatedOn: "2019-12-25",
    category: "监督保障",
    keywords: ["政务公开", "整改", "第三方评估"],
    summary:
      "按照九政公办字〔2019〕3号要求，从政策解读和舆情回应、“五公开”、重点领域信息公开、平台建设和监督保障等方面报告2019年政务公开自查和整改情况。",
    body: html(
      `2019年，我市按照九江市推进政务公开工作领导小组办公室《关于开展全市2019年政务公开第三方评估工作的通知》（九政公办字〔2019〕3号）文件要求，从加强政策解读和政务舆情回应、深入推进“五公开”、深化重点领域信息公开、加强公开平台建设，完善政务公开监督保障机制等方面进行了全方面的落实，现将有关情况汇报如下：`,
      `<h3>一、自查情况</h3>`,
      `（一）主动公开。我市制定了《共青城市重大行政决策听证制度》《共青城市民意调查制度（试行）》等一系列制度，面向社会征求意见20余条并公布意见反馈采纳情况；印发《2019年省、九江市、市政府工作报告重点工作责任分工的通知》；2019年度经司法局备案审查的规范性文件共6个，并形成《共青城市2019年规范性文件目录》。`,
      `（二）重点领域信息公开。在“财政信息”专栏公布了市本级、各部门和乡镇（街道）的2018年度部门决算及2019年度部门预算信息（包含“三公经费”信息）；2019年公布重大建设项目信息100余条；政务服务事项1402项，其中1276项网上可办，可办率达91%；“环境保护”栏目发布信息326条。`,
      `（三）解读回应。发布政策解读信息26条；“市长信箱”收到群众来信302件，回复300件；“回应关切”栏目主动回应社会关切热点信息28条。`,
      `（四）平台建设。政府各部门共开设政务新媒体账号27个，已整合关停19个，申请保留8个。截至2019年12月，我市信息公开平台主动公开8500余条政务信息。`,
      `（五）监督保障。2019年度共开展政务公开工作业务培训会3次；共收到申请公开政府信息21件，其中网上申请10件、纸质申请11件，已处理并答复13件，正在处理8件（未超期）。`,
      `<h3>二、存在的问题及下一步计划</h3>`,
      `一是重点领域信息公开力度还不足，公开渠道较为单一；二是部分单位对政务公开工作认知不够深入。下一步，我市将查摆问题、细化分工、完善机制，对丢分的考核项一项一项落实、一项一项整改，2020年1月6日全面完成2019年政务公开评估工作，并将评估结果全市通报。`,
    ),
  },

  // 政府信息公开年度报告、指南、制度
  {
    unitCode: u.office,
    kind: "general",
    columnId: "annual-reports",
    title: "共青城市2019年政府信息公开工作年度报告",
    generatedOn: "2020-03-20",
    keywords: ["年度报告", "政府信息公开"],
    body: html(
      `本报告根据《中华人民共和国政府信息公开条例》第五十条和国务院办公厅政府信息公开办公室规定的格式编制，报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。`,
      `<h3>一、总体情况</h3>`,
      `2019年，我市认真贯彻落实新修订的《中华人民共和国政府信息公开条例》，成立了以常务副市长为组长的政务公开工作领导小组，全年开展政务公开业务培训3次。截至2019年12月，信息公开平台主动公开政务信息8500余条。`,
      `<h3>二、收到和处理政府信息公开申请情况</h3>`,
      `全年共收到政府信息公开申请21件，其中网上申请10件、纸质申请11件。年内已答复13件，结转下年度继续办理8件（均未超期）。`,
      `<h3>三、存在的主要问题及改进情况</h3>`,
      `重点领域信息公开力度仍需加强，公开渠道较为单一。下一步将充分利用政务新媒体等多样化形式，深化重点领域信息公开。`,
    ),
  },
  {
    unitCode: u.finance,
    kind: "general",
    columnId: "annual-reports",
    title: "共青城市财政局2019年政府信息公开工作年度报告",
    generatedOn: "2020-01-20",
    category: "财政、金融、审计",
    keywords: ["年度报告", "政府信息公开"],
    body: html(
      `根据《中华人民共和国政府信息公开条例》第四十九条，现公布共青城市财政局2019年政府信息公开工作年度报告。`,
      `2019年，我局在“财政信息”专栏集中公开了市本级和各部门预决算、“三公”经费、政府债务和绩效评价等信息。全年未收到政府信息公开申请，未发生因政府信息公开引起的行政复议和行政诉讼。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "disclosure-guide",
    title: "共青城市政府信息公开指南",
    generatedOn: "2019-06-14",
    keywords: ["公开指南", "依申请公开"],
    body: html(
      `为更好地提供政府信息公开服务，根据2019年5月15日起施行的《中华人民共和国政府信息公开条例》，修订本指南。`,
      `<h3>一、主动公开</h3>`,
      `属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内在政府门户网站公开。`,
      `<h3>二、依申请公开</h3>`,
      `申请人可通过政府网站在线申请，也可以当面提交或邮寄书面申请。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长答复期限的，经负责人同意可延长不超过20个工作日，并告知申请人。申请内容不明确的，在收到申请之日起7个工作日内一次性告知补正。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "disclosure-rules",
    title: "共青城市政府网站内容保障制度",
    generatedOn: "2019-05-20",
    keywords: ["网站内容保障", "制度"],
    body: html(
      `为加强政府网站内容建设，确保信息发布及时、准确、规范，制定本制度。`,
      `各单位对本单位负责栏目的内容保障负主体责任，动态、要闻类栏目两周内应当有更新，通知公告、政策文件类栏目六个月内应当有更新。市政府办公室每月通报各单位内容保障情况。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "disclosure-rules",
    title: "关于印发共青城市政府信息公开保密审查办法的通知",
    generatedOn: "2019-05-20",
    keywords: ["保密审查", "制度"],
    body: html(
      `各单位公开政府信息前，应当依照《中华人民共和国保守国家秘密法》以及其他法律、法规和国家有关规定进行保密审查，坚持“先审查、后公开”和“谁公开、谁审查”的原则。`,
      `涉及国家秘密、商业秘密、个人隐私的信息，不得公开。对是否可以公开难以确定的，依法报有关主管部门或者保密行政管理部门确定。`,
    ),
  },
  {
    unitCode: u.office,
    kind: "general",
    columnId: "disclosure-rules",
    title: "关于印发共青城市违反政府信息公开规定行为责任追究暂行办法的通知",
    generatedOn: "2019-05-20",
    keywords: ["责任追究", "制度"],
    body: html(
      `为保障政府信息公开工作依法开展，根据《中华人民共和国政府信息公开条例》第四十七条、第五十三条，制定本办法。`,
      `不依法履行政府信息公开职能、不及时更新公开的政府信息内容、违反规定收取费用等情形，由市政府办公室责令改正；情节严重的，对负有责任的领导人员和直接责任人员依法给予处分。`,
    ),
  },
];
