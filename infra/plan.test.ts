import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tableDefinition } from "@gov/store/table";
import { describe, expect, it } from "vitest";
import {
  channelEnvironment,
  channelSettings,
  dynamoArgs,
  functions,
  noticeDispatch,
  publicCdn,
  rootFileRewrite,
  subscriptionDigest,
  supervisionScan,
} from "./plan.ts";

const root = join(import.meta.dirname, "..");

/** "apps/publish/src/lambda.handler" → the file and the export it names. */
function resolveHandler(handler: string) {
  const dot = handler.lastIndexOf(".");
  return { file: join(root, `${handler.slice(0, dot)}.ts`), exportName: handler.slice(dot + 1) };
}

describe("infra plan (checked offline, without the sst CLI)", () => {
  it("every handler path exists and exports a function of that name", async () => {
    process.env.TABLE_NAME = "plan-test";
    for (const { handler } of [...functions, supervisionScan, subscriptionDigest, noticeDispatch]) {
      const { file, exportName } = resolveHandler(handler);
      expect(existsSync(file), file).toBe(true);
      const module = (await import(file)) as Record<string, unknown>;
      expect(typeof module[exportName], handler).toBe("function");
    }
  });

  it("every app with a Lambda entry has exactly one function, and all its routes go to it", () => {
    const deployable = readdirSync(join(root, "apps")).filter((app) =>
      existsSync(join(root, "apps", app, "src/lambda.ts")),
    );
    expect(deployable.sort()).toEqual(["notices", "public", "publish", "supervision"]);
    for (const app of deployable) {
      const own = functions.filter((f) => f.handler.startsWith(`apps/${app}/`));
      expect(own, app).toHaveLength(1);
      expect(own[0]?.routes, app).toEqual([`ANY /${app}`, `ANY /${app}/{proxy+}`]);
    }
    expect(functions).toHaveLength(deployable.length);
    const routes = functions.flatMap((f) => f.routes);
    expect(new Set(routes).size, "a route claimed by two functions").toBe(routes.length);
  });

  it("every app's function answers the paths API Gateway hands it: its routes under the app's base path", async () => {
    process.env.TABLE_NAME = "plan-test";
    /** An HTTP API (payload 2.0) event for a route `ANY /<app>/{proxy+}`: the whole path, unstripped. */
    const event = (rawPath: string) => ({
      version: "2.0",
      routeKey: "$default",
      rawPath,
      rawQueryString: "",
      headers: { host: "api.example.org" },
      requestContext: {
        http: { method: "GET", path: rawPath, protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "t" },
        domainName: "api.example.org",
        stage: "$default",
        requestId: "r",
        timeEpoch: 0,
      },
      isBase64Encoded: false,
    });
    for (const { handler, routes } of functions) {
      const base = routes[0]?.replace("ANY ", "") as string;
      const { file, exportName } = resolveHandler(handler);
      const handle = (
        (await import(file)) as Record<
          string,
          (e: object, c: object) => Promise<{ statusCode: number; body: string }>
        >
      )[exportName];
      const document = await handle?.(event(`${base}/openapi.json`), {});
      expect(document?.statusCode, base).toBe(200);
      expect(JSON.parse(document?.body ?? "{}").servers, base).toEqual([{ url: base }]);
      // Control: the app's own path without the base is not a route of the function.
      expect((await handle?.(event("/openapi.json"), {}))?.statusCode, base).toBe(404);
    }
  });

  it("the table has exactly the store's keys, indexes and TTL attribute", () => {
    const args = dynamoArgs();
    expect(args.primaryIndex).toEqual({
      hashKey: tableDefinition.partitionKey,
      rangeKey: tableDefinition.sortKey,
    });
    expect(Object.keys(args.globalIndexes)).toEqual(Object.keys(tableDefinition.indexes));
    for (const [name, index] of Object.entries(tableDefinition.indexes)) {
      expect(args.globalIndexes[name]).toEqual({ hashKey: index.partitionKey, rangeKey: index.sortKey });
    }
    expect(args.ttl).toBe(tableDefinition.ttlAttribute);
    expect(Object.values(args.fields).every((t) => t === "string")).toBe(true);
  });

  it("issue 12 #7 the public API sits behind a CDN whose window, with the browser's and the instance's, keeps a withdrawal within 60 s", async () => {
    const publicApp = functions.find((f) => f.name === "Public");
    expect(publicApp?.routes.every((r) => r.startsWith(`ANY ${publicCdn.path}`))).toBe(true);
    const { publicCacheControl, publicHttpOptionsFromEnv } = (await import(
      join(root, "apps/public/src/index.ts")
    )) as typeof import("../apps/public/src/index.ts");
    const seconds = (name: string) =>
      Number(publicCacheControl.match(new RegExp(`(?:^|[ ,])${name}=(\\d+)`))?.[1] ?? 0);
    expect(seconds("stale-while-revalidate")).toBe(0);
    const options = publicHttpOptionsFromEnv(
      publicApp && "environment" in publicApp ? publicApp.environment : {},
    );
    const edge = Math.min(seconds("s-maxage"), publicCdn.maxTtlSeconds);
    expect(options.cacheSeconds + edge + seconds("max-age")).toBeLessThanOrEqual(60);
    // The public function believes exactly the one hop the CDN appends.
    expect(options.trustedProxies).toBe(1);
  });

  it("issue 16 the deployed site answers /robots.txt and /sitemap.xml at its root with the portal's, as pnpm start does", async () => {
    const { createPublicApp, siteRootFiles } = (await import(
      join(root, "apps/public/src/index.ts")
    )) as typeof import("../apps/public/src/index.ts");
    const { testDeps } = (await import(
      join(root, "packages/core/src/testing.ts")
    )) as typeof import("../packages/core/src/testing.ts");
    expect([...publicCdn.rootFiles]).toEqual([...siteRootFiles]);
    const portal = createPublicApp((await testDeps()).deps);
    for (const file of publicCdn.rootFiles) {
      const { regex, to } = rootFileRewrite(file);
      const pattern = new RegExp(regex);
      // CloudFront rewrites the path alone; the query string goes on untouched.
      expect(file.replace(pattern, to)).toBe(`${publicCdn.path}${file}`);
      for (const other of [`${file}/x`, `/x${file}`, file.replace(".", "_")])
        expect(pattern.test(other), other).toBe(false);
      // The rewritten path reaches the Public function through its own routes, and the portal answers it.
      expect(to.startsWith(`${publicCdn.path}/`)).toBe(true);
      const res = await portal.request(to.slice(publicCdn.path.length));
      expect(res.status, to).toBe(200);
    }
  });

  it("issue 12 #7 the function that commits public changes invalidates the CDN's paths", async () => {
    expect(functions.find((f) => f.name === publicCdn.invalidatedBy)?.handler).toBe(
      "apps/publish/src/lambda.handler",
    );
    const { invalidatedPaths } = (await import(
      join(root, "packages/http/src/cdn.ts")
    )) as typeof import("../packages/http/src/cdn.ts");
    expect(invalidatedPaths.length).toBeGreaterThan(0);
    for (const path of invalidatedPaths) expect(path.startsWith(`${publicCdn.path}/`), path).toBe(true);
  });

  it("issue 13 where it runs: the dispatcher runs every minute with room for a channel's run, and every function that issues notices wakes it", async () => {
    expect(noticeDispatch.schedule).toBe("rate(1 minute)");
    // dispatchUntilIdle starts no channel with less than 110 s left.
    expect(noticeDispatch.timeoutSeconds).toBeGreaterThan(110);
    const issuing = functions.filter((f) => "issuesNotices" in f && f.issuesNotices).map((f) => f.name);
    expect(issuing.sort()).toEqual(["Notices", "Public", "Supervision"]);
  });

  it("ADR 0054: the console's signing key goes to the one function that serves /supervision/console, whose handler reads it", () => {
    const serving = functions.filter((f) => "servesConsole" in f && f.servesConsole);
    expect(serving.map((f) => f.name)).toEqual(["Supervision"]);
    expect(serving[0]?.routes).toContain("ANY /supervision/{proxy+}");
    const handler = readFileSync(join(root, "apps/supervision/src/lambda.ts"), "utf8");
    expect(handler).toContain("consoleSessionKeyFrom(process.env)");
  });

  it("issue 13 where it runs: infra passes exactly the channel settings the senders read, and only those the deployer set", async () => {
    const { ChannelEnv } = (await import(
      join(root, "apps/notices/src/channels/config.ts")
    )) as typeof import("../apps/notices/src/channels/config.ts");
    const read = Object.keys(ChannelEnv.in.shape).filter((name) => name !== "NOTICE_LINK_BASE");
    expect([...channelSettings].sort()).toEqual(read.sort());
    expect(channelEnvironment({ SES_FROM: "gk@example.gov.cn", SES_REGION: "", PATH: "/usr/bin" })).toEqual({
      SES_FROM: "gk@example.gov.cn",
    });
  });
});
