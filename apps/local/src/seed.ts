import { addDays, addWorkingDays, type Role, type Unit } from "@gov/domain";
import { type Deps, jsonClient } from "@gov/http";
import { createNoticesApp } from "@gov/notices";
import { createPublicApp } from "@gov/public";
import { createPublishApp } from "@gov/publish";
import type { Store } from "@gov/store";
import { createSupervisionApp } from "@gov/supervision";
import { demoApplications } from "./demo/applications.ts";
import { demoChannels, demoLeadershipContacts } from "./demo/channels.ts";
import { demoConsultations } from "./demo/consultations.ts";
import { demoAssessments, demoIndicatorSystems } from "./demo/indicators.ts";
import { demoItems } from "./demo/items.ts";
import { demoLetters } from "./demo/letters.ts";
import { demoTrainings } from "./demo/trainings.ts";
import { demoUnits, officeUnitCode } from "./demo/units.ts";

/**
 * Runs `work` with the clock reading `time`. Seeding runs entities side by side, each at its
 * own moment, so the time belongs to the work in hand rather than to the process.
 */
export type AtTime = <T>(time: Date, work: () => Promise<T>) => Promise<T>;

/** Runs `work` for every element, at most `width` at once. */
async function eachConcurrently<T>(all: readonly T[], width: number, work: (one: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < all.length) await work(all[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, all.length) }, worker));
}

/** `.local/credentials.json`: `{ "<unitCode>": { "name", "keys": { "<role>": "<key>" } } }`. */
export type Credentials = Record<string, { name: string; keys: Partial<Record<Role, string>> }>;

const rolesOf = (unit: Unit): Role[] =>
  unit.kind === "office" ? ["office", "assessor", "editor", "reviewer"] : ["editor", "reviewer"];

export async function seedUnits(store: Store, mode: "demo" | "none"): Promise<Unit[]> {
  const units = mode === "demo" ? demoUnits : demoUnits.filter((u) => u.code === officeUnitCode);
  for (const unit of units) await store.units.put(unit);
  return units;
}

/** Issues one key per role per unit. Only the file keeps the secrets; the table keeps hashes. */
export async function issueKeys(store: Store, units: Unit[], now: Date): Promise<Credentials> {
  const credentials: Credentials = {};
  for (const unit of units) {
    const keys: Partial<Record<Role, string>> = {};
    for (const role of rolesOf(unit)) {
      const label = `演示密钥（${role}）`;
      keys[role] = (
        await store.apiKeys.issue({ unitCode: unit.code, roles: [role], label, now: now.toISOString() })
      ).secret;
    }
    credentials[unit.code] = { name: unit.name, keys };
  }
  return credentials;
}

/**
 * Publishes the demo items through the department API itself (draft → submit → approve,
 * with each unit's own keys), the clock set to when each was formed and published, so
 * the demo data has exactly the 索引号, timeliness facts, links and audit trail a real
 * department's would. Units publish side by side; within a unit in the list's order, so
 * its 索引号 are the same on every start. An item that links to another waits for it.
 */
export async function seedItems(deps: Deps, credentials: Credentials, at: AtTime): Promise<number> {
  const app = createPublishApp(deps);
  const ids = new Map<string, Promise<string>>();
  const settle = new Map<string, (id: string) => void>();
  for (const { ref } of demoItems) {
    if (ref) ids.set(ref, new Promise((resolve) => settle.set(ref, resolve)));
  }
  const idOf = (ref: string) => ids.get(ref) ?? Promise.reject(new Error(`演示信息引用不存在：${ref}`));
  const units = [...new Set(demoItems.map((i) => i.unitCode))];
  await eachConcurrently(units, units.length, async (code) => {
    for (const demo of demoItems.filter((i) => i.unitCode === code)) {
      const { unitCode, ref, interpretsRef, relatedRefs, ...fields } = demo;
      const keys = credentials[unitCode]?.keys;
      if (!keys?.editor || !keys.reviewer) throw new Error(`演示单位${unitCode}缺少密钥`);
      const body = {
        ...fields,
        ...(interpretsRef ? { interprets: await idOf(interpretsRef) } : {}),
        ...(relatedRefs ? { relatedItemIds: await Promise.all(relatedRefs.map(idOf)) } : {}),
      };
      const created = await at(new Date(`${demo.generatedOn}T01:30:00.000Z`), async () => {
        const draft = await call(app, "/v1/items", keys.editor, body);
        await call(app, `/v1/items/${draft.id}/submit`, keys.editor);
        return draft;
      });
      const publishedOn = addWorkingDays(deps.calendar, demo.generatedOn, 2).date;
      await at(new Date(`${publishedOn}T02:00:00.000Z`), () =>
        call(app, `/v1/items/${created.id}/approve`, keys.reviewer, { review: clearReview }),
      );
      if (ref) settle.get(ref)?.(created.id);
    }
  });
  return demoItems.length;
}

const clearReview = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };

async function call(
  app: { request: ReturnType<typeof createPublishApp>["request"] },
  path: string,
  key: string | undefined,
  body?: unknown,
) {
  const res = await jsonClient<{ id: string; trackingCode: string }>((p, init) => app.request(p, init))(
    "POST",
    path,
    key,
    body,
  );
  if (res.status >= 300) throw new Error(`演示数据写入失败 ${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The seed's 2019 applications, through the same doors as real ones: online ones through the
 * public intake, paper ones registered by the unit's staff, and every handling step as an
 * event, the clock set to each day so the receipt dates and event checks are the real ones.
 */
export async function seedApplications(deps: Deps, credentials: Credentials, at: AtTime): Promise<number> {
  const publish = createPublishApp(deps);
  const portal = createPublicApp(deps);
  for (const demo of demoApplications) {
    const key = credentials[demo.unitCode]?.keys.editor;
    if (!key) throw new Error(`演示单位${demo.unitCode}缺少密钥`);
    const { applicant, description, unitCode, channel, receivedOn } = demo;
    const id = await at(new Date(`${receivedOn}T02:00:00.000Z`), async () => {
      if (channel !== "online")
        return (await send(publish, "/v1/applications", key, { channel, receivedOn, applicant, description }))
          .id;
      const receipt = await send(portal, "/v1/applications", undefined, { unitCode, applicant, description });
      return idOf(publish, key, receipt.trackingCode);
    });
    for (const event of demo.events) {
      await at(new Date(`${event.on}T02:00:00.000Z`), () =>
        send(publish, `/v1/applications/${id}/events`, key, event),
      );
    }
  }
  return demoApplications.length;
}

async function idOf(app: ReturnType<typeof createPublishApp>, key: string, trackingCode: string) {
  const res = await app.request("/v1/applications?limit=100", {
    headers: { authorization: `Bearer ${key}` },
  });
  const { items } = (await res.json()) as { items: { id: string; trackingCode: string }[] };
  const found = items.find((a) => a.trackingCode === trackingCode);
  if (!found) throw new Error(`演示申请${trackingCode}未进入单位列表`);
  return found.id;
}

type Requestable = { request: (path: string, init: RequestInit) => Response | Promise<Response> };

async function send(app: Requestable, path: string, key: string | undefined, body: unknown) {
  const res = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id: string; trackingCode: string };
  if (!res.ok) throw new Error(`演示数据写入失败 ${path}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * The seed's 2019 evaluation round through the supervision API itself: the three sheets, the
 * evaluator's scores for a few units (manual and automatic, judged as of 2019-12-20), and
 * the office's rectification tasks due 2020-01-06, so the demo shows lost points with the
 * records behind them.
 */
export async function seedSupervision(
  deps: Deps,
  credentials: Credentials,
  at: AtTime,
): Promise<{ systems: number; assessments: number; tasks: number }> {
  const app = createSupervisionApp(deps);
  const keys = credentials[officeUnitCode]?.keys;
  if (!keys?.office || !keys.assessor) throw new Error("演示数据缺少市政务公开办的密钥");
  const { office, assessor } = keys;
  const systemIds = new Map<string, string>();
  await at(new Date("2019-11-15T02:00:00.000Z"), async () => {
    for (const system of demoIndicatorSystems) {
      const created = await request(app, "POST", "/v1/indicator-systems", office, system);
      systemIds.set(system.level, created.body.id as string);
    }
  });
  const tasks = await at(new Date(`${demoAssessments.scoredOn}T02:00:00.000Z`), () =>
    scoreDemoUnits(app, systemIds, office, assessor),
  );
  return { systems: demoIndicatorSystems.length, assessments: demoAssessments.units.length, tasks };
}

async function scoreDemoUnits(
  app: ReturnType<typeof createSupervisionApp>,
  systemIds: Map<string, string>,
  office: string,
  assessor: string,
): Promise<number> {
  let tasks = 0;
  for (const unit of demoAssessments.units) {
    const body = {
      indicatorSystemId: systemIds.get(unit.level),
      unitCode: unit.unitCode,
      assessor: demoAssessments.assessor,
    };
    const created = await request(app, "POST", "/v1/assessments", office, body);
    const id = created.body.id as string;
    const scored = await request(
      app,
      "PUT",
      `/v1/assessments/${id}/scores`,
      assessor,
      { scores: unit.manual },
      {
        "if-match": created.etag,
      },
    );
    const auto = await request(app, "POST", `/v1/assessments/${id}/auto-score`, assessor, undefined, {
      "if-match": scored.etag,
    });
    const lost = (auto.body.indicators as { lost: number | null }[]).some((i) => (i.lost ?? 0) > 0);
    if (lost) {
      const issued = await request(app, "POST", `/v1/assessments/${id}/rectification-tasks`, office, {
        deadline: demoAssessments.deadline,
      });
      tasks += (issued.body.items as unknown[]).length;
    }
  }
  return tasks;
}

async function request(
  app: ReturnType<typeof createSupervisionApp>,
  method: string,
  path: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const send = jsonClient<Record<string, unknown>>((p, init) => app.request(p, init));
  const res = await send(method, path, key, body, headers);
  if (res.status >= 300)
    throw new Error(`演示考评数据写入失败 ${method} ${path}: ${JSON.stringify(res.body)}`);
  return res;
}

/**
 * Every demo unit's delivery channels (demo/channels.ts), and two units' leadership contacts,
 * set by the office through the notices API at the start of 2019, so the year's notices (and a
 * 督办 escalation) are delivered to the capture page and the email emulator when `pnpm start` runs.
 */
export async function seedChannels(deps: Deps, credentials: Credentials, at: AtTime): Promise<number> {
  const app = createNoticesApp(deps);
  const send = jsonClient<Record<string, unknown>>((p, init) => app.request(p, init));
  const office = keysOf(credentials, officeUnitCode).office as string;
  const units = demoChannels();
  await at(beijing("2019-01-02", 9), async () => {
    for (const { unitCode, channels } of units) {
      const res = await send("PUT", `/v1/units/${unitCode}/channels`, office, { channels });
      if (res.status >= 300) throw new Error(`演示送达渠道写入失败 ${unitCode}: ${JSON.stringify(res.body)}`);
    }
    for (const { unitCode, contact } of demoLeadershipContacts()) {
      const res = await send("PUT", `/v1/units/${unitCode}/leadership-contact`, office, contact);
      if (res.status >= 300)
        throw new Error(`演示分管领导联系方式写入失败 ${unitCode}: ${JSON.stringify(res.body)}`);
    }
  });
  return units.length;
}

/**
 * The seed's three 2019 trainings through the notices API: the office creates each ten days
 * ahead and issues the notice drafted from it as it is; the day after, each invited unit
 * records its own attendance with its own key. The annual report counts them from these rows.
 */
export async function seedTrainings(deps: Deps, credentials: Credentials, at: AtTime): Promise<number> {
  const app = createNoticesApp(deps);
  const send = jsonClient<Record<string, unknown> & { id: string }>((p, init) => app.request(p, init));
  const office = keysOf(credentials, officeUnitCode).office as string;
  const ok = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await send(method, path, key, body);
    if (res.status >= 300) throw new Error(`演示培训写入失败 ${method} ${path}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  for (const { attendance, ...training } of demoTrainings) {
    const heldOn = training.startsAt.slice(0, 10);
    const { id } = await at(beijing(addDays(heldOn, -10), 9), async () => {
      const created = await ok("POST", "/v1/trainings", office, training);
      const draft = await ok("GET", `/v1/trainings/${created.id}/notice-draft`, office);
      await ok("POST", "/v1/notices", office, draft);
      return created;
    });
    await at(beijing(addDays(heldOn, 1)), async () => {
      for (const [unitCode, count] of Object.entries(attendance)) {
        await ok(
          "PUT",
          `/v1/trainings/${id}/attendance/${unitCode}`,
          keysOf(credentials, unitCode).editor as string,
          {
            count,
          },
        );
      }
    });
  }
  return demoTrainings.length;
}

/** The seeding is one client sending hundreds of letters: the intake's per-client limits would refuse it. */
const seedingPublicApp = (deps: Deps) =>
  createPublicApp(deps, {
    corsOrigins: [],
    rateLimit: { requests: 1_000_000, windowSeconds: 60 },
    cacheSeconds: 0,
    intake: {
      bodyLimitBytes: 65_536,
      rateLimit: { requests: 1_000_000, windowSeconds: 60 },
      duplicateWindowSeconds: 600,
    },
  });

/** 10:00 Beijing on a day, or the given hour. */
const beijing = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);

const keysOf = (credentials: Credentials, unitCode: string) => {
  const keys = credentials[unitCode]?.keys;
  if (!keys?.editor) throw new Error(`演示单位${unitCode}缺少密钥`);
  return keys;
};

/**
 * The mayor's mailbox of 2019 through the API itself: each letter is written on the portal
 * on its day, assigned by the office an hour later, and answered by its unit after the
 * demo's number of working days, so receipts, transfers, replies and audit entries are real.
 */
export async function seedLetters(deps: Deps, credentials: Credentials, at: AtTime) {
  const publicApp = seedingPublicApp(deps);
  const publishApp = createPublishApp(deps);
  const office = keysOf(credentials, officeUnitCode).office as string;
  await eachConcurrently(demoLetters, 8, async (demo) => {
    const { receivedOn, assignTo, replyAfterWorkingDays, reply, ...letter } = demo;
    const { id } = await at(beijing(receivedOn), () => call(publicApp, "/v1/letters", undefined, letter));
    await at(beijing(receivedOn, 11), () =>
      call(publishApp, `/v1/letters/${id}/transfer`, office, { unitCode: assignTo, reason: "按职能交办" }),
    );
    if (replyAfterWorkingDays === null) return;
    const repliedOn = addWorkingDays(deps.calendar, receivedOn, replyAfterWorkingDays).date;
    await at(beijing(repliedOn, 15), () =>
      call(publishApp, `/v1/letters/${id}/reply`, keysOf(credentials, assignTo).editor, { body: reply }),
    );
  });
  return demoLetters.length;
}

/** Consultations on a draft: opened by the unit, commented on by the public, feedback after closing. */
export async function seedConsultations(deps: Deps, credentials: Credentials, at: AtTime) {
  const publicApp = seedingPublicApp(deps);
  const publishApp = createPublishApp(deps);
  for (const demo of demoConsultations) {
    const { unitCode, draft, comments, feedback, ...window } = demo;
    const editor = keysOf(credentials, unitCode).editor;
    const { id } = await at(beijing(draft.generatedOn), async () => {
      const item = await call(publishApp, "/v1/items", editor, { kind: "general", ...draft });
      return call(publishApp, "/v1/consultations", editor, { ...window, itemId: item.id });
    });
    for (const { on, ...body } of comments) {
      await at(beijing(on, 20), () => call(publicApp, `/v1/consultations/${id}/comments`, undefined, body));
    }
    const { on, ...answer } = feedback;
    await at(beijing(on), () => call(publishApp, `/v1/consultations/${id}/feedback`, editor, answer));
  }
  return demoConsultations.length;
}
