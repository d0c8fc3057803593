import { dynamoArgs } from "./plan";

export const table = new sst.aws.Dynamo("Table", dynamoArgs());
