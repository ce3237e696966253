// Path imports from the desktop window against a real lab: a file the page chose is imported once; any
// other path is refused before the lab reads it; a failed import can be retried (the Datasets view's
// Retry with another bad-row policy); a reload forgets the old page's picks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../lab/lab';
import type { Reply } from '../../common/lab-api/dispatch';
import { WindowPathImports } from './window-path-imports';
import type { PageEvents } from './window-uploads';

let dir: string;
let lab: Lab;
let imports: WindowPathImports;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-path-imports-'));
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  imports = new WindowPathImports();
  lab.onEvent((event, data) => imports.labEvent(event, data)); // as ipc.ts wires it
  lab.onEvent((event, data) => {
    const p = data as { importId: string; phase: string };
    if (event === 'import.progress' && ['done', 'failed', 'cancelled'].includes(p.phase)) finals.set(p.importId, p.phase);
  });
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = () => new EventEmitter() as EventEmitter & PageEvents;
const send = (payload: unknown) => lab.dispatch('datasets.import', payload);
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Last events of every import, by id: a quick failure comes before the answer that names its import. */
const finals = new Map<string, string>();

/** The import's last phase (done, failed or cancelled). */
async function ended(importId: string): Promise<string> {
  for (const t0 = Date.now(); !finals.has(importId) && Date.now() - t0 < 30_000;) await new Promise((r) => setTimeout(r, 20));
  return finals.get(importId) ?? 'still running after 30 s';
}

async function started(r: Promise<Reply>): Promise<string> {
  const reply = await r;
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.result as { importId: string }).importId;
}

describe('path imports from the desktop window', () => {
  it('imports a chosen file once; a second import of it, or any path not chosen, is refused before the lab reads it', async () => {
    const contents = page();
    const path = file('sales.csv', 'region,units\nnorth,3\nsouth,5\n');
    imports.chosen(contents, path);
    const id = await started(imports.import(contents, { path }, send));
    expect(await ended(id)).toBe('done');

    let reached = 0;
    const counted = (p: unknown) => (reached++, send(p));
    const again = await imports.import(contents, { path }, counted);
    expect(again).toMatchObject({ ok: false, error: { code: 'not-available', message: expect.stringMatching(/^'.*sales\.csv' was not chosen in this window just now/) } });
    const secret = file('id_ed25519', '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    const never = await imports.import(contents, { path: secret }, counted);
    expect(never).toMatchObject({ ok: false, error: { code: 'not-available', message: expect.stringContaining('Drop or pick the file again') } });
    expect(reached).toBe(0);
  });

  it('a failed import can be tried again (Retry), and only once per failure', async () => {
    const contents = page();
    const path = join(dir, 'moved-away.csv'); // chosen, then gone before the lab reads it
    imports.chosen(contents, path);
    const first = await imports.import(contents, { path }, send);
    if (first.ok) expect(await ended((first.result as { importId: string }).importId)).toBe('failed');
    file('moved-away.csv', 'a,b\n1,2\n'); // back in place: Retry
    const id = await started(imports.import(contents, { path, onInvalid: 'drop' }, send));
    expect(await ended(id)).toBe('done');
    expect(await imports.import(contents, { path }, send)).toMatchObject({ ok: false, error: { code: 'not-available' } });
  });

  it("a reload forgets the old page's picks; another window's page has its own", async () => {
    const contents = page();
    const other = page();
    const path = file('picked.csv', 'x\n1\n');
    imports.chosen(contents, path);
    contents.emit('did-navigate');
    expect(await imports.import(contents, { path }, send)).toMatchObject({ ok: false, error: { code: 'not-available' } });
    imports.chosen(contents, path);
    expect(await imports.import(other, { path }, send)).toMatchObject({ ok: false, error: { code: 'not-available' } });
    expect(await ended(await started(imports.import(contents, { path }, send)))).toBe('done');
  });

  it('a failure the lab reports before its answer still gives the pick back; a success does not', async () => {
    const own = new WindowPathImports();
    const contents = page();
    // The lab emits a quick import's last event before dispatch resolves; play that order exactly.
    const quick = (importId: string, phase: 'failed' | 'done') => async (): Promise<Reply> => {
      own.labEvent('import.progress', { importId, phase });
      return { ok: true, result: { importId } };
    };
    own.chosen(contents, '/data/a.csv');
    await own.import(contents, { path: '/data/a.csv' }, quick('imp-1', 'failed'));
    await own.import(contents, { path: '/data/a.csv' }, quick('imp-2', 'done'));
    expect(await own.import(contents, { path: '/data/a.csv' }, quick('imp-3', 'done'))).toMatchObject({ ok: false });
    // an answer that refuses the request (the lab closing) did not spend the pick
    own.chosen(contents, '/data/b.csv');
    await own.import(contents, { path: '/data/b.csv' }, async () => ({ ok: false, error: { code: 'not-available', message: 'the lab is closing' } }));
    await own.import(contents, { path: '/data/b.csv' }, quick('imp-4', 'done'));
  });

  it('a payload without a path goes to the lab, whose schema check words the error', async () => {
    const r = await imports.import(page(), { name: 'x' }, send);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});
