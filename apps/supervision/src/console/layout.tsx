/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { hasRole } from "@gov/domain";
import { PageShell } from "@gov/http";
import type { Child } from "hono/jsx";
import { csrfField } from "./csrf.ts";
import { consoleBase } from "./paths.ts";
import type { Session } from "./session.ts";

export const consoleName = "政务公开监督考评控制台";

const roleNames = { office: "政务公开办", editor: "编辑", reviewer: "审核", assessor: "评估机构" } as const;

/** The console's pages; the runs are the office's only (the core refuses anyone else). */
function navigation(session: Session): [path: string, label: string][] {
  return [
    ["", "整改看板"],
    ["/overdue", "逾期事项"],
    ["/timeliness", "办理时效"],
    ["/rankings", "考评得分与排名"],
    ["/notices", "通知回执"],
    ...(hasRole(session, "office") ? ([["/runs", "督办记录"]] as [string, string][]) : []),
  ];
}

export type ConsoleMeta = {
  title: string;
  /** Where the reading-mode form comes back to: the page's path and query. */
  here: string;
  csrfToken: string;
  /** Unset on the sign-in page: no navigation, no sign-out. */
  session?: Session | undefined;
};

/**
 * The frame of every console page: the platform's page shell with the console's name, its
 * navigation and who is signed in (with the sign-out form) once someone is. Pages about one
 * office are never for search engines: `noindex`.
 */
export function ConsoleLayout(props: ConsoleMeta & { children: Child }) {
  const { session, csrfToken } = props;
  return (
    <PageShell
      title={`${props.title} - ${consoleName}`}
      head={<meta name="robots" content="noindex, nofollow" />}
      stylesheets={[`${consoleBase}/console.css`, `${consoleBase}/display.css`]}
      banner={
        <>
          <p class="site-name">
            <a href={consoleBase}>{consoleName}</a>
          </p>
          {session && (
            <>
              <nav class="site-nav" aria-label="控制台导航">
                <ul>
                  {navigation(session).map(([path, label]) => (
                    <li>
                      <a href={`${consoleBase}${path}`}>{label}</a>
                    </li>
                  ))}
                </ul>
              </nav>
              <form class="sign-out" method="post" action={`${consoleBase}/sign-out`}>
                <input type="hidden" name={csrfField} value={csrfToken} />
                <span>
                  已登录：单位 {session.unitCode}（{session.roles.map((r) => roleNames[r]).join("、")}）
                </span>{" "}
                <button type="submit">退出登录</button>
              </form>
            </>
          )}
        </>
      }
      readingMode={{ action: `${consoleBase}/display`, back: props.here, hidden: { [csrfField]: csrfToken } }}
      footer={
        <p>
          {consoleName} · <a href="/supervision/docs">监督考评接口</a>
        </p>
      }
    >
      {props.children}
    </PageShell>
  );
}
