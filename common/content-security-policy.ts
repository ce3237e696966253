// The Content-Security-Policy of every page the lab serves: the Electron window and `gatelab serve`.
// Only our own bundled code, no eval, no inline scripts, no remote anything.
// https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Stylesheets and <style> elements only from our own files: Svelte's component CSS is built into one
  // stylesheet (the vite plugin emits it, never injects it at run time), so an injected <style> is refused.
  "style-src 'self'",
  // Inline style="…" attributes are still allowed: six static ones in components' markup
  // (LaunchBar, SplitSettings, RunTable, CompareView, DatasetsView) need it until they become classes or
  // `style:` directives. Svelte's `style={…}` and `style:` set properties through CSSOM, which CSP
  // does not limit, so those need nothing here.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
