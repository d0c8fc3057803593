import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness, letterBody } from "../citizen-harness.ts";
import { pageCacheKey } from "./portal.tsx";

let h: Awaited<ReturnType<typeof citizenHarness>>;
const finance = "000014351";
let published: string;
let notConsented: string;
let unanswered: string;

// Letters arrive on Monday 13 October 2025 (Beijing); the pages are read on 4 November.
beforeAll(async () => {
  h = await citizenHarness({}, new Date("2025-10-13T02:00:00.000Z"));
  const office = await h.key("000014349", ["office"]);
  const editor = await h.key(finance, ["editor"]);
  const letter = async (subject: string, consentToPublish: boolean, reply: boolean) => {
    const { id } = (await h.post("/letters", { ...letterBody(subject), consentToPublish })).body;
    await h.call("POST", `/letters/${id}/transfer`, office, { unitCode: finance, reason: "职能" });
    if (reply) await h.call("POST", `/letters/${id}/reply`, editor, { body: `关于「${subject}」的答复` });
    return id;
  };
  published = await letter("建议增设老城区公共停车位", true, true);
  notConsented = await letter("反映邻居噪声扰民问题", false, true);
  unanswered = await letter("咨询公积金提取政策", true, false);
  const applied = await h.post("/applications", {
    unitCode: finance,
    applicant: { type: "natural-person", name: "王五", phone: "13900000000" },
    description: "申请公开本市2025年老旧小区改造项目清单",
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  h.setNow(new Date("2025-11-04T02:00:00.000Z"));
});

const getPage = async (path: string) => {
  const res = await h.publicApp.request(path);
  return { status: res.status, headers: res.headers, text: await res.text() };
};
/** The value cell of a figures table's row. */
const figure = (html: string, label: string) =>
  new RegExp(`<th scope="row">${label.replace(/[()（）]/g, "\\$&")}</th><td>([^<]*)</td>`).exec(html)?.[1];

describe("statistics pages (issue 16): the same figures as the JSON statistics, no person in them", () => {
  it("the mailbox page shows the year's counts as /v1/stats/letters computes them", async () => {
    const json = (await h.get(`/stats/letters?year=2025&unit=${finance}`)).body;
    const res = await getPage(`/statistics/letters?year=2025&unit=${finance}`);
    expect(res.status).toBe(200);
    expect(json).toMatchObject({ received: 3, replied: 2 });
    expect(figure(res.text, "收到来信（件）")).toBe("3");
    expect(figure(res.text, "已答复（件）")).toBe("2");
    expect(figure(res.text, "答复率")).toBe("66.67%");
    expect(figure(res.text, "平均答复用时")).toBe(`${json.averageReplyWorkingDays}个工作日`);
    expect(res.text).toContain(`<title>市长信箱统计（2025年度 · 测试单位${finance}） - 政府信息公开</title>`);
    expect(res.text).toContain(
      `<link rel="canonical" href="http://localhost/public/statistics/letters?year=2025&amp;unit=${finance}"/>`,
    );
    expect(res.text).not.toContain("王先生");
    expect(res.text).not.toContain("13800000000");
  });

  it("the applications page shows received, by channel, and what is carried into next year, never the applicant", async () => {
    const res = await getPage(`/statistics/applications?year=2025&unit=${finance}`);
    expect(res.status).toBe(200);
    expect(figure(res.text, "本年新收申请")).toBe("1");
    expect(figure(res.text, "网上申请")).toBe("1");
    expect(figure(res.text, "本年办结")).toBe("0");
    expect(res.text).toContain('<option value="2025" selected="">2025年</option>');
    expect(res.text).not.toContain("王五");
    expect(res.text).not.toContain("13900000000");
  });

  it("an unknown unit is 404 and a year outside the Regulations' years is 400, as pages in the frame", async () => {
    const unknown = await getPage("/statistics/letters?unit=999999999");
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain("<h1>单位不存在</h1>");
    const early = await getPage("/statistics/applications?year=2007");
    expect(early.status).toBe(400);
    expect(early.text).toContain("year");
  });
});

describe("published mailbox replies (issue 16): only what the writer agreed to publish and was answered", () => {
  it("the list holds the published letter alone, linking to its page with received, replied, unit and reply", async () => {
    const list = await getPage("/mailbox/replies");
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/public/mailbox/replies/${published}"`);
    expect(list.text).not.toContain(notConsented);
    expect(list.text).not.toContain(unanswered);
    const detail = await getPage(`/mailbox/replies/${published}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain("<h1>建议增设老城区公共停车位</h1>");
    for (const label of ["受理日期", "答复日期", "答复部门"]) expect(figure(detail.text, label)).toBeTruthy();
    expect(detail.text).toContain("关于「建议增设老城区公共停车位」的答复");
    expect(detail.text).not.toContain("王先生");
    expect(detail.text).toContain('<meta property="og:type" content="article"/>');
  });

  it("a letter without consent, one not yet answered, and a malformed id all read as missing (404)", async () => {
    for (const id of [notConsented, unanswered, "not-a-letter"]) {
      const res = await getPage(`/mailbox/replies/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.text, id).not.toContain("反映邻居噪声扰民问题");
    }
  });

  it("the list filters by reply year and unit: another year has none", async () => {
    expect((await getPage(`/mailbox/replies?year=2025&unit=${finance}`)).text).toContain(published);
    expect((await getPage("/mailbox/replies?year=2024")).text).toContain("暂无公开答复。");
    expect((await getPage("/mailbox/replies?year=abc")).status).toBe(400);
  });

  it("ADR 0041: the replies and statistics pages are the same for everyone, so the instance cache keeps them", () => {
    for (const path of [
      "/public/mailbox/replies?year=2025",
      `/public/mailbox/replies/${published}`,
      "/public/statistics/letters?year=2025",
      "/public/statistics/applications",
    ])
      expect(pageCacheKey(new URL(`http://x${path}`)), path).toBeDefined();
    expect(pageCacheKey(new URL("http://x/public/mailbox/receipt"))).toBeUndefined();
  });
});

describe("Atom links on every list (issue 16)", () => {
  it("each list page announces its feed in <link rel=alternate> and links it visibly, and the feed answers", async () => {
    for (const path of [
      "/",
      "/items",
      "/items?column=decision",
      `/items?unit=${finance}`,
      "/documents",
      "/mailbox",
      "/mailbox/replies",
      "/consultations",
    ]) {
      const res = await getPage(path);
      expect(res.status, path).toBe(200);
      const announced =
        /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="([^"]+)"\/>/.exec(
          res.text,
        )?.[1];
      expect(announced, path).toMatch(/^\/public\/v1\/feeds\/.+\.atom$/);
      expect(res.text, path).toContain(`<a href="${announced}" type="application/atom+xml">`);
      const feed = await h.publicApp.request((announced ?? "").slice("/public".length));
      expect(feed.status, announced).toBe(200);
      expect(feed.headers.get("content-type"), announced).toBe("application/atom+xml; charset=utf-8");
      expect(await feed.text(), announced).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    }
  });

  it("the replies feed carries the published letter, linked to its page, and nothing of the others or of any writer", async () => {
    // The app answers under whatever prefix mounts it; an entry's page sits beside its /v1.
    const xml = await (await h.publicApp.request("http://portal.example/v1/feeds/letters.atom")).text();
    expect(xml).toContain(`<id>urn:gov-disclosure:letter:${published}</id>`);
    expect(xml).toContain(
      `<link rel="alternate" type="text/html" href="http://portal.example/mailbox/replies/${published}"/>`,
    );
    expect(xml).not.toContain(notConsented);
    expect(xml).not.toContain(unanswered);
    expect(xml).not.toContain("王先生");
    expect(xml).not.toContain("13800000000");
  });
});
