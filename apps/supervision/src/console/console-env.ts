import type { AppEnv } from "@gov/http";
import type { Context } from "hono";
import type { Session, Signer } from "./session.ts";

/** What the console's middleware sets for its pages: the signer, this browser's CSRF token and, once signed in, the session. */
export type ConsoleEnv = {
  Variables: AppEnv["Variables"] & {
    signer: Signer;
    csrfToken: string;
    session: Session;
  };
};

export type CC = Context<ConsoleEnv>;
