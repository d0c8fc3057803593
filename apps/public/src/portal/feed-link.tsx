/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { portalBase } from "./paths.ts";

/** The Atom feeds of the portal's lists (issue 16: "Atom links on every list"), one address each. */
export const feeds = {
  latest: `${portalBase}/v1/feeds/latest.atom`,
  column: (columnId: string) => `${portalBase}/v1/feeds/${columnId}.atom`,
  unit: (unitCode: string) => `${portalBase}/v1/feeds/units/${unitCode}.atom`,
  letters: `${portalBase}/v1/feeds/letters.atom`,
  consultations: `${portalBase}/v1/feeds/consultations.atom`,
};

/** The visible link beside a list to the feed its page announces in `<link rel="alternate">`. */
export function FeedLink(props: { href: string; label: string }) {
  return (
    <p>
      <a href={props.href} type="application/atom+xml">
        订阅{props.label}（Atom）
      </a>
    </p>
  );
}
