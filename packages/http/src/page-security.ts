/**
 * The Content-Security-Policy of every HTML page the apps serve (issue 16): scripts and styles
 * only from the app's own origin, never inline, never from elsewhere, so a page works on an
 * intranet and an injected `<script>` does not run. Images may be data URIs (Swagger UI's icons).
 */
export const pageSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
