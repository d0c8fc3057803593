import { z } from "zod";

/** How citizen submissions (letters, comments, applications) are guarded; see ADR 0025. */
export const IntakeOptions = z.object({
  /** A letter or a comment is a few KB of text; the app-wide 1 MiB is for staff uploads. */
  bodyLimitBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /** Submissions per client per window, per instance, on top of the read limit. */
  rateLimit: z
    .object({ requests: z.number().int().positive(), windowSeconds: z.number().int().positive() })
    .default({ requests: 20, windowSeconds: 600 }),
  /** An identical submission from the same client within this window answers with the first one's result. */
  duplicateWindowSeconds: z.number().int().positive().default(600),
});
export type IntakeOptions = z.infer<typeof IntakeOptions>;

export function intakeOptionsFromEnv(env: Record<string, string | undefined>): IntakeOptions {
  return IntakeOptions.parse({
    ...(env.INTAKE_LIMIT_PER_10_MINUTES
      ? { rateLimit: { requests: Number(env.INTAKE_LIMIT_PER_10_MINUTES), windowSeconds: 600 } }
      : {}),
    ...(env.INTAKE_DUPLICATE_WINDOW_SECONDS
      ? { duplicateWindowSeconds: Number(env.INTAKE_DUPLICATE_WINDOW_SECONDS) }
      : {}),
  });
}
