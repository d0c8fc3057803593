import type { OpenConsultationInput } from "@gov/domain";
import { demoUnitCodes as u } from "./units.ts";

/**
 * A demo consultation: the draft it is about (created as a draft item by the seeding), the
 * window, the comments the public sends, and the feedback published after it closes.
 */
export type DemoConsultation = Omit<OpenConsultationInput, "itemId"> & {
  unitCode: string;
  draft: { title: string; columnId: string; body: string; generatedOn: string };
  comments: { on: string; content: string; commenter?: { name: string; phone?: string } }[];
  feedback: {
    on: string;
    adopted: number;
    notAdopted: { summary: string; reason: string }[];
    summary: string;
  };
};

const suggestions = [
  "建议在学校、医院周边设置限时免费停车位",
  "建议公开各停车场收费标准和投诉电话",
  "建议老城区夜间允许路边临时停车",
  "建议新建小区按户配建停车位",
  "建议增设新能源汽车充电车位",
  "建议对占用消防通道停车加大处罚",
  "建议设置停车诱导屏，显示空余车位",
  "建议老城区停车全部免费",
  "建议取消路边停车收费",
  "建议机关单位停车场节假日对外开放",
  "建议规范共享单车停放区域",
  "建议明确停车收费的减免情形",
  "建议建立停车信用记录",
  "建议在景区周边建设生态停车场",
  "建议完善违停处罚的告知程序",
  "建议加快智慧停车系统建设",
  "建议公交站台周边禁止停车",
  "建议增加残疾人专用车位",
  "建议对长期僵尸车进行清理",
  "建议开放夜间错时共享停车",
  "建议停车管理纳入网格化管理",
  "建议出台配套实施细则",
  "建议征求意见期延长至一个月",
];

/**
 * The report: "面向社会征求意见20余条，并且及时公布了相应的意见反馈采纳情况". One consultation on a
 * draft parking regulation with 23 comments, 15 adopted, 8 not adopted with reasons.
 */
export const demoConsultations: DemoConsultation[] = [
  {
    unitCode: u.office,
    title: "关于《共青城市城区停车管理办法（征求意见稿）》公开征求意见的公告",
    description:
      "为规范城区停车秩序，现将《共青城市城区停车管理办法（征求意见稿）》全文公布，公开征求社会各界意见。请于征求意见期内通过本网站提出意见建议。",
    opensOn: "2019-05-06",
    closesOn: "2019-06-05",
    draft: {
      title: "共青城市城区停车管理办法（征求意见稿）",
      columnId: "decision",
      body: "<p>第一条 为加强城区停车管理，规范停车秩序，根据有关法律法规，结合本市实际，制定本办法。</p>",
      generatedOn: "2019-04-30",
    },
    comments: suggestions.map((content, i) => ({
      on: new Date(Date.UTC(2019, 4, 6 + Math.floor((i * 30) / suggestions.length)))
        .toISOString()
        .slice(0, 10),
      content,
      ...(i % 2
        ? { commenter: { name: `市民${i + 1}`, phone: `1390792${String(i).padStart(4, "0")}` } }
        : {}),
    })),
    feedback: {
      on: "2019-06-14",
      adopted: 15,
      notAdopted: (
        [
          [7, "与停车资源有偿使用原则不符"],
          [8, "与停车资源有偿使用原则不符"],
          [2, "影响道路通行安全"],
          [9, "属单位内部管理事项，由各单位自行决定"],
          [5, "《消防法》已有规定，无需重复"],
          [21, "属实施细则内容，将在细则中研究"],
          [22, "征求意见期符合规定，且已通过多种渠道征求意见"],
          [10, "不属于本办法调整范围"],
        ] as const
      ).map(([i, reason]) => ({ summary: suggestions[i] as string, reason })),
      summary: "本次征求意见共收到意见建议23条，采纳15条，未采纳8条，未采纳意见及理由如下。",
    },
  },
];
