// Serve mode rebuilds the UI when its sources changed after the last build, so a checkout that pulled
// or edited renderer code never serves a UI that no longer matches the lab.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendererStale } from './renderer-build';

function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'gatelab-ui-build-'));
  const out = join(root, 'dist', 'renderer');
  for (const d of ['renderer/views', 'common', 'dist/renderer']) mkdirSync(join(root, d), { recursive: true });
  const at = (path: string, secondsAgo: number) => {
    writeFileSync(join(root, path), 'x');
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(join(root, path), t, t);
  };
  return { root, out, at };
}

describe('rendererStale', () => {
  it('is stale when there is no build, fresh after it, stale again when a source changes', () => {
    const c = checkout();
    try {
      c.at('renderer/views/SettingsView.svelte', 100);
      c.at('common/api.ts', 100);
      c.at('renderer/views/SettingsView.test.ts', 1); // tests are not part of the bundle
      expect(rendererStale(c.root, c.out)).toBe(true);
      c.at('dist/renderer/index.html', 50);
      expect(rendererStale(c.root, c.out)).toBe(false);
      c.at('common/api.ts', 10);
      expect(rendererStale(c.root, c.out)).toBe(true);
    } finally {
      rmSync(c.root, { recursive: true, force: true });
    }
  });

  it('a packaged app (a build and no sources) is never stale', () => {
    const c = checkout();
    try {
      c.at('dist/renderer/index.html', 100);
      c.at('common/api.ts', 1);
      rmSync(join(c.root, 'renderer'), { recursive: true });
      expect(rendererStale(c.root, c.out)).toBe(false);
    } finally {
      rmSync(c.root, { recursive: true, force: true });
    }
  });
});
