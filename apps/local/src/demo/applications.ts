import { demoUnitCodes as c } from "./units.ts";

/**
 * The seed's 2019 applications: "共收到申请公开政府信息21件，其中网上申请10件、纸质申请11件，
 * 在时限内已处理并答复13件，正在处理的申请有8件（未超期）". The applicants are invented; the
 * dates, channels and handling steps follow the statutory clock so that the 13 are answered
 * in time and the 8 received in December are still within it on 31 December.
 */
export type DemoApplication = {
  unitCode: string;
  channel: "online" | "in-person" | "registered-post" | "letter" | "fax";
  receivedOn: string;
  applicant: Record<string, string>;
  description: string;
  events: ({ type: string; on: string } & Record<string, unknown>)[];
};

let serial = 0;
const person = () => {
  serial += 1;
  return {
    type: "natural-person",
    name: `演示申请人${serial}`,
    phone: `0792-00000${String(serial).padStart(2, "0")}`,
  };
};
const org = (orgKind: string, name: string) => ({
  type: "legal-person",
  orgKind,
  name,
  phone: "0792-0000000",
});

const respond = (on: string, responseType: string, extra: Record<string, string> = {}) => ({
  type: "respond",
  on,
  responseType,
  ...extra,
});

export const demoApplications: DemoApplication[] = [
  // Answered in 2019, in time.
  {
    unitCode: c.naturalResources,
    channel: "online",
    receivedOn: "2019-01-14",
    applicant: person(),
    description: "申请公开某村集体土地征收的批准文件",
    events: [respond("2019-01-28", "disclosed")],
  },
  {
    unitCode: c.housing,
    channel: "letter",
    receivedOn: "2019-02-25",
    applicant: person(),
    description: "申请公开本市棚户区改造安置房分配方案",
    events: [
      { type: "accept", on: "2019-02-26" },
      respond("2019-03-15", "already-public", {
        reference: "共青城市人民政府门户网站“重点领域信息公开—保障性住房”栏目",
      }),
    ],
  },
  {
    unitCode: c.finance,
    channel: "online",
    receivedOn: "2019-03-11",
    applicant: org("commercial", "共青城某建材有限公司"),
    description: "申请公开2018年政府采购项目的中标结果",
    events: [respond("2019-03-29", "disclosed")],
  },
  {
    unitCode: c.approval,
    channel: "in-person",
    receivedOn: "2019-04-08",
    applicant: person(),
    description: "申请公开2005年某企业的设立登记审批材料",
    events: [respond("2019-04-19", "does-not-exist")],
  },
  {
    unitCode: c.environment,
    channel: "registered-post",
    receivedOn: "2019-04-22",
    applicant: org("public-interest", "某环境保护公益组织"),
    description: "申请公开某企业建设项目环境影响评价报告书",
    events: [
      { type: "consult-third-party", on: "2019-04-24", thirdParty: "该建设项目的建设单位" },
      { type: "third-party-replied", on: "2019-05-10" },
      respond("2019-05-24", "partially-disclosed"),
    ],
  },
  {
    unitCode: c.development,
    channel: "online",
    receivedOn: "2019-05-20",
    applicant: org("research", "某高校公共管理学院"),
    description: "申请公开2018年本市重大建设项目的批准文件目录",
    events: [respond("2019-06-10", "disclosed")],
  },
  {
    unitCode: c.market,
    channel: "fax",
    receivedOn: "2019-06-10",
    applicant: org("commercial", "九江某食品有限公司"),
    description: "申请公开对本公司抽检结果复检过程中的内部讨论记录",
    events: [respond("2019-06-24", "not-disclosed", { withholdingGround: "process-information" })],
  },
  {
    unitCode: c.education,
    channel: "online",
    receivedOn: "2019-06-24",
    applicant: person(),
    description: "申请公开学校的招生文件",
    events: [
      {
        type: "request-correction",
        on: "2019-06-26",
        items: ["请写明学校名称和招生年度"],
        correctBy: "2019-07-05",
      },
      { type: "correction-received", on: "2019-07-03" },
      respond("2019-07-24", "disclosed"),
    ],
  },
  {
    unitCode: c.civilAffairs,
    channel: "in-person",
    receivedOn: "2019-07-15",
    applicant: person(),
    description: "申请公开本人户籍迁移的审批材料",
    events: [respond("2019-07-26", "not-this-agency", { reference: "共青城市公安局" })],
  },
  {
    unitCode: c.health,
    channel: "online",
    receivedOn: "2019-08-12",
    applicant: person(),
    description: "申请公开2018年度全市医疗机构不良事件统计",
    events: [
      {
        type: "extend",
        on: "2019-09-05",
        days: 10,
        approver: "共青城市卫生健康委员会主任",
        applicantNotifiedOn: "2019-09-05",
      },
      respond("2019-09-16", "disclosed"),
    ],
  },
  {
    unitCode: c.humanResources,
    channel: "registered-post",
    receivedOn: "2019-09-02",
    applicant: org("legal-services", "江西某律师事务所"),
    description: "申请公开2019年公益性岗位补贴发放表",
    events: [respond("2019-09-20", "already-public", { reference: "门户网站“就业创业”栏目" })],
  },
  {
    unitCode: c.office,
    channel: "online",
    receivedOn: "2019-10-14",
    applicant: person(),
    description: "申请公开1998年某次常务会议的会议纪要",
    events: [respond("2019-10-30", "does-not-exist")],
  },
  {
    unitCode: c.justice,
    channel: "letter",
    receivedOn: "2019-11-11",
    applicant: org("other", "某村民委员会"),
    description: "申请公开行政规范性文件备案审查结果",
    events: [respond("2019-11-29", "disclosed")],
  },
  // Received in December, still within the 20 working days on 31 December: carried into 2020.
  {
    unitCode: c.housing,
    channel: "online",
    receivedOn: "2019-12-05",
    applicant: person(),
    description: "申请公开老旧小区改造项目的资金安排",
    events: [{ type: "accept", on: "2019-12-06" }],
  },
  {
    unitCode: c.finance,
    channel: "online",
    receivedOn: "2019-12-09",
    applicant: org("commercial", "共青城某科技有限公司"),
    description: "申请公开产业扶持资金的拨付明细",
    events: [{ type: "consult-agency", on: "2019-12-12", agency: "共青城市发展和改革委员会" }],
  },
  {
    unitCode: c.approval,
    channel: "online",
    receivedOn: "2019-12-11",
    applicant: person(),
    description: "申请公开某项行政许可的办理时限规定",
    events: [],
  },
  {
    unitCode: c.development,
    channel: "in-person",
    receivedOn: "2019-12-16",
    applicant: person(),
    description: "申请公开某道路工程的可行性研究报告批复",
    events: [],
  },
  {
    unitCode: c.chashan,
    channel: "online",
    receivedOn: "2019-12-18",
    applicant: person(),
    description: "申请公开街道2019年民生实事项目清单",
    events: [],
  },
  {
    unitCode: c.environment,
    channel: "registered-post",
    receivedOn: "2019-12-20",
    applicant: org("research", "某环境科学研究所"),
    description: "申请公开2019年鄱阳湖入湖河流断面水质监测数据",
    events: [],
  },
  {
    unitCode: c.market,
    channel: "fax",
    receivedOn: "2019-12-23",
    applicant: org("commercial", "江西某贸易有限公司"),
    description: "申请公开2019年第四季度食品抽检结果",
    events: [],
  },
  {
    unitCode: c.ganlu,
    channel: "letter",
    receivedOn: "2019-12-27",
    applicant: person(),
    description: "申请公开镇里的补助发放情况",
    events: [
      {
        type: "request-correction",
        on: "2019-12-30",
        items: ["请写明补助的种类和年度"],
        correctBy: "2020-01-10",
      },
    ],
  },
];
