// The lab a story runs against: `gatelab serve` with a fresh temporary --home, started once per
// worker; the story gets its URL (with token) and home. The process is stopped afterwards.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = join(REPO, 'e2e', 'artifacts');
export const SHARED_DATA = process.env.GATELAB_SHARED_DATA ?? '/work/shared/data';

export interface ServedLab {
  url: string;
  home: string;
}

async function startServe(home: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [join(REPO, 'bin', 'gatelab.js'), 'serve', '--port', '0', '--home', home], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gatelab serve printed no URL in 90 s; stderr:\n${stderr}`)), 90_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolveUrl(line.trim());
      }
    });
    proc.once('exit', (code) => reject(new Error(`gatelab serve exited with ${code}; stderr:\n${stderr}`)));
  });
  return { proc, url };
}

export const test = base.extend<{ lab: ServedLab }, { servedLab: ServedLab }>({
  servedLab: [
    async ({}, use) => {
      const home = mkdtempSync(join(tmpdir(), 'gatelab-e2e-'));
      const { proc, url } = await startServe(home);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
      await use({ url, home });
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(home, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  lab: async ({ servedLab }, use) => use(servedLab),
});

export { expect };
