import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { lambdaDeps } from "./lambda.ts";

const invocations: Request[] = [];
let answer: () => Response = () => new HttpResponse(null, { status: 202 });
const lambda = setupServer(
  http.post(
    "https://lambda.cn-north-1.amazonaws.com/2015-03-31/functions/:name/invocations",
    ({ request }) => {
      invocations.push(request.clone());
      return answer();
    },
  ),
);

beforeAll(() => lambda.listen({ onUnhandledRequest: "bypass" }));
afterEach(() => {
  invocations.length = 0;
  answer = () => new HttpResponse(null, { status: 202 });
});
afterAll(() => lambda.close());

const env = {
  TABLE_NAME: "wake-test",
  NOTICE_DISPATCH_FUNCTION: "gov-disclosure-dev-NoticeDispatch",
  AWS_REGION: "cn-north-1",
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
  AWS_SESSION_TOKEN: "session-token",
};

describe("issue 13 where it runs: a function that issues notices wakes the dispatcher function (ADR 0048)", () => {
  it("Lambda Invoke, asynchronous (Event), signed with the function's own credentials", async () => {
    await lambdaDeps(env).wakeDispatcher?.();
    expect(invocations).toHaveLength(1);
    const [request] = invocations;
    expect(request?.url).toBe(
      "https://lambda.cn-north-1.amazonaws.com/2015-03-31/functions/gov-disclosure-dev-NoticeDispatch/invocations",
    );
    expect(request?.headers.get("x-amz-invocation-type")).toBe("Event");
    expect(request?.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/lambda\/aws4_request, /,
    );
    expect(request?.headers.get("x-amz-security-token")).toBe("session-token");
  });

  it("a refusal is an error for the caller to log (issueNotice does, and the notice stands)", async () => {
    answer = () => HttpResponse.json({ Message: "throttled" }, { status: 429 });
    await expect(lambdaDeps(env).wakeDispatcher?.()).rejects.toThrow("Lambda Invoke answered 429");
  });

  it("a function without NOTICE_DISPATCH_FUNCTION (the local stack has its own timer) wakes nobody", () => {
    expect(lambdaDeps({ ...env, NOTICE_DISPATCH_FUNCTION: undefined }).wakeDispatcher).toBeUndefined();
  });
});
