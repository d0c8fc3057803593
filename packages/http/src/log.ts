import type { Context } from "hono";

/** One structured line per unexpected failure, tied to the request id; never sent to the client. */
export function logError(c: Context, error: Error): void {
  console.error(
    JSON.stringify({
      level: "error",
      requestId: c.get("requestId"),
      error: String(error),
      stack: error.stack,
    }),
  );
}
