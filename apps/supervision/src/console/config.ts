import { z } from "zod";
import { SessionKey } from "./session.ts";

/**
 * The one place the console's signing key is read in a deployed function: CONSOLE_SESSION_KEY
 * (base64 of at least 32 random bytes; infra passes the `ConsoleSessionKey` secret). Unset, the
 * console answers 503 and the API works as before; malformed, the function refuses to start.
 */
const ConsoleEnv = z.object({ CONSOLE_SESSION_KEY: SessionKey.optional() });

export const consoleSessionKeyFrom = (environment: Record<string, string | undefined>): string | undefined =>
  ConsoleEnv.parse(environment).CONSOLE_SESSION_KEY;
