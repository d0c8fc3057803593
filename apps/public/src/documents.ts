import {
  NormativeCatalogue,
  NormativeRegisterEntry,
  normativeCatalogue,
  normativeRegister,
  shanghaiDate,
  Validity,
  yearOf,
} from "@gov/domain";
import { jsonContent, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

const example = {
  catalogue: {
    year: 2026,
    issued: 1,
    repealed: 0,
    valid: 12,
    documents: [
      {
        id: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
        title: "共青城市农村生活垃圾治理办法",
        docNumber: "共府办发〔2026〕11号",
        indexNumber: "000014349/2026-0000001",
        generatedOn: "2026-02-26",
        effectiveOn: "2026-03-01",
        validity: "effective",
        unitCode: "000014349",
      },
    ],
  },
  documents: [
    {
      id: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
      title: "共青城市农村生活垃圾治理办法",
      docNumber: "共府办发〔2026〕11号",
      indexNumber: "000014349/2026-0000001",
      issuingOrgan: "共青城市人民政府办公室",
      generatedOn: "2026-02-26",
      effectiveOn: "2026-03-01",
      validity: "effective",
      unitCode: "000014349",
      publishedAt: "2026-03-02T02:00:00.000Z",
    },
  ],
};

export const documentRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/documents",
    summary: "规范性文件目录（年度制发、废止、现行有效件数，及按有效性筛选的文件列表）",
    description:
      "catalogue为年度目录（不填year为本年，北京时间），其中有效性为该年年末的状态；documents为全市已公开的规范性文件，有效性为当前状态，可按成文年份（year）与有效性（validity）筛选，成文日期新者在前。",
    request: {
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2026 }),
        validity: Validity.optional().openapi({ example: "effective" }),
      }),
    },
    responses: {
      200: {
        description: "年度目录与文件列表",
        ...jsonContent(
          z.object({ catalogue: NormativeCatalogue, documents: z.array(NormativeRegisterEntry) }),
          example,
        ),
      },
      400: problemResponse("参数有误"),
    },
  }),
  async (c) => {
    const { year, validity } = c.req.valid("query");
    const all = await c.var.deps.store.items.normativeDocuments();
    const catalogueYear = year ?? yearOf(shanghaiDate(c.var.deps.clock()));
    return c.json(
      {
        catalogue: normativeCatalogue(all, catalogueYear),
        documents: normativeRegister(all, { year, validity }),
      },
      200,
    );
  },
);
