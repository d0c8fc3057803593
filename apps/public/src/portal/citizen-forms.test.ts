import { connectedFrom } from "@gov/http";
import { general } from "@gov/publish/testing";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness } from "../citizen-harness.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let openConsultation: string;
let closedConsultation: string;

// Both consultations are opened on 2026-02-02; the forms are used on 2026-03-02, 10:00 in Beijing.
beforeAll(async () => {
  h = await citizenHarness({}, new Date("2026-02-02T02:00:00.000Z"));
  dept = await h.unit("000014349");
  const draft = await dept.draft({
    ...general("共青城市城区停车管理办法（征求意见稿）"),
    generatedOn: "2026-01-30",
  });
  const open = async (opensOn: string, closesOn: string) => {
    const res = await h.call("POST", "/consultations", dept.editor, {
      title: `停车管理办法征求意见（${opensOn}）`,
      itemId: draft.id,
      description: "欢迎社会各界提出意见建议。",
      opensOn,
      closesOn,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  openConsultation = await open("2026-02-02", "2026-03-10");
  closedConsultation = await open("2026-02-02", "2026-02-10");
  h.setNow(new Date("2026-03-02T02:00:00.000Z"));
});

let clients = 0;
/** A form as a browser posts it (urlencoded), each from its own address unless one is given. */
const postForm = (path: string, fields: Record<string, string>, client = `203.0.113.${++clients}`) =>
  h.publicApp.request(
    path,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    },
    connectedFrom(client),
  );
const getPage = async (path: string, cookie?: string) => {
  const res = await h.publicApp.request(path, cookie ? { headers: { cookie } } : {});
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

const application = {
  unitCode: "000014349",
  "applicant.type": "natural-person",
  "applicant.name": "张三",
  "applicant.phone": "13800000000",
  description: "申请公开2025年城区道路改造工程的招标文件",
  provisionForm: "email",
  website: "",
};

describe("application form without JavaScript (POST, then 303 to the receipt)", () => {
  it("the receipt shows the tracking code and secret once, carried by a cookie, never in an address", async () => {
    const posted = await postForm("/apply", application);
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe("/public/apply/receipt");
    const setCookie = posted.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/Path=\/public\/apply\/receipt/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const receipt = await getPage("/apply/receipt", cookieOf(posted));
    expect(receipt.headers.get("cache-control")).toBe("no-store");
    const trackingCode = /id="tracking-code">([^<]+)</.exec(receipt.text)?.[1] ?? "";
    const secret = /id="secret">([^<]+)</.exec(receipt.text)?.[1] ?? "";
    expect(trackingCode).toMatch(/^YSQ\d{4}-/);
    expect(secret.length).toBeGreaterThan(10);
    expect(receipt.headers.get("set-cookie")).toMatch(/receipt=;.*Max-Age=0/);

    const status = await postForm("/apply/status", { trackingCode, secret });
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toBe("no-store");
    expect(await status.text()).toContain('<td id="application-state">已收到，办理中</td>');

    const wrong = await postForm("/apply/status", { trackingCode, secret: "wrong-secret-wrong-secret" });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain("查询码或查询密钥不正确");
  });

  it("the status form posts the secret: there is no way to send it in the address", async () => {
    const form = await getPage("/apply/status");
    expect(form.text).toContain('<form method="post" action="/public/apply/status"');
    expect(form.text).toContain('name="secret" type="password"');
  });

  it("a form with a missing field answers 400 with the message beside the field, and writes nothing", async () => {
    const before = await countTable(h.store);
    const posted = await postForm("/apply", { ...application, "applicant.name": "" });
    expect(posted.status).toBe(400);
    const text = await posted.text();
    expect(text).toContain('id="field-applicant-name-error"');
    expect(text).toContain('value="13800000000"');
    expect(await countTable(h.store)).toBe(before);
  });

  it("ADR 0025: the bot trap holds for forms too: a filled hidden field is refused and nothing is written", async () => {
    const before = await countTable(h.store);
    const posted = await postForm("/apply", { ...application, website: "http://spam.example" });
    expect(posted.status).toBe(400);
    expect(posted.headers.get("content-type")).toContain("text/html");
    expect(await posted.text()).toContain("提交未通过自动程序校验");
    expect(await countTable(h.store)).toBe(before);
  });

  it("ADR 0025: the same form posted twice from one client is one application, shown as such", async () => {
    const again = { ...application, description: "申请公开2025年城区绿化工程的验收报告" };
    expect((await postForm("/apply", again, "198.51.100.77")).status).toBe(303);
    const second = await postForm("/apply", again, "198.51.100.77");
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("已收到相同内容的提交");
  });
});

describe("mailbox and consultation forms", () => {
  it("a letter to the mayor's mailbox: 303 to its receipt, then its status by code and secret", async () => {
    const posted = await postForm("/mailbox", {
      subject: "关于城区公共停车位不足的建议",
      body: "建议在老城区增设公共停车位。",
      "writer.name": "王先生",
      "writer.phone": "13800000000",
      consentToPublish: "true",
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe("/public/mailbox/receipt");
    const receipt = await getPage("/mailbox/receipt", cookieOf(posted));
    const trackingCode = /id="tracking-code">([^<]+)</.exec(receipt.text)?.[1] ?? "";
    const secret = /id="secret">([^<]+)</.exec(receipt.text)?.[1] ?? "";
    const status = await postForm("/mailbox/status", { trackingCode, secret });
    expect(await status.text()).toContain('<td id="letter-state">已收到</td>');
    expect((await getPage("/mailbox/receipt")).text).toContain("回执已显示过");
  });

  it("a comment on an open consultation: 303 to the thanks; a closed one shows no form and refuses with 409", async () => {
    const page = await getPage(`/consultations/${openConsultation}`);
    expect(page.text).toContain(`action="/public/consultations/${openConsultation}/comments"`);
    const posted = await postForm(`/consultations/${openConsultation}/comments`, {
      content: "建议在学校周边设置限时免费停车位。",
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe(`/public/consultations/${openConsultation}/commented`);
    expect((await getPage(`/consultations/${openConsultation}/commented`)).text).toContain("您的意见已收到");

    expect((await getPage(`/consultations/${closedConsultation}`)).text).not.toContain(
      '<form method="post" action="/public/consultations',
    );
    const late = await postForm(`/consultations/${closedConsultation}/comments`, { content: "太晚了" });
    expect(late.status).toBe(409);
    expect((await getPage("/consultations")).text).toContain("停车管理办法征求意见（2026-02-02）");
  });
});
