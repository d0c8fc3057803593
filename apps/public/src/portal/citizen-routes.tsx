/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  applicationStatus,
  letterStatus,
  publicConsultationDetail,
  publicConsultations,
  publishedLetters,
  submitApplication,
  submitComment,
  submitLetter,
  subscribe,
  TrackingCodeLocked,
} from "@gov/core";
import {
  findColumn,
  SubmitApplicationInput,
  SubmitCommentInput,
  SubmitLetterInput,
  SubscribeInput,
} from "@gov/domain";
import { type AppEnv, idParam, trackingCodeParam } from "@gov/http";
import type { Hono, MiddlewareHandler } from "hono";
import { intakeWrites } from "../intake.ts";
import { portalLinksOf, subscriptionAccepted } from "../subscriptions.tsx";
import {
  ApplicationForm,
  ApplicationReceiptPage,
  type ApplicationReceiptView,
  ApplicationStatusPage,
  applyPath,
  StatusForm,
} from "./application-pages.tsx";
import {
  type FormState,
  formIntake,
  formObject,
  keepReceipt,
  pageAnswers,
  refusal,
  submitted,
  takeReceipt,
} from "./citizen-forms.tsx";
import { ConsultationList, ConsultationPage, consultationsPath } from "./consultation-pages.tsx";
import { feeds } from "./feed-link.tsx";
import {
  LetterReceiptPage,
  type LetterReceiptView,
  LetterStatusPage,
  MailboxPage,
  mailboxPath,
} from "./mailbox-pages.tsx";
import { type C, page, parsed } from "./render.tsx";
import { SubscribePage, type SubscribeTopic, subscribePath } from "./subscribe-page.tsx";

const blank: FormState = { values: {}, errors: {} };

/** The secret never leaves in an address, so a lookup is a POST answered with the status itself (never cached). */
async function lookup<T>(
  c: C,
  kind: "YSQ" | "XX",
  find: (credentials: { trackingCode: string; secret: string }) => Promise<T>,
): Promise<{ found: T } | { state: FormState; status: 400 | 404 | 429 }> {
  const fields = formObject(await c.req.text());
  const values = { trackingCode: fields.trackingCode };
  const code = parsed(trackingCodeParam(kind), values);
  if (!code.ok) return { state: { values, errors: { trackingCode: "查询码格式不正确" } }, status: 400 };
  if (typeof fields.secret !== "string")
    return { state: { values, errors: { secret: "请输入查询密钥" } }, status: 400 };
  try {
    return { found: await find({ trackingCode: code.value.trackingCode, secret: fields.secret }) };
  } catch (error) {
    if (error instanceof TrackingCodeLocked) {
      c.header("retry-after", String(error.retryAfterSeconds));
      return { state: { values, errors: {}, message: error.message }, status: 429 };
    }
    return { state: { values, errors: {}, message: refusal(error).message }, status: 404 };
  }
}

/**
 * The citizens' forms of the portal (issue 16): application, mailbox letter and consultation
 * comment, each through the same intake guard and core use case as its JSON route, and the
 * status lookups by tracking code and secret.
 */
export function citizenPages(portal: Hono<AppEnv>, intake: MiddlewareHandler<AppEnv>[]) {
  const unitsOf = (c: C) => c.var.deps.store.units.list();

  // 依申请公开
  const applyHead = {
    title: "政府信息公开申请",
    canonicalPath: applyPath,
    description: "在线提交政府信息公开申请。",
  };
  portal.get("/apply", async (c) =>
    page(c, applyHead, <ApplicationForm units={await unitsOf(c)} state={blank} />),
  );
  portal.post(
    "/apply",
    formIntake(["notifyByEmail"], ["otherUnitCodes"]),
    pageAnswers,
    ...intake,
    async (c) => {
      const values = await submitted(c);
      const input = parsed(SubmitApplicationInput, values);
      let state: FormState = input.ok ? blank : { values, errors: input.errors };
      if (input.ok) {
        try {
          const { receipt, secret } = await submitApplication(
            c.var.deps,
            input.value,
            {
              alsoWrite: (body) =>
                intakeWrites(c, { status: 201, body, headers: { "cache-control": "no-store" } }),
            },
            portalLinksOf(c),
          );
          keepReceipt(c, `${applyPath}/receipt`, { ...receipt, secret });
          return c.redirect(`${applyPath}/receipt`, 303);
        } catch (error) {
          state = { values, ...refusal(error) };
        }
      }
      return page(c, applyHead, <ApplicationForm units={await unitsOf(c)} state={state} />, {
        status: 400,
        personal: true,
      });
    },
  );
  portal.get("/apply/receipt", (c) =>
    page(
      c,
      { title: "申请回执", canonicalPath: `${applyPath}/receipt`, description: "政府信息公开申请回执" },
      <ApplicationReceiptPage receipt={takeReceipt<ApplicationReceiptView>(c, `${applyPath}/receipt`)} />,
      { personal: true },
    ),
  );
  const applyStatusHead = {
    title: "查询申请办理状态",
    canonicalPath: `${applyPath}/status`,
    description: "凭查询码和查询密钥查询申请办理状态。",
  };
  portal.get("/apply/status", (c) =>
    page(
      c,
      applyStatusHead,
      <StatusForm action={`${applyPath}/status`} heading="查询申请办理状态" state={blank} />,
      {
        personal: true,
      },
    ),
  );
  portal.post("/apply/status", async (c) => {
    const answer = await lookup(c, "YSQ", (credentials) => applicationStatus(c.var.deps, credentials));
    if (!("found" in answer)) {
      return page(
        c,
        applyStatusHead,
        <StatusForm action={`${applyPath}/status`} heading="查询申请办理状态" state={answer.state} />,
        { status: answer.status, personal: true },
      );
    }
    // The status names every part's unit already: the first part's is among them.
    const unitName = answer.found.parts.find((p) => p.unitCode === answer.found.unitCode)?.unitName;
    return page(
      c,
      applyStatusHead,
      <ApplicationStatusPage status={answer.found} unitName={unitName ?? answer.found.unitCode} />,
      { personal: true },
    );
  });

  // 市长信箱
  const mailboxHead = {
    title: "市长信箱",
    canonicalPath: mailboxPath,
    description: "给市长写信，查看公开答复。",
    feeds: [{ title: "市长信箱公开答复（Atom）", href: feeds.letters }],
  };
  const mailbox = async (c: C, state: FormState, status: 200 | 400 = 200) => {
    const [units, letters] = await Promise.all([unitsOf(c), publishedLetters(c.var.deps, {}, { limit: 10 })]);
    return page(c, mailboxHead, <MailboxPage units={units} state={state} letters={letters.items} />, {
      status,
      personal: status !== 200,
    });
  };
  portal.get("/mailbox", (c) => mailbox(c, blank));
  portal.post(
    "/mailbox",
    formIntake(["consentToPublish", "notifyByEmail"]),
    pageAnswers,
    ...intake,
    async (c) => {
      const values = await submitted(c);
      const input = parsed(SubmitLetterInput, values);
      if (!input.ok) return mailbox(c, { values, errors: input.errors }, 400);
      try {
        const { receipt, secret } = await submitLetter(
          c.var.deps,
          input.value,
          {
            alsoWrite: (body) =>
              intakeWrites(c, { status: 201, body, headers: { "cache-control": "no-store" } }),
          },
          portalLinksOf(c),
        );
        keepReceipt(c, `${mailboxPath}/receipt`, { ...receipt, secret });
        return c.redirect(`${mailboxPath}/receipt`, 303);
      } catch (error) {
        return mailbox(c, { values, ...refusal(error) }, 400);
      }
    },
  );
  portal.get("/mailbox/receipt", (c) =>
    page(
      c,
      { title: "来信回执", canonicalPath: `${mailboxPath}/receipt`, description: "市长信箱来信回执" },
      <LetterReceiptPage receipt={takeReceipt<LetterReceiptView>(c, `${mailboxPath}/receipt`)} />,
      { personal: true },
    ),
  );
  const letterStatusHead = {
    title: "查询来信办理情况",
    canonicalPath: `${mailboxPath}/status`,
    description: "凭查询码和查询密钥查询来信办理情况。",
  };
  portal.get("/mailbox/status", (c) =>
    page(
      c,
      letterStatusHead,
      <StatusForm action={`${mailboxPath}/status`} heading="查询来信办理情况" state={blank} />,
      {
        personal: true,
      },
    ),
  );
  portal.post("/mailbox/status", async (c) => {
    const answer = await lookup(c, "XX", (credentials) => letterStatus(c.var.deps, credentials));
    if (!("found" in answer)) {
      return page(
        c,
        letterStatusHead,
        <StatusForm action={`${mailboxPath}/status`} heading="查询来信办理情况" state={answer.state} />,
        { status: answer.status, personal: true },
      );
    }
    return page(c, letterStatusHead, <LetterStatusPage status={answer.found} />, { personal: true });
  });

  // 征求意见
  portal.get("/consultations", async (c) => {
    const cursor = c.req.query("cursor");
    const found = await publicConsultations(c.var.deps, { limit: 20, ...(cursor ? { cursor } : {}) });
    const next = found.nextCursor
      ? `${consultationsPath}?cursor=${encodeURIComponent(found.nextCursor)}`
      : null;
    return page(
      c,
      {
        title: "征求意见",
        canonicalPath: consultationsPath,
        description: "公开征求意见：征求中、已结束的意见征集与采纳情况。",
        feeds: [{ title: "征求意见（Atom）", href: feeds.consultations }],
      },
      <ConsultationList items={found.items} next={next} />,
    );
  });
  const consultation = async (
    c: C,
    id: string,
    state: FormState,
    status: 200 | 400 | 409 = 200,
    thanked = false,
  ) => {
    const found = await publicConsultationDetail(c.var.deps, id);
    return page(
      c,
      {
        title: found.title,
        canonicalPath: `${consultationsPath}/${found.id}`,
        description: found.description.slice(0, 120),
      },
      <ConsultationPage consultation={found} state={state} thanked={thanked} />,
      { status, personal: status !== 200 || thanked },
    );
  };
  const consultationId = (c: C) => {
    const id = parsed(idParam("consultation"), { id: c.req.param("id") });
    return id.ok ? id.value.id : "";
  };
  portal.get("/consultations/:id", (c) => consultation(c, consultationId(c), blank));
  portal.get("/consultations/:id/commented", (c) => consultation(c, consultationId(c), blank, 200, true));
  portal.post("/consultations/:id/comments", formIntake(), pageAnswers, ...intake, async (c) => {
    const id = consultationId(c);
    const values = await submitted(c);
    const input = parsed(SubmitCommentInput, values);
    if (!input.ok) return consultation(c, id, { values, errors: input.errors }, 400);
    try {
      await submitComment(
        c.var.deps,
        { consultationId: id, comment: input.value },
        { alsoWrite: (body) => intakeWrites(c, { status: 201, body }) },
      );
      return c.redirect(`${consultationsPath}/${id}/commented`, 303);
    } catch (error) {
      const refused = refusal(error);
      if (refused.message.includes("不存在")) throw error;
      return consultation(c, id, { values, ...refused }, 409);
    }
  });

  // 邮件订阅 (ADR 0060)
  const subscribeHead = {
    title: "邮件订阅",
    canonicalPath: subscribePath,
    description: "以电子邮件订阅栏目、单位或检索词的新公开信息。",
  };
  /** The one topic a list or search offered, named as a reader knows it; undefined if none or unknown. */
  const topicOf = async (c: C, values: Record<string, unknown>): Promise<SubscribeTopic | undefined> => {
    const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
    const [columnId, unitCode, q] = [text("columnId"), text("unitCode"), text("q")?.trim()];
    if ([columnId, unitCode, q].filter(Boolean).length !== 1) return undefined;
    if (columnId) {
      const column = findColumn(columnId);
      return column && { field: "columnId", value: column.id, label: `栏目“${column.name}”` };
    }
    if (unitCode) {
      const unit = (await unitsOf(c)).find((u) => u.code === unitCode);
      return unit && { field: "unitCode", value: unit.code, label: `“${unit.name}”发布` };
    }
    return q ? { field: "q", value: q, label: `检索词“${q}”` } : undefined;
  };
  const subscribePage = async (
    c: C,
    values: Record<string, unknown>,
    state: FormState,
    status: 200 | 400,
  ) => {
    const topic = await topicOf(c, values);
    return page(c, subscribeHead, <SubscribePage topic={topic} state={state} />, {
      status: topic ? status : 400,
      personal: status !== 200,
    });
  };
  portal.get("/subscribe", (c) => subscribePage(c, c.req.query(), blank, 200));
  portal.post("/subscribe", formIntake(), pageAnswers, ...intake, async (c) => {
    const values = await submitted(c);
    const input = parsed(SubscribeInput, values);
    if (!input.ok) return subscribePage(c, values, { values, errors: input.errors }, 400);
    try {
      await subscribe(c.var.deps, input.value, portalLinksOf(c));
    } catch (error) {
      return subscribePage(c, values, { values, ...refusal(error) }, 400);
    }
    return page(
      c,
      subscribeHead,
      <section>
        <h1>请查收确认邮件</h1>
        <p>{subscriptionAccepted}</p>
      </section>,
      { personal: true },
    );
  });
}
