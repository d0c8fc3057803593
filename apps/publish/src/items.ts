import {
  approveItemRelease,
  changeItemValidity,
  draftItem,
  editDraft,
  itemDetail,
  itemHistory,
  listUnitItems,
  normativeCatalogueOf,
  rejectSubmission,
  reviseItemEdition,
  submitDraft,
  withdrawPublished,
} from "@gov/core";
import {
  ApproveInput,
  AuditEntry,
  CreateItemInput,
  Item,
  ItemDetail,
  ItemEdition,
  itemSize,
  NormativeCatalogue,
  NoteInput,
  ReasonInput,
  type Role,
  UpdateItemInput,
  ValidityChangeInput,
} from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  created,
  etagOf,
  expectedVersion,
  IfMatchHeader,
  idempotent,
  idParam,
  jsonContent,
  named,
  newRouter,
  PageQuery,
  pageOf,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  updateProblems,
  versioned,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { examples } from "./examples.ts";

const ItemView = named(Item, "Item");
/** ADR 0039: said where a department system reads the API. */
const contentLimit = `正文、标题、摘要、附件等内容合计不超过${itemSize.contentBytes / 1024}KB（UTF-8，一个汉字3字节），超出为400。`;
const IdParam = idParam("item");
export const itemResponse = (description: string) => ({
  description,
  ...jsonContent(ItemView, examples.item),
});
const stateProblems = {
  ...updateProblems,
  422: problemResponse("违反业务规则（栏目、关联等）"),
};

/** A new draft's 201, wherever it was drafted from. */
export const draftAnswer = (item: Item) => ({
  body: item,
  headers: { ETag: etagOf(item.version), Location: `/publish/v1/items/${item.id}` },
});

/** A workflow action: POST /items/{id}/<action>, acting on the item as the caller may see it. */
function action<S extends z.ZodType>(options: {
  path: string;
  summary: string;
  description?: string;
  roles: Role[];
  body: S;
  example?: unknown;
  required: boolean;
}) {
  return createRoute({
    method: "post",
    path: `/items/{id}/${options.path}`,
    summary: options.summary,
    ...(options.description ? { description: options.description } : {}),
    security,
    middleware: [requireRole(...options.roles)] as const,
    request: {
      params: IdParam,
      headers: IfMatchHeader,
      body: { required: options.required, ...jsonContent(options.body, options.example) },
    },
    responses: { 200: itemResponse("操作后的信息"), ...stateProblems },
  });
}

/** The item an action names, with the version its caller last read (If-Match, when sent). */
const changeOf = (c: Context<AppEnv>, id: string) => ({ id, expectedVersion: sentVersion(c) });

export const itemRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/items",
      summary: "起草信息（草稿）",
      description: `按类型填写：普通信息、规范性文件、政策解读、预决算、重大建设项目、政府会议、审计结果。${contentLimit}支持Idempotency-Key。`,
      security,
      middleware: [requireRole("editor"), idempotent] as const,
      request: {
        headers: z.object({
          "idempotency-key": z.string().optional().openapi({ example: "dept-sys-20260302-0001" }),
        }),
        body: { required: true, ...jsonContent(CreateItemInput, examples.create) },
      },
      responses: { 201: itemResponse("已创建草稿"), ...stateProblems },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => draftItem(c.var.deps, c.var.principal, c.req.valid("json"), { alsoWrite }),
        draftAnswer,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items",
      summary: "本单位的信息列表（最新在前）",
      security,
      request: {
        query: z.object({
          ...PageQuery.shape,
        }),
      },
      responses: {
        200: {
          description: "列表",
          ...jsonContent(pageOf(ItemView)),
        },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await listUnitItems(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items/{id}",
      summary: "信息详情（含待审修订与关联）",
      security,
      request: { params: IdParam },
      responses: {
        200: { description: "信息", ...jsonContent(named(ItemDetail, "ItemDetail"), examples.item) },
        ...commonProblems,
      },
    }),
    async (c) => versioned(c, await itemDetail(c.var.deps, c.var.principal, c.req.valid("param").id)),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items/{id}/history",
      summary: "全部版本与状态变更（谁、何时）",
      security,
      request: { params: IdParam },
      responses: {
        200: {
          description: "审计日志（最早在前）与被替代的历史版本",
          ...jsonContent(
            z.object({
              events: z.array(named(AuditEntry, "AuditEntry")),
              editions: z.array(named(ItemEdition, "ItemEdition")),
            }),
          ),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      return c.json(await itemHistory(c.var.deps, c.var.principal, c.req.valid("param").id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/items/{id}",
      summary: "修改草稿或待发布修订（须携带If-Match）",
      description: `只能修改该类型具有的字段；状态、索引号、版本、单位、时间等由服务器维护，出现在请求体中即被拒绝。${contentLimit}`,
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: IdParam,
        headers: IfMatchHeader,
        body: {
          required: true,
          ...jsonContent(UpdateItemInput, { title: "共青城市重大行政决策听证制度（修订）" }),
        },
      },
      responses: { 200: itemResponse("已修改"), 428: problemResponse("缺少If-Match"), ...stateProblems },
    }),
    async (c) => {
      const change = { id: c.req.valid("param").id, expectedVersion: expectedVersion(c) };
      const fields = c.req.valid("json");
      return versioned(c, await editDraft(c.var.deps, c.var.principal, { ...change, fields }));
    },
  )
  .openapi(
    action({ path: "submit", summary: "提交审核", roles: ["editor"], body: NoteInput, required: false }),
    async (c) =>
      versioned(c, await submitDraft(c.var.deps, c.var.principal, changeOf(c, c.req.valid("param").id))),
  )
  .openapi(
    action({
      path: "reject",
      summary: "退回修改（附理由）",
      roles: ["reviewer"],
      body: ReasonInput,
      example: { reason: "附件缺少盖章扫描件，请补充后重新提交" },
      required: true,
    }),
    async (c) => {
      const change = { ...changeOf(c, c.req.valid("param").id), ...c.req.valid("json") };
      return versioned(c, await rejectSubmission(c.var.deps, c.var.principal, change));
    },
  )
  .openapi(
    action({
      path: "approve",
      summary: "保密审查通过并发布",
      description:
        "审核人须属于同一单位（或市政务公开办）。保密审查任何一项为true则拒绝发布。首次发布分配索引号；发布修订时替代现行版本，索引号不变。按平台数据起草的年度报告须表格平衡（一加二等于三（七）加四，各总计行列相符），否则422并指明单元格。",
      roles: ["reviewer"],
      body: ApproveInput,
      example: examples.approve,
      required: true,
    }),
    async (c) => {
      const change = { ...changeOf(c, c.req.valid("param").id), ...c.req.valid("json") };
      return versioned(c, await approveItemRelease(c.var.deps, c.var.principal, change));
    },
  )
  .openapi(
    action({
      path: "revise",
      summary: "修订已发布信息（新建待审版本，现行版本继续公开）",
      roles: ["editor"],
      body: NoteInput,
      required: false,
    }),
    async (c) =>
      versioned(
        c,
        await reviseItemEdition(c.var.deps, c.var.principal, changeOf(c, c.req.valid("param").id)),
      ),
  )
  .openapi(
    action({
      path: "withdraw",
      summary: "撤回已发布信息（公开撤回理由，不删除）",
      description: "撤回后公众访问返回410及撤回说明（标题、索引号、理由、日期）；历史完整保留。",
      roles: ["reviewer"],
      body: ReasonInput,
      example: { reason: "该通知所涉活动已取消" },
      required: true,
    }),
    async (c) => {
      const change = { ...changeOf(c, c.req.valid("param").id), ...c.req.valid("json") };
      return versioned(c, await withdrawPublished(c.var.deps, c.var.principal, change));
    },
  )
  .openapi(
    action({
      path: "validity",
      summary: "规范性文件有效性变更（修改、废止、失效）",
      description: "在原文件上标注，并记录日期、理由以及修改或废止它的文件。",
      roles: ["reviewer"],
      body: ValidityChangeInput,
      example: examples.validity,
      required: true,
    }),
    async (c) => {
      const change = { ...changeOf(c, c.req.valid("param").id), ...c.req.valid("json") };
      return versioned(c, await changeItemValidity(c.var.deps, c.var.principal, change));
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/normative-documents/catalogue",
      summary: "规范性文件年度目录（制发、废止、现行有效件数）",
      description: "本单位的目录；市政务公开办看到全市。",
      security,
      request: {
        query: z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2019 }) }),
      },
      responses: {
        200: { description: "年度目录", ...jsonContent(named(NormativeCatalogue, "NormativeCatalogue")) },
        ...commonProblems,
      },
    }),
    async (c) => {
      const { year } = c.req.valid("query");
      return c.json(await normativeCatalogueOf(c.var.deps, c.var.principal, year), 200);
    },
  );
