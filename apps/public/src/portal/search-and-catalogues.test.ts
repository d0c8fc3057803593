import { general, normative, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "../app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let publicApp: ReturnType<typeof createPublicApp>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = createPublicApp(h.deps);
  await h.key("000000001", ["office"]);
  const dept = await h.unit("000000602");
  await dept.publish({ ...normative("共府办发〔2026〕9号"), title: "共青城市农村生活垃圾治理办法" });
  await dept.publish(normative("共府办发〔2026〕10号"));
  await dept.publish(general("关于农村生活垃圾分类宣传活动的通知"));
});

const get = async (path: string) => {
  const res = await publicApp.request(path);
  return { status: res.status, headers: res.headers, text: await res.text() };
};

describe("the search page", () => {
  it("finds a normative document by its 文号 typed with other brackets, highlighted, linked to its page", async () => {
    const res = await get(`/search?q=${encodeURIComponent("共府办发[2026]9号")}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("共找到");
    expect(res.text).toContain("<em>共府办发〔2026〕9号</em>");
    // The first result is the document itself, linked to its page (its title may carry highlights).
    expect(res.text).toMatch(
      /<ol class="item-list"><li><a href="\/public\/items\/[^"]+">[^<]*(<em>[^<]*<\/em>[^<]*)*治理办法<\/a>/,
    );
    expect(res.text).toContain(
      '<input id="search-q" name="q" type="search" maxlength="100" value="共府办发[2026]9号"',
    );
  });

  it("the list filters narrow the results: 类型=规范性文件 leaves the notice out", async () => {
    const all = await get(`/search?q=${encodeURIComponent("生活垃圾")}`);
    expect(all.text).toContain("宣传活动的通知");
    const filtered = await get(`/search?q=${encodeURIComponent("生活垃圾")}&kind=normative&unit=`);
    expect(filtered.text).not.toContain("宣传活动的通知");
    expect(filtered.text).toContain("治理办法");
  });

  it("without a query the page is the form; an overlong query is 400 with the field's message", async () => {
    const empty = await get("/search");
    expect(empty.status).toBe(200);
    expect(empty.text).not.toContain("共找到");
    const long = await get(`/search?q=${"长".repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.text).toContain('id="search-q-error"');
    expect(long.text).toContain("检索词不能超过100个字符");
  });
});

describe("catalogues", () => {
  it("the normative-document catalogue by year: the three figures, the documents, the Atom feed", async () => {
    const res = await get("/documents?year=2026");
    expect(res.status).toBe(200);
    expect(res.text).toContain("本年制发2件，废止0件，年末现行有效2件");
    expect(res.text).toContain("共府办发〔2026〕10号");
    expect(res.text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="规范性文件（Atom）" href="/public/v1/feeds/normative-documents.atom"/>',
    );
    expect((await get("/documents?year=1999")).status).toBe(400);
  });

  it("the annual report of a year is the report's own HTML inside the portal's frame", async () => {
    const res = await get("/reports/annual/2026");
    expect(res.status).toBe(200);
    expect(res.text).toContain('<a class="skip-link" href="#main">');
    expect(res.text).toMatch(/<div class="annual-report"><h1>[^<]*2026年政府信息公开工作年度报告<\/h1>/);
    expect((await get("/reports/annual")).text).toContain(
      '<a href="/public/reports/annual/2008">2008年度报告</a>',
    );
    expect((await get("/reports/annual/2027")).status).toBe(404);
  });
});
