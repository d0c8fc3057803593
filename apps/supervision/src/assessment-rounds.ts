import { getAssessmentRound, openAssessmentRound } from "@gov/core";
import { AssessmentRound, OpenRoundInput } from "@gov/domain";
import {
  commonProblems,
  created,
  idempotent,
  idParam,
  jsonContent,
  named,
  newRouter,
  problemResponse,
  requireRole,
  security,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import { examples } from "./examples.ts";

const Round = named(
  AssessmentRound.extend({
    notice: z.object({ state: z.enum(["owed", "issued"]), noticeId: z.string().nullable() }).nullable(),
  }),
  "AssessmentRound",
);
const IdParam = idParam("assessmentRound");

/** Assessment rounds: one sheet's assessments opened for its units at once, optionally with their 考评通知. */
export const assessmentRoundRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/assessment-rounds",
      summary: "开展一轮考评（按指标体系为各单位新建考评，可同时发出考评通知）",
      description:
        "unitCodes缺省为该指标体系层级的全部单位（一轮至多30个）。selfAssessmentDueOn为自评截止日。notify为true时向被考评单位发出考评通知，回执截止日即自评截止日；通知在考评建立后立即发出，未能发出的由定时督办补发，不会重复。支持Idempotency-Key（重放的应答为建立时的状态，通知的现状以GET为准）。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: { body: { required: true, ...jsonContent(OpenRoundInput, examples.round) } },
      responses: {
        201: { description: "已开展", ...jsonContent(Round) },
        ...commonProblems,
        409: problemResponse("有单位在此指标体系下已有考评"),
        422: problemResponse("指标体系不存在，或Idempotency-Key已用于不同的请求"),
      },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => openAssessmentRound(c.var.deps, c.var.principal, c.req.valid("json"), { alsoWrite }),
        (round) => ({
          body: round,
          headers: { Location: `/supervision/v1/assessment-rounds/${round.id}` },
        }),
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/assessment-rounds/{id}",
      summary: "考评轮次详情（各单位考评标识及考评通知是否已发出）",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: IdParam },
      responses: { 200: { description: "考评轮次", ...jsonContent(Round) }, ...commonProblems },
    }),
    async (c) => c.json(await getAssessmentRound(c.var.deps, c.var.principal, c.req.valid("param")), 200),
  );
