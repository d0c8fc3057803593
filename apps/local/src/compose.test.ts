import { testDeps } from "@gov/core/testing";
import { describe, expect, it } from "vitest";
import { composeApps } from "./compose.ts";

describe("issue 16 the site's root on the local stack", () => {
  it("robots.txt at the root is the portal's, and / and /public/ lead to the portal's home", async () => {
    const app = composeApps((await testDeps()).deps);
    const robots = await app.request("/robots.txt");
    expect(robots.status).toBe(200);
    expect(await robots.text()).toBe(await (await app.request("/public/robots.txt")).text());
    for (const path of ["/", "/public/"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location"), path).toBe("/public");
    }
  });
});
