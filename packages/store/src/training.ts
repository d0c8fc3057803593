import { BatchGetCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditEntry, DomainError, type Invitation, type Training } from "@gov/domain";
import { auditWrite } from "./audit.ts";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { type Page, type PageRequest, queryPage } from "./paged.ts";
import { queryAll } from "./query.ts";
import { commit, type Write } from "./transaction.ts";
import { createWrites, withoutKeys } from "./versioned.ts";

const toRecord = (training: Training) => ({
  ...keys.training(training.id),
  ...keys.trainingInList(training.startsAt, training.id),
  entity: "training",
  ...training,
});

const invitationRecord = (invitation: Invitation) => ({
  ...keys.invitation(invitation.trainingId, invitation.unitCode),
  ...keys.invitationOfUnit(invitation.unitCode, invitation.startsAt, invitation.trainingId),
  entity: "training-invitation",
  ...invitation,
});

/** A training with every invited unit's row: what a view and the annual report's figure read. */
export type TrainingRecords = { training: Training; invitations: Invitation[] };

/** A training as an invited unit lists it: with its own row. */
export type UnitTraining = { training: Training; invitation: Invitation };

export function trainingRepository(db: Db) {
  const get = async (key: { pk: string; sk: string }) =>
    (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item;

  async function invitations(trainingId: string): Promise<Invitation[]> {
    const records = await queryAll(db, {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": keys.training(trainingId).pk, ":prefix": keys.invitationPrefix },
      ConsistentRead: true,
    });
    return records.map((r) => withoutKeys<Invitation>(r));
  }

  /** The trainings of a page in one BatchGet (a page is at most 100). */
  async function trainingsById(ids: string[]): Promise<Map<string, Training>> {
    const found = new Map<string, Training>();
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [db.tableName]: { Keys: [...new Set(ids)].map((id) => keys.training(id)) },
    };
    while (ids.length > 0 && request && Object.keys(request).length > 0) {
      const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const record of result.Responses?.[db.tableName] ?? []) {
        const training = withoutKeys<Training>(record);
        found.set(training.id, training);
      }
      request = result.UnprocessedKeys as typeof request;
    }
    return found;
  }

  return {
    /** The training, its audit entry and one invitation per invited unit: one transaction. */
    async create(
      training: Training,
      rows: Invitation[],
      audit: AuditEntry,
      extra: Write[] = [],
    ): Promise<void> {
      await commit(db, [
        ...createWrites(db, toRecord(training), audit, "培训已存在"),
        ...rows.map(
          (invitation): Write => ({
            item: {
              Put: {
                TableName: db.tableName,
                Item: invitationRecord(invitation),
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            onConditionFailed: new DomainError("conflict", "邀请已存在"),
          }),
        ),
        ...extra,
      ]);
    },

    async get(id: string): Promise<Training | undefined> {
      const record = await get(keys.training(id));
      return record ? withoutKeys<Training>(record) : undefined;
    },

    async invitation(trainingId: string, unitCode: string): Promise<Invitation | undefined> {
      const record = await get(keys.invitation(trainingId, unitCode));
      return record ? withoutKeys<Invitation>(record) : undefined;
    },

    /** Every invited unit's row, by unit code: one Query of the training's partition (≤ 96). */
    invitations,

    /** Every training, latest start first (gsi2): the office's list. */
    async list(page: PageRequest): Promise<Page<Training>> {
      const result = await queryPage(
        db,
        { index: "gsi2", partition: keys.trainingsPartition, newestFirst: true },
        page,
      );
      return { items: result.items.map((r) => withoutKeys<Training>(r)), nextCursor: result.nextCursor };
    },

    /** A unit's invitations, latest training first (gsi1), then their trainings in one BatchGet. */
    async listOfUnit(unitCode: string, page: PageRequest): Promise<Page<UnitTraining>> {
      const result = await queryPage(
        db,
        { index: "gsi1", partition: keys.unitTrainingsPartition(unitCode), newestFirst: true },
        page,
      );
      const rows = result.items.map((r) => withoutKeys<Invitation>(r));
      const trainings = await trainingsById(rows.map((r) => r.trainingId));
      const items = rows.flatMap((invitation) => {
        const training = trainings.get(invitation.trainingId);
        return training ? [{ training, invitation }] : [];
      });
      return { items, nextCursor: result.nextCursor };
    },

    /**
     * Trainings starting within [from, to] (gsi2 range) with every unit's row: a year's
     * figure is one Query plus one per training (a city holds a handful a year).
     */
    async startingBetween(from: string, to: string): Promise<TrainingRecords[]> {
      const records = await queryAll(db, {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": keys.trainingsPartition, ":from": from, ":to": to },
      });
      const trainings = records.map((r) => withoutKeys<Training>(r));
      return Promise.all(
        trainings.map(async (training) => ({ training, invitations: await invitations(training.id) })),
      );
    },

    /** The unit's row at the version read, with its audit entry. */
    async recordAttendance(next: Invitation, before: Invitation, audit: AuditEntry): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: invitationRecord(next),
              ConditionExpression: "attribute_exists(pk) AND version = :expected",
              ExpressionAttributeValues: { ":expected": before.version },
            },
          },
          onConditionFailed: new DomainError("precondition-failed", "参训记录已被同时修改，请刷新后重试"),
        },
        auditWrite(db, keys.invitationAudit(next.trainingId, next.unitCode), audit),
      ]);
    },
  };
}
