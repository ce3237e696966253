// The desktop window's uploads (files dropped without a path on disk) against a real lab: at most 4 at
// once per page, like a browser tab; a reload, a renderer crash or a closed window cancels the page's
// unfinished uploads (their partial files go), while a finished upload's import carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../lab/lab';
import type { Reply } from '../../common/lab-api/dispatch';
import { UPLOADS_PER_CLIENT } from '../serve/client-uploads';
import { WindowUploads, type PageEvents } from './window-uploads';

let dir: string;
let lab: Lab;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-window-uploads-'));
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

const uploadsDir = () => join(lab.paths.home, 'uploads');
const openFolders = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()).length : 0);
const page = () => new EventEmitter() as EventEmitter & PageEvents;
const result = <T>(r: Reply): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
};
const settle = async (want: number) => {
  for (const t0 = Date.now(); openFolders() !== want && Date.now() - t0 < 5000;) await new Promise((r) => setTimeout(r, 20));
  return openFolders();
};

async function begin(uploads: WindowUploads, contents: PageEvents, name: string): Promise<Reply> {
  return uploads.of(contents).dispatch('import.begin', { name, size: 4 });
}

describe('desktop window uploads', () => {
  it(`allows ${UPLOADS_PER_CLIENT} at once per page; a reload cancels the old page's and starts a new allowance`, async () => {
    const uploads = new WindowUploads(lab);
    const contents = page();
    const before = openFolders();
    const ids: string[] = [];
    for (let i = 0; i < UPLOADS_PER_CLIENT; i++) ids.push(result<{ uploadId: string }>(await begin(uploads, contents, `part${i}.csv`)).uploadId);
    const refused = await begin(uploads, contents, 'fifth.csv');
    expect(refused).toEqual({ ok: false, error: { code: 'too-large', message: 'at most 4 uploads at once per window: wait for one to finish (or cancel one), then drop the file again' } });
    // cancelling one frees a place
    result(await uploads.of(contents).dispatch('import.cancel', { importId: ids[0] }));
    ids[0] = result<{ uploadId: string }>(await begin(uploads, contents, 'again.csv')).uploadId;
    expect(openFolders()).toBe(before + UPLOADS_PER_CLIENT);

    contents.emit('did-navigate'); // View › Reload
    expect(await settle(before)).toBe(before);
    const gone = await uploads.of(contents).dispatch('import.chunk', { uploadId: ids[1], offset: 0, data: 'eA==' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // the new page has its own allowance
    for (let i = 0; i < UPLOADS_PER_CLIENT; i++) result(await begin(uploads, contents, `new${i}.csv`));
    contents.emit('render-process-gone');
    expect(await settle(before)).toBe(before);
  });

  it('a finished upload is the importer\'s: closing the window does not cancel its import', async () => {
    const uploads = new WindowUploads(lab);
    const contents = page();
    const { uploadId } = result<{ uploadId: string }>(await uploads.of(contents).dispatch('import.begin', { name: 'small.csv', size: 12 }));
    result(await uploads.of(contents).dispatch('import.chunk', { uploadId, offset: 0, data: Buffer.from('x,y\n1,2\n3,4\n').toString('base64') }));
    const { importId } = result<{ importId: string }>(await uploads.of(contents).dispatch('import.finish', { uploadId }));
    const done = new Promise<{ phase: string; datasetId?: string | null }>((resolve) => {
      const off = lab.onEvent((event, data) => {
        const p = data as { importId: string; phase: string; datasetId?: string | null };
        if (event === 'import.progress' && p.importId === importId && ['done', 'failed', 'cancelled'].includes(p.phase)) { off(); resolve(p); }
      });
    });
    contents.emit('destroyed');
    expect((await done).phase).toBe('done');
  });
});
