import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { AssessmentRound, AuditEntry } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { commit, type Write } from "./transaction.ts";
import { createWrites, withoutKeys } from "./versioned.ts";

const toRecord = (round: AssessmentRound) => ({
  ...keys.assessmentRound(round.id),
  entity: "assessment-round",
  ...round,
});

export function assessmentRoundRepository(db: Db) {
  return {
    /** The round, its audit entry and what opens with it (its assessments, its owed notice): one transaction. */
    async create(round: AssessmentRound, audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [...createWrites(db, toRecord(round), audit, "考评轮次已存在"), ...extra]);
    },

    async get(id: string): Promise<AssessmentRound | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.assessmentRound(id), ConsistentRead: true }),
      );
      return Item ? withoutKeys<AssessmentRound>(Item) : undefined;
    },
  };
}
