import { describeAppFrame } from "@gov/http/frame-checks";
import { createNoticesApp } from "./app.ts";

describeAppFrame("notices", createNoticesApp);
