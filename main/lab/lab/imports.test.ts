// Imports in flight, against a real lab (SQLite store, importer worker): each import's events are
// ordered (a first event, nothing after the final one) even when the file fails at once, the message
// says what the path is, and at most two imports parse at once while the others wait as 'queued'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportProgress } from '../../../common/lab-api';
import { Lab } from '../lab';
import { MAX_RUNNING_IMPORTS } from './imports';

let dir: string;
let lab: Lab;
const events: ImportProgress[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-imports-'));
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  lab.onEvent((e, d) => e === 'import.progress' && events.push(d as ImportProgress));
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

const FINAL = ['done', 'failed', 'cancelled'];
const phasesOf = (id: string) => events.filter((e) => e.importId === id).map((e) => e.phase);
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importPath(path: string): Promise<string> {
  const reply = await lab.dispatch('datasets.import', { path });
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.result as { importId: string }).importId;
}

describe('an import that fails at once', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing path', () => join(dir, 'missing.csv'), /missing\.csv: no such file/],
    ['a directory', () => (mkdirSync(join(dir, 'adir.csv'), { recursive: true }), join(dir, 'adir.csv')), /adir\.csv: is a directory/],
    ['a character device', () => '/dev/zero', /\/dev\/zero: is not a regular file/],
    ['a FIFO', () => (execFileSync('mkfifo', [join(dir, 'fifo.csv')]), join(dir, 'fifo.csv')), /fifo\.csv: is not a regular file/],
  ];
  it.each(cases)('%s: first event, then failed with what the path is, then nothing', async (_what, make, message) => {
    const id = await importPath(make());
    await until(() => phasesOf(id).some((p) => FINAL.includes(p)));
    await settle();
    const phases = phasesOf(id);
    expect(phases[0]).toBe('parsing');
    expect(phases.at(-1)).toBe('failed');
    expect(phases.filter((p) => FINAL.includes(p))).toHaveLength(1);
    expect(events.find((e) => e.importId === id && e.phase === 'failed')!.error).toMatch(message);
  });
});

describe('the import queue', () => {
  it(`parses at most ${MAX_RUNNING_IMPORTS} at once; the others wait as 'queued', in order, and all finish`, async () => {
    const files = Array.from({ length: 5 }, (_, i) => {
      const f = join(dir, `series-${i}.csv`);
      writeFileSync(f, ['t,value', ...Array.from({ length: 2000 }, (_, r) => `${r},${(r * (i + 1)) % 97}`)].join('\n') + '\n');
      return f;
    });
    const from = events.length;
    let most = 0;
    const parsing = new Set<string>();
    const off = lab.onEvent((e, d) => {
      if (e !== 'import.progress') return;
      const p = d as ImportProgress;
      if (p.phase === 'parsing') parsing.add(p.importId);
      else parsing.delete(p.importId);
      most = Math.max(most, parsing.size);
    });
    const ids: string[] = [];
    for (const f of files) ids.push(await importPath(f));
    await until(() => ids.every((id) => phasesOf(id).includes('done')));
    off();
    expect(most).toBe(MAX_RUNNING_IMPORTS);
    expect(ids.map((id) => phasesOf(id)[0])).toEqual(['parsing', 'parsing', 'queued', 'queued', 'queued']);
    // the waiting ones start in the order they were asked for
    const starts = events.slice(from).filter((e) => e.phase === 'parsing' && ids.slice(2).includes(e.importId));
    expect([...new Set(starts.map((e) => e.importId))]).toEqual(ids.slice(2));
  });

  it('a queued upload that is cancelled never parses, and its temp file is removed', async () => {
    const busy = [0, 1].map((i) => {
      const f = join(dir, `busy-${i}.csv`);
      writeFileSync(f, ['a,b', ...Array.from({ length: 50_000 }, (_, r) => `${r},${r * i}`)].join('\n'));
      return f;
    });
    const running = await Promise.all(busy.map(importPath));
    const begin = await lab.dispatch('import.begin', { name: 'waiting.csv', size: 8 });
    const uploadId = (begin as { result: { uploadId: string } }).result.uploadId;
    await lab.dispatch('import.chunk', { uploadId, offset: 0, data: Buffer.from('x,y\n1,2\n').toString('base64') });
    const finish = await lab.dispatch('import.finish', { uploadId });
    const id = (finish as { result: { importId: string } }).result.importId;
    expect(phasesOf(id)).toEqual(['queued']);
    expect((await lab.dispatch('import.cancel', { importId: id })).ok).toBe(true);
    expect(phasesOf(id)).toEqual(['queued', 'cancelled']);
    expect(existsSync(join(lab.paths.home, 'uploads')) ? readdirSync(join(lab.paths.home, 'uploads')) : []).toEqual([]);
    expect((await lab.dispatch('import.cancel', { importId: id })).ok).toBe(false); // gone: not-found
    await until(() => running.every((r) => phasesOf(r).some((p) => FINAL.includes(p))));
    await settle();
    expect(phasesOf(id)).toEqual(['queued', 'cancelled']);
  });
});

describe('the name of an imported dataset', () => {
  /** Uploads `text` as the app does (a temp copy named after the user's file) and waits for its final event. */
  async function upload(file: string, text: string, name?: string): Promise<ImportProgress> {
    const begin = await lab.dispatch('import.begin', { name: file, size: Buffer.byteLength(text) });
    const uploadId = (begin as { result: { uploadId: string } }).result.uploadId;
    await lab.dispatch('import.chunk', { uploadId, offset: 0, data: Buffer.from(text).toString('base64') });
    const finish = await lab.dispatch('import.finish', { uploadId, ...(name !== undefined ? { name } : {}) });
    const id = (finish as { result: { importId: string } }).result.importId;
    await until(() => phasesOf(id).some((p) => FINAL.includes(p)));
    return events.find((e) => e.importId === id && FINAL.includes(e.phase))!;
  }
  const nameOf = async (id: string) => ((await lab.dispatch('datasets.get', { id })) as { result: { name: string } }).result.name;

  it('a changed file uploaded again under the same file name becomes "name (2)", and the final event says why', async () => {
    const first = await upload('textonly.csv', 'review,stars\ngood,5\nbad,1\n');
    expect(first.phase).toBe('done');
    expect(await nameOf(first.datasetId!)).toBe('textonly');
    expect((first as { nameNote?: string }).nameNote).toBeUndefined();

    const second = await upload('textonly.csv', 'review,stars\ngood,5\nbad,1\nfine,3\n');
    expect(second.phase).toBe('done');
    expect(second.created).toBe(true);
    expect(await nameOf(second.datasetId!)).toBe('textonly (2)');
    expect((second as { nameNote?: string }).nameNote)
      .toBe(`dataset ${first.datasetId} is already named 'textonly', so this one is named 'textonly (2)' (to choose its name: gatelab datasets rename ID NAME, or import with --name)`);
  });

  it('a name the user typed that another dataset has is refused with what to do, and nothing is imported', async () => {
    const taken = await upload('ratings.csv', 'user,item,rating\n1,2,4\n2,3,5\n');
    const before = ((await lab.dispatch('datasets.list', {})) as { result: unknown[] }).result.length;
    const refused = await upload('other.csv', 'user,item,rating\n7,8,1\n', 'ratings');
    expect(refused.phase).toBe('failed');
    expect(refused.error).toBe(`dataset ${taken.datasetId} is already named 'ratings', so nothing was imported. Choose another name for this import (--name), `
      + `or rename dataset ${taken.datasetId} first (in the app, or gatelab datasets rename ${taken.datasetId} NEW_NAME) and import again`);
    expect(((await lab.dispatch('datasets.list', {})) as { result: unknown[] }).result).toHaveLength(before);
  });
});
