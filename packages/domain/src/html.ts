import sanitizeHtml from "sanitize-html";

// An allow-list, not a block-list: a document body is shown on the public portal, so
// anything not needed to lay out a government document (styles, classes, scripts, frames,
// forms, SVG) goes. Styles and classes would let a department restyle or hide parts of the
// portal's page.
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "br",
    "hr",
    "blockquote",
    "pre",
    "code",
    "span",
    "div",
  ],
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    img: ["src", "alt", "title", "width", "height"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan", "scope"],
    col: ["span"],
    colgroup: ["span"],
    ol: ["start"],
  },
  allowedClasses: {},
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  // `//host/path` leaves the portal's origin while looking relative.
  allowProtocolRelative: false,
  parseStyleAttributes: false,
  disallowedTagsMode: "discard",
  // The content of these is code or foreign markup, never text a reader should see.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "xmp",
    "noscript",
    "iframe",
    "template",
    "svg",
    "math",
  ],
  transformTags: {
    // A page opened in a new tab must not get a handle on the portal (window.opener).
    a: (tagName, attribs) => {
      const { target, rel: _rel, ...rest } = attribs;
      return target?.trim().toLowerCase() === "_blank"
        ? { tagName, attribs: { ...rest, target: "_blank", rel: "noopener noreferrer" } }
        : { tagName, attribs: rest };
    },
  },
  // An image must name an absolute http(s) source: one whose src was removed as unsafe, or
  // that points at a relative path, is dropped rather than shown broken.
  exclusiveFilter: (frame) => frame.tag === "img" && !/^https?:\/\//i.test(frame.attribs.src ?? ""),
};

/** The body of a disclosure item as it may be stored and shown on the public portal. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options);
}
