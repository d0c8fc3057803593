import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { apiKeyRepository } from "./api-key.ts";
import { applicationRepository } from "./application.ts";
import { assessmentRepository } from "./assessment.ts";
import { calendarRepository } from "./calendar.ts";
import { connect, type StoreConfig } from "./client.ts";
import { consultationRepository } from "./consultation.ts";
import { indicatorSystemRepository } from "./indicator.ts";
import { itemRepository } from "./item.ts";
import { letterRepository } from "./letter.ts";
import { rectificationTaskRepository } from "./rectification.ts";
import { unitRepository } from "./unit.ts";

/** Everything the apps need from the database, built once per process from one config. */
export function createStore(config: StoreConfig) {
  const db = connect(config);
  return {
    db,
    units: unitRepository(db),
    apiKeys: apiKeyRepository(db),
    items: itemRepository(db),
    indicatorSystems: indicatorSystemRepository(db),
    assessments: assessmentRepository(db),
    rectificationTasks: rectificationTaskRepository(db),
    letters: letterRepository(db),
    consultations: consultationRepository(db),
    applications: applicationRepository(db),
    calendar: calendarRepository(db),
    /** One cheap read: true once the table answers. */
    async ready(): Promise<boolean> {
      try {
        await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: "HEALTH", sk: "HEALTH" } }));
        return true;
      } catch {
        return false;
      }
    },
  };
}
export type Store = ReturnType<typeof createStore>;
