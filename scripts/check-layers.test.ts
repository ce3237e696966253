// The import rules of ARCHITECTURE §1 are enforced by the build, not by review: a file that breaks a
// rule must fail `npm test`. Each case copies the real per-folder tsconfigs into a temp tree, adds one
// offending file, and runs the same two checks `scripts/typecheck.mjs` runs (tsc per folder, the
// layer checker).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '..');
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const checker = join(repo, 'scripts', 'check-layers.mjs');
const FOLDERS = ['common', 'engine', 'workers', 'main', 'renderer'];

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gatelab-layers-'));
  copyFileSync(join(repo, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir'); // @types/node for the Node folders
  for (const f of FOLDERS) {
    mkdirSync(join(root, f), { recursive: true });
    copyFileSync(join(repo, f, 'tsconfig.json'), join(root, f, 'tsconfig.json'));
  }
  // A legal file in every folder, so each project has inputs.
  writeFileSync(join(root, 'common', 'ok.ts'), 'export const ok = 1;\n');
  for (const f of FOLDERS.slice(1)) writeFileSync(join(root, f, 'ok.ts'), "import { ok } from '../common/ok';\nexport const again = ok;\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const typecheck = (folder: string) => spawnSync(process.execPath, [tsc, '-p', join(root, folder, 'tsconfig.json')], { encoding: 'utf8' });
const layers = () => spawnSync(process.execPath, [checker, root], { encoding: 'utf8' });

describe('runtime folders', () => {
  it('a legal tree passes both checks, and so does the real repository', () => {
    for (const f of FOLDERS) expect(typecheck(f).status, f).toBe(0);
    expect(layers().status).toBe(0);
    const real = spawnSync(process.execPath, [checker, repo], { encoding: 'utf8' });
    expect(real.stderr).toBe('');
    expect(real.status).toBe(0);
  });

  it('DOM types in engine/ fail the type check', () => {
    write('engine/draws.ts', 'export const title = document.title;\n');
    const r = typecheck('engine');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/engine\/draws\.ts.*Cannot find name 'document'/);
  });

  it('node:* in engine/ fails the type check and the layer check', () => {
    write('engine/reads.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    expect(typecheck('engine').status).not.toBe(0);
    const r = layers();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("engine/reads.ts:1: imports 'node:fs': engine/ must not use Node built-ins");
  });

  it('electron in workers/ fails the layer check', () => {
    write('workers/window.ts', "import { app } from 'electron';\nexport const a = app;\n");
    const r = layers();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("workers/window.ts:1: imports 'electron'");
  });

  it('node:* in renderer/ fails the type check and the layer check', () => {
    write('renderer/disk.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    expect(typecheck('renderer').status).not.toBe(0);
    const r = layers();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("renderer/disk.ts:1: imports 'node:fs': renderer/ knows only LabApi");
  });

  it('the renderer may not reach into main/ or the engine', () => {
    write('renderer/sneaky.ts', "import { again } from '../main/ok';\nimport { again as e } from '../engine/ok';\nexport const x = again + e;\n");
    const r = layers();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("renderer/sneaky.ts:1: imports '../main/ok'");
    expect(r.stderr).toContain("renderer/sneaky.ts:2: imports '../engine/ok'");
  });

  it('the plain-Node lab may not import the Electron shell', () => {
    write('main/electron/shell.ts', 'export const shell = 1;\n');
    write('main/lab/uses-shell.ts', "import { shell } from '../electron/shell';\nexport const s = shell;\n");
    const r = layers();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("main/lab/uses-shell.ts:1: imports '../electron/shell'");
  });
});
