import { createHash, randomBytes } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Actor, Role } from "@gov/domain";
import { z } from "zod";
import type { Db } from "./client.ts";
import { newId } from "./id.ts";
import { keys } from "./keys.ts";

/** The key itself is shown once; only its SHA-256 is stored, so a table dump reveals no key. */
export const hashApiKey = (secret: string) => createHash("sha256").update(secret).digest("hex");

const StoredKey = z.object({
  keyId: z.string(),
  unitCode: z.string(),
  roles: z.array(Role),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable().default(null),
});

export type Principal = Actor & { keyId: string };

export function apiKeyRepository(db: Db) {
  return {
    /** Issues a new key for a unit and returns the secret, which is never stored. */
    async issue(input: {
      unitCode: string;
      roles: Role[];
      label: string;
      now: string;
    }): Promise<{ keyId: string; secret: string }> {
      const secret = `gk_${randomBytes(24).toString("base64url")}`;
      const keyId = newId("apiKey");
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...keys.apiKey(hashApiKey(secret)),
            ...keys.apiKeyOfUnit(input.unitCode, keyId),
            entity: "api-key",
            keyId,
            unitCode: input.unitCode,
            roles: input.roles,
            label: input.label,
            createdAt: input.now,
            revokedAt: null,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return { keyId, secret };
    },

    async authenticate(secret: string): Promise<Principal | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.apiKey(hashApiKey(secret)) }),
      );
      if (!Item) return undefined;
      const key = StoredKey.parse(Item);
      if (key.revokedAt) return undefined;
      return { keyId: key.keyId, unitCode: key.unitCode, roles: key.roles };
    },
  };
}
