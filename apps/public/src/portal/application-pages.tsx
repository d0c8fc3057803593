/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ApplicationState, ResponseType, Unit } from "@gov/domain";
import {
  Checkboxes,
  Choice,
  ErrorSummary,
  Field,
  type FormState,
  Honeypot,
  NotifyByEmail,
  TrackingReceipt,
} from "./citizen-forms.tsx";
import { responseTypeNames } from "./labels.ts";
import { portalBase } from "./paths.ts";

export const applyPath = `${portalBase}/apply`;

/** 依申请公开: the form the Regulations (Art. 29) ask for, posted without JavaScript. */
export function ApplicationForm(props: { units: Unit[]; state: FormState }) {
  const { state } = props;
  return (
    <>
      <h1>政府信息公开申请</h1>
      <p>
        已提交申请的，可<a href={`${applyPath}/status`}>查询办理状态</a>。历年申请办理情况见
        <a href={`${portalBase}/statistics/applications`}>政府信息公开申请统计</a>。
      </p>
      <ErrorSummary state={state} />
      <form method="post" action={applyPath} novalidate>
        <Choice
          name="unitCode"
          label="受理机关"
          state={state}
          required={true}
          options={props.units.map((u): [string, string] => [u.code, u.name])}
        />
        <Checkboxes
          name="otherUnitCodes"
          label="另请以下机关分别答复（可多选）"
          hint="所需信息由多个机关掌握的，可同时勾选；各机关分别办理、分别答复，凭同一查询码查询。"
          state={state}
          options={props.units.map((u): [string, string] => [u.code, u.name])}
        />
        <fieldset>
          <legend>申请人信息</legend>
          <Choice
            name="applicant.type"
            label="申请人类型"
            state={state}
            required={true}
            options={[
              ["natural-person", "公民"],
              ["legal-person", "法人或其他组织"],
            ]}
          />
          <Choice
            name="applicant.orgKind"
            label="组织类别（法人或其他组织填写）"
            state={state}
            options={[
              ["commercial", "商业企业"],
              ["research", "科研机构"],
              ["public-interest", "社会公益组织"],
              ["legal-services", "法律服务机构"],
              ["other", "其他"],
            ]}
          />
          <Field name="applicant.name" label="姓名或名称" state={state} required={true} autocomplete="name" />
          <Field name="applicant.idNumber" label="证件号码" state={state} />
          <Field name="applicant.phone" label="联系电话" state={state} type="tel" autocomplete="tel" />
          <Field name="applicant.email" label="电子邮箱" state={state} type="email" autocomplete="email" />
          <Field name="applicant.address" label="通信地址" state={state} autocomplete="street-address" />
        </fieldset>
        <Field
          name="description"
          label="所需信息的名称、文号或便于查询的其他特征性描述"
          state={state}
          required={true}
          multiline={true}
        />
        <Choice
          name="provisionForm"
          label="获取信息的方式"
          state={state}
          options={[
            ["paper", "纸质"],
            ["electronic", "电子数据"],
            ["email", "电子邮件"],
            ["on-site", "当场查阅"],
          ]}
        />
        <NotifyByEmail state={state} />
        <Honeypot />
        <button type="submit">提交申请</button>
      </form>
    </>
  );
}

export type ApplicationReceiptView = {
  trackingCode: string;
  secret: string;
  receivedOn: string;
  dueOn: string | null;
  dueIsProvisional: boolean;
};

/** The receipt, shown once, with the statutory due date. */
export function ApplicationReceiptPage(props: { receipt: ApplicationReceiptView | undefined }) {
  const r = props.receipt;
  const status = { path: `${applyPath}/status`, label: "查询办理状态" };
  return (
    <TrackingReceipt
      receipt={r}
      heading="申请已提交"
      status={status}
      dates={[
        ["收到申请日期", r?.receivedOn],
        ["法定答复期限", `${r?.dueOn ?? "补正后重新计算"}${r?.dueIsProvisional ? "（暂定）" : ""}`],
      ]}
    >
      <p>
        <a href={status.path}>{status.label}</a>
      </p>
    </TrackingReceipt>
  );
}

/** The lookup: the secret is posted in the form's body, never in an address. */
export function StatusForm(props: { action: string; heading: string; state: FormState }) {
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary state={props.state} />
      <form method="post" action={props.action} novalidate>
        <Field name="trackingCode" label="查询码" state={props.state} required={true} />
        <Field
          name="secret"
          label="查询密钥"
          state={props.state}
          required={true}
          type="password"
          autocomplete="off"
        />
        <button type="submit">查询</button>
      </form>
    </>
  );
}

const stateNames: Record<ApplicationState, string> = {
  received: "已收到，办理中",
  "awaiting-correction": "待申请人补正",
  "in-consultation": "征求第三方意见中",
  "awaiting-fee": "待缴纳信息处理费",
  extended: "已延期答复",
  answered: "已答复",
  closed: "已办结",
};

export function ApplicationStatusPage(props: {
  status: {
    trackingCode: string;
    state: string;
    receivedOn: string;
    dueOn: string | null;
    dueIsProvisional: boolean;
    overdue: boolean;
    endedOn?: string | undefined;
    parts: PartStatus[];
  };
  unitName: string;
}) {
  const s = props.status;
  return (
    <>
      <h1>申请办理状态</h1>
      <table class="metadata">
        <tbody>
          <tr>
            <th scope="row">查询码</th>
            <td>{s.trackingCode}</td>
          </tr>
          <tr>
            <th scope="row">受理机关</th>
            <td>{props.unitName}</td>
          </tr>
          <tr>
            <th scope="row">办理状态</th>
            <td id="application-state">{stateNames[s.state as ApplicationState] ?? s.state}</td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>{s.receivedOn}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>
              <DueOn {...s} />
            </td>
          </tr>
          {s.endedOn && (
            <tr>
              <th scope="row">办结日期</th>
              <td>{s.endedOn}</td>
            </tr>
          )}
        </tbody>
      </table>
      {s.parts.length > 1 && <PartsTable parts={s.parts} />}
    </>
  );
}

/** A part's or the application's deadline, provisional or overdue as it stands today. */
function DueOn(props: { dueOn: string | null; dueIsProvisional: boolean; overdue: boolean }) {
  return (
    <>
      {props.dueOn ?? "—"}
      {props.dueIsProvisional ? "（暂定）" : ""}
      {props.overdue ? "（已逾期）" : ""}
    </>
  );
}

type PartStatus = {
  unitCode: string;
  unitName: string;
  state: string;
  dueOn: string | null;
  dueIsProvisional: boolean;
  overdue: boolean;
  responseType?: string | undefined;
  endedOn?: string | undefined;
};

/** An application several units answer (ADR 0061): each unit's part, its deadline and answer. */
function PartsTable(props: { parts: PartStatus[] }) {
  return (
    <>
      <h2>各单位办理情况</h2>
      <table id="application-parts">
        <thead>
          <tr>
            <th scope="col">办理单位</th>
            <th scope="col">办理状态</th>
            <th scope="col">答复期限</th>
            <th scope="col">答复</th>
          </tr>
        </thead>
        <tbody>
          {props.parts.map((p) => (
            <tr>
              <th scope="row">{p.unitName}</th>
              <td>{stateNames[p.state as ApplicationState] ?? p.state}</td>
              <td>
                <DueOn {...p} />
              </td>
              <td>
                {p.responseType ? (responseTypeNames[p.responseType as ResponseType] ?? p.responseType) : "—"}
                {p.endedOn ? `（${p.endedOn}）` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
