import { describeAppFrame, describePathParameters } from "@gov/http/frame-checks";
import { createNoticesApp } from "./app.ts";

describeAppFrame("notices", createNoticesApp);
describePathParameters("notices", createNoticesApp);
