// @vitest-environment node
// The imports store against a real lab in this process: a file that fails at once (its events arrive
// before the reply that names its import) still ends as 'failed' with the lab's message and stays
// so; an import waiting for a place shows as 'queued'; and events of an import another window
// started are listed.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { File as NodeFile } from 'node:buffer';
import { importLab, until } from '../fixtures/import-lab';
import { ImportsStore, UPLOADS_AT_ONCE } from './imports.svelte';
import { handlerLab } from './runs-test-lab';

const lab = importLab('gatelab-imports-store-');
let store: ImportsStore;

beforeAll(() => {
  store = new ImportsStore(lab().window());
});

describe('ImportsStore', () => {
  it('an import that fails before its id is back ends failed, with the lab\'s message, and stays failed', async () => {
    await store.importPath('/dev/zero', 'zero');
    const item = store.items.at(-1)!;
    await until(() => item.phase !== 'parsing');
    await new Promise((r) => setTimeout(r, 200)); // a stale 'parsing' event would land here
    expect(item.phase).toBe('failed');
    expect(item.error).toMatch(/\/dev\/zero: is not a regular file/);
    expect(store.active).not.toContain(item);
  });

  it('shows imports beyond the two that parse at once as queued, then imports them all', async () => {
    const files = [0, 1, 2].map((i) => {
      const f = join(lab().dir, `busy-${i}.csv`);
      writeFileSync(f, ['a,b', ...Array.from({ length: 60_000 }, (_, r) => `${r},${(r * (i + 3)) % 101}`)].join('\n'));
      return f;
    });
    const from = store.items.length;
    for (const [i, f] of files.entries()) await store.importPath(f, `busy-${i}.csv`);
    const mine = store.items.slice(from);
    expect(mine.map((i) => i.phase)).toEqual(['parsing', 'parsing', 'queued']);
    expect(store.active).toHaveLength(3);
    await until(() => mine.every((i) => i.phase === 'done'));
    expect(new Set(mine.map((i) => i.datasetId)).size).toBe(3);
  });

  it('lists an import another window started, once no request of its own is waiting for an id', () => {
    const { lab: scripted, emit } = handlerLab({});
    const other = new ImportsStore(scripted);
    emit('import.progress', { importId: 'elsewhere', file: 'theirs.csv', phase: 'queued', bytes: 0, totalBytes: 0, rows: 0, datasetId: null, error: null });
    expect(other.items.map((i) => [i.file, i.phase])).toEqual([['theirs.csv', 'queued']]);
    emit('import.progress', { importId: 'elsewhere', file: 'theirs.csv', phase: 'cancelled', bytes: 0, totalBytes: 0, rows: 0, datasetId: null, error: null });
    emit('import.progress', { importId: 'elsewhere', file: 'theirs.csv', phase: 'parsing', bytes: 5, totalBytes: 9, rows: 1, datasetId: null, error: null });
    expect(other.items[0].phase).toBe('cancelled'); // nothing after a final phase
  });

  it('a retry with another bad-row policy waits while the window has four uploads open, then runs', async () => {
    // serve's per-tab limit in front of the real lab: a fifth import.begin would be refused
    let hold = true;
    const held: (() => void)[] = [];
    const began: string[] = [];
    const limited = new ImportsStore(lab().browserTab(async (c, p, send) => {
      if (c === 'import.begin') began.push((p as { name: string }).name);
      // the four big uploads stay in flight (their chunks unanswered) until released
      if (c === 'import.chunk' && hold && began.length > 1) await new Promise<void>((r) => held.push(r));
      return send();
    }));
    await limited.upload(new NodeFile(['a,b,c\n1,2,3\n4,5\n7,8,9\n'], 'short-row.csv'));
    await until(() => limited.items[0].phase === 'failed');
    const failedKey = limited.items[0].key;
    const big = [0, 1, 2, 3].map((i) => limited.upload(new NodeFile([['x,y', ...Array.from({ length: 50 }, (_, r) => `${r},${r * (i + 7)}`)].join('\n')], `open-${i}.csv`)));
    await until(() => held.length === UPLOADS_AT_ONCE);
    const retried = limited.retry(failedKey, 'impute');
    const retry = limited.items.find((i) => i.file === 'short-row.csv')!;
    expect(retry.phase).toBe('queued');
    await new Promise((r) => setTimeout(r, 100));
    expect(retry.phase).toBe('queued'); // not sent to the lab, so not refused there
    expect(began.filter((n) => n === 'short-row.csv')).toHaveLength(1);
    hold = false;
    held.forEach((release) => release());
    await Promise.all([...big, retried]);
    await until(() => limited.items.every((i) => i.phase === 'done'));
    expect(limited.items.map((i) => i.file)).toEqual(['open-0.csv', 'open-1.csv', 'open-2.csv', 'open-3.csv', 'short-row.csv']);
    const detail = await lab().lab.dispatch('datasets.get', { id: retry.datasetId });
    expect(detail.ok && (detail.result as { rows: number }).rows).toBe(3);
  }, 60_000);
});
