import { testDeps } from "@gov/core/testing";
import { describe, expect, it } from "vitest";
import { composeApps } from "./compose.ts";

describe("issue 16 the site's root on the local stack", () => {
  it("robots.txt and sitemap.xml at the root are the portal's, and / and /public/ lead to the portal's home", async () => {
    const app = composeApps((await testDeps()).deps);
    const site = "http://portal.example:3000";
    for (const file of ["/robots.txt", "/sitemap.xml"]) {
      const atRoot = await app.request(`${site}${file}`);
      expect(atRoot.status, file).toBe(200);
      const text = await atRoot.text();
      expect(text, file).toBe(await (await app.request(`${site}/public${file}`)).text());
      // Their addresses are the visitor's site, not the composing server's idea of it.
      expect(text, file).toContain(`${site}/public`);
    }
    for (const path of ["/", "/public/"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location"), path).toBe("/public");
    }
  });
});
