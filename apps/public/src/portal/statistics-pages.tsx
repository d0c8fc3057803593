/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { applicationStatisticsOf, letterStatisticsOf } from "@gov/core";
import {
  type ApplicationChannel,
  type ApplicationStatistics,
  fail,
  type LetterStats,
  type ResponseType,
  shanghaiDate,
  type Unit,
  UnitCode,
  yearOf,
} from "@gov/domain";
import type { AppEnv } from "@gov/http";
import type { Hono } from "hono";
import { z } from "zod";
import { responseTypeNames } from "./labels.ts";
import { mailboxPath } from "./mailbox-pages.tsx";
import { portalBase } from "./paths.ts";
import { type C, givenQuery, page, parsed } from "./render.tsx";

export const statisticsPath = `${portalBase}/statistics`;

/** The Regulations took effect on 2008-05-01; the mailbox has no older letters to count either. */
const firstYear = 2008;

const StatisticsQuery = z.object({
  year: z.coerce.number().int().min(firstYear).max(2100).optional(),
  unit: UnitCode.optional(),
});

const channelNames: Record<ApplicationChannel, string> = {
  online: "网上申请",
  "in-person": "当面提交",
  "registered-post": "邮寄（挂号信）",
  letter: "信函",
  fax: "传真",
};

type Scope = { year: number; unit: Unit | undefined; years: number[]; units: Unit[] };

/** The year and unit a statistics page shows: this year and the whole city unless asked. */
async function scopeOf(c: C): Promise<Scope> {
  const asked = parsed(StatisticsQuery, givenQuery(c));
  if (!asked.ok) return fail("validation", "参数有误", asked.issues);
  const units = await c.var.deps.store.units.list();
  const unit = asked.value.unit ? units.find((u) => u.code === asked.value.unit) : undefined;
  if (asked.value.unit && !unit) return fail("not-found", "单位不存在");
  const thisYear = yearOf(shanghaiDate(c.var.deps.clock()));
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);
  return { year: asked.value.year ?? thisYear, unit, years, units };
}

const scopeQuery = (scope: Scope) =>
  `?${new URLSearchParams({ year: String(scope.year), ...(scope.unit ? { unit: scope.unit.code } : {}) })}`;

/** The GET form choosing the year and the unit; it works without JavaScript. */
function ScopeForm(props: { action: string; scope: Scope }) {
  const { scope } = props;
  return (
    <form class="filters" method="get" action={props.action} aria-label="选择统计范围">
      <div>
        <label for="stats-year">年度</label>
        <select id="stats-year" name="year">
          {scope.years.map((y) => (
            <option value={String(y)} selected={y === scope.year}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="stats-unit">单位</label>
        <select id="stats-unit" name="unit">
          <option value="">全市</option>
          {scope.units.map((u) => (
            <option value={u.code} selected={u.code === scope.unit?.code}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">查看</button>
    </form>
  );
}

/** A two-column table of figures, each row headed by what it counts. */
function Figures(props: { caption: string; rows: [label: string, value: string | number][] }) {
  return (
    <table class="metadata">
      <caption>{props.caption}</caption>
      <tbody>
        {props.rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{String(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const scopeName = (scope: Scope) => `${scope.year}年度 · ${scope.unit?.name ?? "全市"}`;

export function ApplicationStatisticsPage(props: { scope: Scope; figures: ApplicationStatistics }) {
  const { scope, figures: f } = props;
  const byChannel = Object.entries(f.receivedByChannel).map(([channel, n]): [string, number] => [
    channelNames[channel as ApplicationChannel] ?? channel,
    n,
  ]);
  const byResponse = Object.entries(f.byResponseType).map(([type, n]): [string, number] => [
    responseTypeNames[type as ResponseType] ?? type,
    n,
  ]);
  return (
    <>
      <h1>政府信息公开申请统计</h1>
      <p class="meta">{scopeName(scope)}</p>
      <ScopeForm action={`${statisticsPath}/applications`} scope={scope} />
      <Figures
        caption="申请办理情况（件）"
        rows={[
          ["本年新收申请", f.received],
          ["上年结转", f.carriedOver],
          ["本年办结", f.answered],
          ["按时办结", f.answeredOnTime],
          ["延期答复", f.extended],
          ["逾期", f.overdue],
          ["结转下年度继续办理", f.carriedIntoNextYear],
        ]}
      />
      <h2>按申请渠道</h2>
      {byChannel.length ? <Figures caption="新收申请（件）" rows={byChannel} /> : <p>本年没有新收申请。</p>}
      <h2>按答复类型</h2>
      {byResponse.length ? (
        <Figures caption="办结申请（件）" rows={byResponse} />
      ) : (
        <p>本年没有办结的申请。</p>
      )}
      <p>
        年度报告第三部分（收到和处理政府信息公开申请情况）见
        <a href={`${portalBase}/reports/annual/${scope.year}`}>{scope.year}年度报告</a>；
        <a href={`${portalBase}/v1/stats/applications${scopeQuery(scope)}`} type="application/json">
          数据（JSON）
        </a>
        。统计不含任何申请人信息。
      </p>
    </>
  );
}

const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(2)}%`);
const days = (value: number | null) => (value === null ? "—" : `${value}个工作日`);

export function LetterStatisticsPage(props: { scope: Scope; figures: LetterStats & { asOf: string } }) {
  const { scope, figures: f } = props;
  return (
    <>
      <h1>市长信箱统计</h1>
      <p class="meta">
        {scopeName(scope)} · 统计截至{f.asOf}
      </p>
      <ScopeForm action={`${statisticsPath}/letters`} scope={scope} />
      <Figures
        caption="来信办理情况"
        rows={[
          ["收到来信（件）", f.received],
          ["已答复（件）", f.replied],
          ["答复率", percent(f.replyRate)],
          ["平均答复用时", days(f.averageReplyWorkingDays)],
          ["最长答复用时", days(f.longestReplyWorkingDays)],
          ["答复时限", `${f.replyLimitWorkingDays}个工作日`],
          ["按时答复（件）", f.onTime],
          ["超时答复（件）", f.late],
          ["未答复且已超过时限（件）", f.openOverdue],
          ["超过3个月未答复（件）", f.unansweredOverThreeMonths.length],
        ]}
      />
      {f.provisional && <p class="notice">该年度的节假日安排尚未载入，工作日按周末计算，数字为暂定。</p>}
      <p>
        答复用时按工作日计算，受理当日不计，节假日与调休按国务院安排。
        <a href={`${mailboxPath}/replies`}>查看公开答复</a> ·{" "}
        <a href={`${portalBase}/v1/stats/letters${scopeQuery(scope)}`} type="application/json">
          数据（JSON）
        </a>
      </p>
    </>
  );
}

const head = (kind: string, scope: Scope, path: string) => ({
  title: `${kind}（${scopeName(scope)}）`,
  canonicalPath: `${path}${scopeQuery(scope)}`,
  description: `${scopeName(scope)}的${kind}，不含任何个人信息。`,
});

/** The year's figures as pages (issue 16), read through the same core functions as the JSON statistics. */
export function statisticsPages(portal: Hono<AppEnv>) {
  portal.get("/statistics/applications", async (c) => {
    const scope = await scopeOf(c);
    const figures = await applicationStatisticsOf(c.var.deps, { year: scope.year, unit: scope.unit?.code });
    return page(
      c,
      head("政府信息公开申请统计", scope, `${statisticsPath}/applications`),
      <ApplicationStatisticsPage scope={scope} figures={figures} />,
    );
  });
  portal.get("/statistics/letters", async (c) => {
    const scope = await scopeOf(c);
    const figures = await letterStatisticsOf(c.var.deps, { year: scope.year, unit: scope.unit?.code });
    return page(
      c,
      head("市长信箱统计", scope, `${statisticsPath}/letters`),
      <LetterStatisticsPage scope={scope} figures={figures} />,
    );
  });
}
