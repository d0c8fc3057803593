import type { Application, ApplicationState, SubmitApplicationInput } from "@gov/domain";
import type { Write } from "@gov/store";
import type { Deps } from "./deps.ts";
import { statusMailWrites, watchWrites } from "./status-watches.ts";
import type { PortalLinks } from "./subscriptions.ts";

/**
 * An applicant who opts in is mailed when the application's state changes (issue 18, ADR 0060);
 * kept apart from applications.ts, whose rules are the statute's.
 */
const stateTold: Record<ApplicationState, string> = {
  received: "已受理",
  "awaiting-correction": "需要补正",
  "in-consultation": "正在征求第三方意见",
  "awaiting-fee": "需要缴纳信息处理费",
  extended: "答复期限已延长",
  answered: "已答复",
  closed: "已办结",
};

/**
 * The opt-in, with the application's creation, under its tracking code: every unit's part of a
 * multi-unit application (ADR 0061) tells the applicant of its own changes.
 */
export const applicantWatch = (
  deps: Deps,
  application: Application,
  input: SubmitApplicationInput,
  links: PortalLinks | undefined,
): Write[] =>
  input.notifyByEmail && input.applicant.email && links
    ? watchWrites(deps, application.trackingCode, input.applicant.email, links)
    : [];

/** The applicant's mail for a change of state, if they asked for one; nothing when the state stays. */
export const applicantStatusMail = (deps: Deps, before: Application, next: Application): Promise<Write[]> =>
  before.state === next.state
    ? Promise.resolve([])
    : statusMailWrites(deps, {
        recordId: next.trackingCode,
        unitCode: next.unitCode,
        what: "政府信息公开申请",
        trackingCode: next.trackingCode,
        state: stateTold[next.state],
        statusPath: "/apply/status",
      });
