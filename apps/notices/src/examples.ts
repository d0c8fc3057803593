/** Chinese examples for the OpenAPI document, after the seed city's 2019 trainings. */
export const examples = {
  issue: {
    kind: "training",
    title: "关于举办全市政务公开工作培训会的通知",
    body: "各乡镇（街道）、市政府各部门：\n\n定于**2019年11月15日**上午9时在市行政中心三楼会议室举办全市政务公开工作培训会，请各单位分管负责同志及政务公开工作人员参加。\n\n请于11月8日前回执参会人员名单。",
    targets: { scope: "all" },
    attachments: [
      { title: "培训日程安排", url: "https://www.gongqing.gov.cn/zwgk/tzgg/2019/peixun-richeng.pdf" },
    ],
    receipt: { required: true, workingDays: 5 },
  },
  channels: {
    channels: [
      {
        kind: "wecom",
        webhookUrl:
          "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a0c-4bc4-97a0-0ec2a1fa5aaa",
      },
      { kind: "email", addresses: ["zwgk@czj.example.gov.cn"] },
    ],
  },
  leadershipContact: {
    name: "王敏",
    post: "分管副局长",
    email: "wangmin@czj.example.gov.cn",
    mobile: "13807920001",
  },
  acknowledge: { note: "已安排分管领导及工作人员2人参会", contact: "王敏 0792-4512345" },
  training: {
    title: "共青城市2019年政务公开工作培训会",
    startsAt: "2019-11-15T09:00:00+08:00",
    venue: "市行政中心三楼会议室",
    agenda: [
      "九江市政府信息办领导作指导讲话",
      "市政府办主任对培训提出要求",
      "市政府信息办负责人传达省、九江市政务公开工作培训会议精神",
    ],
    speakers: [{ name: "九江市政府信息办负责同志", affiliation: "九江市人民政府信息办" }],
    invitedUnitCodes: ["000014351", "000014352"],
    materials: [],
  },
  attendance: { count: 2, names: ["王敏", "李强"] },
};
