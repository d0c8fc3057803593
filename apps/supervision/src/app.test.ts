import { describeAppFrame, describePathParameters, describeTypedAnswers } from "@gov/http/frame-checks";
import { createSupervisionApp } from "./app.ts";

describeAppFrame("supervision", createSupervisionApp);
describeTypedAnswers("supervision", createSupervisionApp);
describePathParameters("supervision", createSupervisionApp);
