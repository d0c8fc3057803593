import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BuildOptions, build, type Plugin, type PluginBuild } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import plugins from "./esbuild-plugins.mjs";
import { sstBuildOptions } from "./sst-build.ts";

const root = join(import.meta.dirname, "..");
const publicEntry = join(root, "apps/public/src/lambda.ts");
const out = mkdtempSync(join(tmpdir(), "gov-sst-build-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Callback = (args: object) => unknown;

/**
 * SST 4.17's plugin bridge (.sst/platform/functions/nodejs-runtime/plugin.mjs) as it behaves:
 * esbuild hands it every path; it tests each callback's filter against `msg.path`, which is
 * undefined (so against the string "undefined"), ignores namespaces, and takes the first answer.
 */
function throughSstBridge(list: Plugin[]): Plugin {
  const onResolve: { filter: RegExp; callback: Callback }[] = [];
  const onLoad: { filter: RegExp; callback: Callback }[] = [];
  const stub = {
    onResolve: (options: { filter: RegExp }, callback: Callback) => onResolve.push({ ...options, callback }),
    onLoad: (options: { filter: RegExp }, callback: Callback) => onLoad.push({ ...options, callback }),
    onEnd: () => {},
  };
  for (const plugin of list) plugin.setup(stub as unknown as PluginBuild);
  const first = async (callbacks: typeof onResolve, args: object) => {
    for (const { filter, callback } of callbacks)
      if (new RegExp(filter).test(String(undefined))) {
        const reply = await callback(args);
        if (reply) return reply;
      }
    return undefined;
  };
  return {
    name: "sst-bridge",
    setup(b) {
      b.onResolve(
        { filter: /.*/ },
        (args) => first(onResolve, args) as ReturnType<Parameters<typeof b.onResolve>[1]>,
      );
      b.onLoad({ filter: /.*/ }, (args) => first(onLoad, args) as ReturnType<Parameters<typeof b.onLoad>[1]>);
    },
  };
}

async function zodLocalesIn(options: BuildOptions, outfile: string): Promise<string[]> {
  const { metafile } = await build({
    ...options,
    entryPoints: [publicEntry],
    outfile,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(metafile.inputs)
    .map((input) => /zod\/v4\/locales\/([\w-]+)\.js$/.exec(input)?.[1])
    .filter((locale): locale is string => locale !== undefined && locale !== "index")
    .sort();
}

describe("the deployed build (SST's esbuild with infra's lambdaBuild, ADR 0062)", () => {
  it("keeps only zod's zh-CN and en locales, also through SST's plugin bridge", async () => {
    expect(await zodLocalesIn(sstBuildOptions, join(out, "public.mjs"))).toEqual(["en", "zh-CN"]);
    expect(
      await zodLocalesIn(
        { ...sstBuildOptions, plugins: [throughSstBridge(plugins)] },
        join(out, "bridged.mjs"),
      ),
    ).toEqual(["en", "zh-CN"]);
    // Control: without the plugins every locale zod ships is bundled.
    const all = await zodLocalesIn({ ...sstBuildOptions, plugins: [] }, join(out, "all.mjs"));
    expect(all.length).toBeGreaterThan(30);
    expect(all).toContain("ar");
  });

  it("still answers a bad query with zod's message in Chinese", async () => {
    process.env.TABLE_NAME = "sst-build-test";
    const { handler } = (await import(pathToFileURL(join(out, "public.mjs")).href)) as {
      handler: (event: object, context: object) => Promise<{ statusCode: number; body: string }>;
    };
    const answer = await handler(
      {
        version: "2.0",
        routeKey: "$default",
        rawPath: "/public/v1/items",
        rawQueryString: "limit=abc",
        headers: { host: "example.org" },
        requestContext: {
          http: {
            method: "GET",
            path: "/v1/items",
            protocol: "HTTP/1.1",
            sourceIp: "203.0.113.9",
            userAgent: "t",
          },
          domainName: "example.org",
          stage: "$default",
          requestId: "r",
          timeEpoch: 0,
        },
        isBase64Encoded: false,
      },
      {},
    );
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body).errors).toEqual([
      { path: "query.limit", message: "无效输入：期望 数字，实际接收 NaN" },
    ]);
  });
});
