/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/** What a site (the portal, the office console) puts into the shell every page of it shares. */
export type ShellProps = {
  /** The whole `<title>`: the page's name and the site's. */
  title: string;
  /** The site's own `<head>` lines after the title (description, canonical, Open Graph, feeds, robots). */
  head?: Child;
  /** Stylesheets the app serves itself, in order: the pages' CSP allows no other. */
  stylesheets: string[];
  /** The banner's content before the reading-mode form: the site's name and its navigation. */
  banner: Child;
  /** Where the reading-mode form posts, the page (path and query) it comes back to, and any field a site's forms all carry (a CSRF token). */
  readingMode: ReadingMode;
  footer: Child;
  children: Child;
};

/**
 * The frame every HTML page of the platform shares (issue 16, GB/T 37668-2019): a skip link
 * first, then the landmarks (banner, main, contentinfo; the site puts its navigation in the
 * banner), a Chinese language tag, the app's own stylesheets and no inline code (the pages'
 * CSP), and the reading-mode form, which posts and comes back, so it works without JavaScript.
 */
export function PageShell(props: ShellProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.head}
        {props.stylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
          {props.banner}
          <ReadingModeForm {...props.readingMode} />
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">{props.footer}</footer>
      </body>
    </html>
  );
}

type ReadingMode = { action: string; back: string; hidden?: Record<string, string> };

/** 适老化: larger text and high contrast as buttons of a plain form (reading-mode.ts answers it). */
function ReadingModeForm(props: ReadingMode) {
  return (
    <form class="display-form" method="post" action={props.action} aria-label="阅读模式">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="back" value={props.back} />
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
  );
}
