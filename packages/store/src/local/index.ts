export { type DynamoDbLocal, freePort, startDynamoDbLocal } from "./dynamodb-local.ts";
