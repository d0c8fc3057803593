import { describeAppFrame, describeTypedAnswers } from "@gov/http/frame-checks";
import { createSupervisionApp } from "./app.ts";

describeAppFrame("supervision", createSupervisionApp);
describeTypedAnswers("supervision", createSupervisionApp);
