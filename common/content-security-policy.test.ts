// The policy both faces send (Electron's window, `gatelab serve`): what it lets a page do, directive by
// directive, so loosening one is a visible change here. e2e/stories/csp-violations.spec.ts checks that the
// UI runs under it without a violation.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const directives: Record<string, string[]> = Object.fromEntries(
  CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]),
);

describe('Content-Security-Policy', () => {
  it("has 'unsafe-inline' only for style attributes: no inline scripts, no <style> elements", () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    // style-src also governs <style> elements and stylesheets (no style-src-elem of its own)
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['style-src-elem']).toBeUndefined();
    expect(directives['style-src-attr']).toEqual(["'unsafe-inline'"]);
    const withInline = Object.entries(directives).filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(withInline).toEqual(['style-src-attr']);
  });

  it('loads nothing remote and runs no eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-hashes|https?:|\*/);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
  });
});
