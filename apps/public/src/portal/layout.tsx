/** @jsxRuntime automatic @jsxImportSource hono/jsx */
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
 * The frame of every portal page: landmarks (banner, navigation, main, contentinfo), a skip
 * link first, a Chinese title, canonical and Open Graph tags, the stylesheet and the reading-mode
 * stylesheet from the app itself, and the reading-mode form, which posts and comes back without JavaScript.
 */
export function Layout(props: PageMeta & { children: Child }) {
  const title = `${props.title} - ${siteName}`;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
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
        <link rel="stylesheet" href={`${portalBase}/portal.css`} />
        <link rel="stylesheet" href={`${portalBase}/display.css`} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
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
          <form class="display-form" method="post" action={`${portalBase}/display`} aria-label="阅读模式">
            <input type="hidden" name="back" value={props.here} />
            <button type="submit" name="setting" value="large" class="display-large">
              大字版
            </button>
            <button type="submit" name="setting" value="contrast" class="display-contrast">
              高对比度
            </button>
            <button type="submit" name="setting" value="standard">
              标准版
            </button>
          </form>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            {siteName} · <a href={`${portalBase}/sitemap.xml`}>网站地图</a> ·{" "}
            <a href={`${portalBase}/docs`}>开放接口</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
