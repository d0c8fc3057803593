import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiReference } from "./api-reference.ts";

const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const app = apiReference({ basePath: "/publish", title: "政务公开发布接口" });

describe("issue 16 offline API reference: Swagger UI from the installed package", () => {
  it("serves swagger-ui-dist's own script and styles, byte for byte, cacheable and revalidated by version", async () => {
    for (const name of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
      const res = await app.request(`/${name}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dist, name)))).toBe(true);
      const etag = res.headers.get("etag") as string;
      expect(etag).toMatch(/^"swagger-ui-\d+\.\d+\.\d+"$/);
      expect((await app.request(`/${name}`, { headers: { "if-none-match": etag } })).status).toBe(304);
    }
  });

  it("names the title in Chinese and escapes it", async () => {
    const page = await (await apiReference({ basePath: "/x", title: "<b>接口</b>" }).request("/")).text();
    expect(page).toContain("<title>&lt;b&gt;接口&lt;/b&gt; · 接口文档</title>");
  });
});
