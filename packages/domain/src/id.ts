import { z } from "zod";

/** IDs are prefixed ULIDs: sortable by creation, and the prefix tells what they name. */
export const idPrefixes = {
  item: "itm",
  apiKey: "key",
  indicatorSystem: "isys",
  assessment: "asmt",
  rectificationTask: "rtask",
  letter: "let",
  consultation: "csl",
  comment: "cmt",
  application: "app",
  notice: "ntc",
  delivery: "dlv",
  training: "trn",
  assessmentRound: "arnd",
  supervisionRun: "srun",
  subscription: "sub",
  citizenMail: "mail",
} as const;
export type IdKind = keyof typeof idPrefixes;

const ulid = "[0-9A-HJKMNP-TV-Z]{26}";

/** The exact shape of an id of `kind`: its prefix, an underscore and a ULID. */
export const idPattern = (kind: IdKind) => new RegExp(`^${idPrefixes[kind]}_${ulid}$`);

export function idSchema(kind: IdKind) {
  return z.string().regex(idPattern(kind), `不是有效的${kind}标识`);
}
