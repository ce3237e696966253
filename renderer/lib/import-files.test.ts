// @vitest-environment node
// Dropping more files than the lab takes uploads of at once: against a real lab behind serve's per-tab
// upload limit (ClientUploads, which refuses a fifth), six dropped files are all imported with never more
// than four uploads open; the two beyond four are listed as waiting meanwhile, and a file that fails
// part-way through its upload neither stalls the queue nor keeps its place in the lab.
import { beforeAll, describe, expect, it } from 'vitest';
import { UPLOADS_PER_CLIENT } from '../../main/serve/client-uploads';
import { createStores, type Stores } from '../stores';
import { importLab, until as untilHolds } from '../fixtures/import-lab';
import { importFiles, UPLOADS_AT_ONCE } from './import-files';

const lab = importLab('gatelab-import-files-');
/** Uploads begun and not yet finished or cancelled, as the lab sees them, and the most at any moment. */
let open = 0;
let most = 0;
let stores: Stores;

beforeAll(() => {
  stores = createStores(lab().browserTab(async (channel, _payload, send) => {
    const reply = await send();
    if (channel === 'import.begin' && reply.ok) most = Math.max(most, ++open);
    if ((channel === 'import.finish' || channel === 'import.cancel') && reply.ok) open--;
    return reply;
  }));
});

/** Waits for `check`; a timeout lists every import with its phase and error. */
const until = (check: () => boolean) => untilHolds(check, () => `imports: ${JSON.stringify(stores.imports.items.map((i) => [i.file, i.phase, i.error]))}`);

/** A small CSV of its own content (the lab keeps one dataset per content). */
const csv = (i: number) => new File([['x,y', ...Array.from({ length: 200 }, (_, r) => `${r},${(r * (i + 2)) % 37}`)].join('\n')], `part-${i}.csv`);

/** A dropped file the browser can no longer read (deleted or changed on disk since the drop). */
class VanishedFile extends File {
  override slice(): Blob {
    return { arrayBuffer: () => Promise.reject(new Error('NotReadableError: the requested file could not be read')) } as unknown as Blob;
  }
}

describe('importFiles: uploads beyond the lab\'s limit wait for a place', () => {
  it('agrees with the lab on how many uploads a window may have open', () => {
    expect(UPLOADS_AT_ONCE).toBe(UPLOADS_PER_CLIENT);
  });

  it('imports six dropped files with at most four uploads open, listing the rest as waiting; a failed upload frees its place', async () => {
    const vanished = new VanishedFile(['a,b\n1,2\n'], 'vanished.csv');
    const files = [csv(0), vanished, csv(2), csv(3), csv(4), csv(5)];
    importFiles(stores, files);
    const items = () => stores.imports.items;
    expect(items().map((i) => [i.file, i.phase])).toEqual([
      ['part-0.csv', 'uploading'], ['vanished.csv', 'uploading'], ['part-2.csv', 'uploading'], ['part-3.csv', 'uploading'],
      ['part-4.csv', 'queued'], ['part-5.csv', 'queued'],
    ]);
    await until(() => items().every((i) => i.phase === 'done' || i.phase === 'failed'));
    // every file once, in the order it was dropped
    expect(items().map((i) => i.file)).toEqual(files.map((f) => f.name));
    expect(items().filter((i) => i.phase === 'done').map((i) => i.file)).toEqual(['part-0.csv', 'part-2.csv', 'part-3.csv', 'part-4.csv', 'part-5.csv']);
    expect(new Set(items().filter((i) => i.phase === 'done').map((i) => i.datasetId)).size).toBe(5);
    const failed = items().find((i) => i.file === 'vanished.csv')!;
    expect(failed.phase).toBe('failed');
    expect(failed.error).toMatch(/could not be read/);
    expect(most).toBe(UPLOADS_AT_ONCE);
    // the failed upload was cancelled in the lab: none is left open to hold one of the tab's places
    await until(() => open === 0);
    const again = [6, 7, 8, 9].map(csv);
    importFiles(stores, again);
    expect(items().slice(-4).map((i) => i.phase)).toEqual(['uploading', 'uploading', 'uploading', 'uploading']);
    await until(() => items().slice(-4).every((i) => i.phase === 'done'));
  });

  it('a waiting file cancelled before its turn is never uploaded', async () => {
    const from = stores.imports.items.length;
    importFiles(stores, [10, 11, 12, 13, 14].map(csv));
    const waiting = stores.imports.items.at(-1)!;
    expect(waiting.phase).toBe('queued');
    await stores.imports.cancel(waiting.key);
    await until(() => stores.imports.items.slice(from, from + 4).every((i) => i.phase === 'done'));
    await new Promise((r) => setTimeout(r, 200));
    expect(stores.imports.items.slice(from).map((i) => [i.file, i.phase])).toEqual([
      ['part-10.csv', 'done'], ['part-11.csv', 'done'], ['part-12.csv', 'done'], ['part-13.csv', 'done'], ['part-14.csv', 'cancelled'],
    ]);
    expect(open).toBe(0);
  });
});
