export { type DynamoDbLocal, freePort, startDynamoDbLocal, type UnexpectedExit } from "./dynamodb-local.ts";
