import { describeAppFrame, describePathParameters, describeTypedAnswers } from "@gov/http/frame-checks";
import { createNoticesApp } from "./app.ts";

describeAppFrame("notices", createNoticesApp);
describeTypedAnswers("notices", createNoticesApp);
describePathParameters("notices", createNoticesApp);
