/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { PageShell } from "@gov/http";
import type { Child } from "hono/jsx";
import { portalBase } from "./paths.ts";

/** What every page tells the layout: its title, its canonical address, a summary for link previews, its feeds. */
export type PageMeta = {
  title: string;
  /** The page's own address (absolute), without the parameters that do not change its content. */
  canonical: string;
  description: string;
  /** Atom feeds of the list the page shows. */
  feeds?: { title: string; href: string }[];
  /** Where the mode form returns to: the page's path and query. */
  here: string;
  ogType?: "website" | "article";
};

export const siteName = "政府信息公开";

const navigation: [path: string, label: string][] = [
  ["", "首页"],
  ["/documents", "规范性文件"],
  ["/search", "信息检索"],
  ["/reports/annual", "年度报告"],
  ["/apply", "依申请公开"],
  ["/mailbox", "市长信箱"],
  ["/consultations", "征求意见"],
];

/**
 * The frame of every portal page: the platform's page shell (@gov/http: skip link, landmarks,
 * reading-mode form) with the portal's own head (canonical and Open Graph tags, feeds), its
 * name and navigation, and its footer.
 */
export function Layout(props: PageMeta & { children: Child }) {
  return (
    <PageShell
      title={`${props.title} - ${siteName}`}
      head={
        <>
          <meta name="description" content={props.description} />
          <link rel="canonical" href={props.canonical} />
          <meta property="og:title" content={props.title} />
          <meta property="og:type" content={props.ogType ?? "website"} />
          <meta property="og:url" content={props.canonical} />
          <meta property="og:site_name" content={siteName} />
          <meta property="og:locale" content="zh_CN" />
          <meta property="og:description" content={props.description} />
          {(props.feeds ?? []).map((feed) => (
            <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
          ))}
        </>
      }
      stylesheets={[`${portalBase}/portal.css`, `${portalBase}/display.css`]}
      banner={
        <>
          <p class="site-name">
            <a href={portalBase}>{siteName}</a>
          </p>
          <nav class="site-nav" aria-label="主导航">
            <ul>
              {navigation.map(([path, label]) => (
                <li>
                  <a href={`${portalBase}${path}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </>
      }
      readingMode={{ action: `${portalBase}/display`, back: props.here }}
      footer={
        <p>
          {siteName} · <a href={`${portalBase}/sitemap.xml`}>网站地图</a> ·{" "}
          <a href={`${portalBase}/docs`}>开放接口</a>
        </p>
      }
    >
      {props.children}
    </PageShell>
  );
}
