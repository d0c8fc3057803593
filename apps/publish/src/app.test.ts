import { describeAppFrame } from "@gov/http/frame-checks";
import { createPublishApp } from "./app.ts";

describeAppFrame("publish", createPublishApp);
