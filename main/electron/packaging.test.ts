// What the installed desktop app can be made to do by whoever runs it: electron-builder.yml's fuses
// (names as electron-builder documents them: FuseOptionsV1), developer tools only in development
// (window webPreferences and the View menu). The Electron binary is not needed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UTILITY_WORKER_ENTRY } from './utility-workers';
import { windowOptions } from './window-options';
import { menuTemplate } from './menu-template';

const CONFIG = fileURLToPath(new URL('../../electron-builder.yml', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The `key: value` lines of one top-level block of the YAML file (enough for a flat block of booleans). */
function block(name: string): Record<string, string> {
  const lines = readFileSync(CONFIG, 'utf8').split('\n');
  const start = lines.indexOf(`${name}:`);
  expect(start, `${name}: block in electron-builder.yml`).toBeGreaterThanOrEqual(0);
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+(\w+):\s*(\S+)/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

describe('electron-builder fuses', () => {
  it('closes ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect, and loads the app only from an integrity-checked asar', () => {
    const fuses = block('electronFuses');
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
    });
    // documented names only: a misspelt key would be silently ignored by electron-builder
    const known = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
    expect(Object.keys(fuses).filter((k) => !known.includes(k))).toEqual([]);
  });

  it('keeps the app in an asar archive (onlyLoadAppFromAsar needs one)', () => {
    expect(readFileSync(CONFIG, 'utf8')).toMatch(/^asar: true$/m);
  });

  it('ships the utilityProcess entries the app starts (without runAsNode they are the only way to run its workers)', () => {
    const files = readFileSync(CONFIG, 'utf8').split('\n');
    expect(files).toContain(`  - ${relative(ROOT, UTILITY_WORKER_ENTRY).split(sep).join('/')}`);
    expect(files).toContain('  - workers/**/*.{ts,mjs}'); // workers/utility-trainer.mjs and the workers the entries load
  });
});

describe('developer tools', () => {
  const roles = (devTools: boolean) => {
    const view = menuTemplate({ importDataset: () => {}, openDocumentation: () => {} }, { isMac: false, devTools }).find((m) => m.label === '&View');
    return (view!.submenu as { role?: string }[]).map((i) => i.role);
  };
  it('are off in an installed app: webPreferences and the View menu', () => {
    expect(windowOptions('/app/preload.cjs').webPreferences!.devTools).toBe(false);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('reload');
  });
  it('are on in development', () => {
    expect(windowOptions('/app/preload.cjs', undefined, true).webPreferences!.devTools).toBe(true);
    expect(roles(true)).toContain('toggleDevTools');
  });
});
