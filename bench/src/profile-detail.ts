import { publicItemDetail } from "@gov/domain";
import type { Deps } from "@gov/http";
import { startLocal } from "@gov/local";
import { createPublicApp, publicHttpOptionsFromEnv } from "@gov/public";
import { Hono } from "hono";
import { loadItems } from "./load.ts";

/**
 * `pnpm --filter @gov/bench exec tsx src/profile-detail.ts`: where an uncached detail's time
 * goes besides DynamoDB (issue 17). The same ids read sequentially, in process (no sockets):
 * the store call alone, the public app on the real store, the public app on a store that
 * answers from memory (frame + validation + serialization), and a bare Hono answering the
 * same object. Run with `--cpu-prof` to see the functions behind the difference.
 */
const rounds = Number(process.env.PROFILE_ROUNDS ?? 2000);
process.env.PUBLIC_CACHE_SECONDS = "0";
process.env.RATE_LIMIT_PER_MINUTE = "1000000000";

const stack = await startLocal({ port: 0, dataDir: undefined, seed: "none", log: () => {} });
try {
  const load = await loadItems(stack.deps, { count: 200, concurrency: 20, search: undefined }, () => {});
  const ids = load.sampleIds;
  const { store } = stack.deps;
  const found = new Map(
    await Promise.all(ids.map(async (id) => [id, await store.items.getWithLinks(id)] as const)),
  );
  const memoryStore = {
    ...store,
    items: { ...store.items, getWithLinks: async (id: string) => found.get(id) },
  };
  const options = publicHttpOptionsFromEnv(process.env);
  const real = createPublicApp(stack.deps, options);
  const inMemory = createPublicApp({ ...stack.deps, store: memoryStore } as Deps, options);
  const bare = new Hono().get("/v1/items/:id", (c) => {
    const hit = found.get(c.req.param("id"));
    return hit ? c.json(publicItemDetail(hit.item, hit.links)) : c.notFound();
  });

  const time = async (name: string, once: (id: string) => Promise<unknown>) => {
    for (const id of ids) await once(id); // warm-up
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < rounds; i++) await once(ids[i % ids.length] as string);
    const perCall = (performance.now() - started) / rounds;
    // CPU time too: on a shared machine the wall clock mostly measures the neighbours.
    const { user, system } = process.cpuUsage(cpu);
    const cpuPerCall = (user + system) / rounds;
    console.log(
      `${name.padEnd(58)} ${(perCall * 1000).toFixed(0).padStart(6)} µs wall ${cpuPerCall.toFixed(0).padStart(6)} µs CPU`,
    );
    return perCall;
  };
  const body = async (res: Response) => {
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
    return res.text();
  };
  // PROFILE_FRAME_ONLY=1 with --cpu-prof: the frame's loop alone, nothing else in the profile.
  if (!process.env.PROFILE_FRAME_ONLY) {
    await time("store.items.getWithLinks", (id) => store.items.getWithLinks(id));
    await time("public app, real store (app.request)", async (id) =>
      body(await real.request(`/v1/items/${id}`)),
    );
  }
  await time("public app, store answering from memory", async (id) =>
    body(await inMemory.request(`/v1/items/${id}`)),
  );
  await time("bare Hono, same object (publicItemDetail + c.json)", async (id) =>
    body(await bare.request(`/v1/items/${id}`)),
  );
  await time("publicItemDetail + JSON.stringify alone", async (id) => {
    const hit = found.get(id);
    return hit ? JSON.stringify(publicItemDetail(hit.item, hit.links)) : "";
  });
} finally {
  await stack.stop();
}
process.exit(0);
