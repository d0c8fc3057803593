import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { lambdaDeps } from "./lambda.ts";

const invalidations: Request[] = [];
let answer: () => Response | Promise<Response> = () => new HttpResponse(null, { status: 201 });
const cloudfront = setupServer(
  http.post("https://cloudfront.amazonaws.com/2020-05-31/distribution/:id/invalidation", ({ request }) => {
    invalidations.push(request.clone());
    return answer();
  }),
);

beforeAll(() => cloudfront.listen({ onUnhandledRequest: "bypass" }));
afterEach(() => {
  invalidations.length = 0;
  answer = () => new HttpResponse(null, { status: 201 });
  vi.restoreAllMocks();
});
afterAll(() => cloudfront.close());

const env = {
  TABLE_NAME: "cdn-test",
  CDN_DISTRIBUTION_ID: "E2QWRUHEXAMPLE",
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
  AWS_SESSION_TOKEN: "session-token",
};
const withdrawal = { itemId: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T", action: "withdraw" as const };

describe("issue 12 #7 the CDN in front of the public API is told of each public change", () => {
  it("issue 12 #7 CDN invalidation: a deployed function with a distribution asks CloudFront to invalidate /public/v1/*, signed with its own credentials", async () => {
    await lambdaDeps(env).publicChanges.emit(withdrawal);
    expect(invalidations).toHaveLength(1);
    const [request] = invalidations;
    expect(request?.url).toBe(
      "https://cloudfront.amazonaws.com/2020-05-31/distribution/E2QWRUHEXAMPLE/invalidation",
    );
    expect(request?.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cloudfront\/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers.get("x-amz-security-token")).toBe("session-token");
    const body = (await request?.text()) ?? "";
    expect(body).toContain("<Paths><Quantity>1</Quantity><Items><Path>/public/v1/*</Path></Items></Paths>");
    expect(body).toMatch(
      /<CallerReference>withdraw-itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T-[0-9a-f-]{36}<\/CallerReference>/,
    );
  });

  it("a function without a distribution (the local stack, the other apps) calls nobody", async () => {
    await lambdaDeps({ TABLE_NAME: "cdn-test" }).publicChanges.emit(withdrawal);
    expect(invalidations).toHaveLength(0);
  });

  it("issue 12 #7 CDN invalidation is best effort: CloudFront refusing or hanging is logged, and the change stands within seconds", async () => {
    const warn = vi.spyOn(console, "error").mockImplementation(() => {});
    answer = () =>
      HttpResponse.xml("<Error><Code>TooManyInvalidationsInProgress</Code></Error>", { status: 400 });
    await expect(lambdaDeps(env).publicChanges.emit(withdrawal)).resolves.toBeUndefined();
    expect(warn.mock.calls.join("\n")).toContain("TooManyInvalidationsInProgress");
    answer = () => new Promise(() => {});
    const started = Date.now();
    await lambdaDeps(env).publicChanges.emit(withdrawal);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(warn.mock.calls.at(-1)?.join("")).toContain("public-change-listener-failed");
  });
});
