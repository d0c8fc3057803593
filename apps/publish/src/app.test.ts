import { describeAppFrame, describePathParameters, describeTypedAnswers } from "@gov/http/frame-checks";
import { createPublishApp } from "./app.ts";

describeAppFrame("publish", createPublishApp);
describeTypedAnswers("publish", createPublishApp);
describePathParameters("publish", createPublishApp);
