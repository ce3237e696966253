// The Content-Security-Policy of every page the lab serves: the Electron window and `gatelab serve`.
// Only our own bundled code, no eval, no inline scripts, no remote anything.
// https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte writes style attributes; no remote stylesheets.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
