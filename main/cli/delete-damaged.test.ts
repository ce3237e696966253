// `gatelab delete N` on a run whose stored row is damaged (a JSON column that does not parse): the way out
// the lab's messages name must work. The row goes with its metrics and checkpoint rows, its folder goes, it
// says what it removed; every other run, with its folder and points, stays as it was. Real temp lab homes,
// in-process (testing/gatelab.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labPaths, type LabPaths } from '../lab/home';
import { openLabStore, type LabStore } from '../lab/store/index';

const homes: string[] = [];
afterEach(() => { for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true }); });

/** A finished run with a metric point, a checkpoint row and its file in its folder. */
function finishedRun(store: LabStore, paths: LabPaths, status: 'cancelled' | 'running' = 'cancelled'): { id: number; folder: string } {
  const id = store.runs.create({ config: { template: 'demo-gated' }, seed: 1 });
  store.runs.setStatus(id, status, { step: 8, epoch: 1 });
  store.metrics.append(id, [{ name: 'loss', step: 8, value: 0.5 }]);
  const folder = join(paths.checkpoints, `run-${id}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'best.ckpt'), 'weights');
  store.checkpoints.add({ runId: id, step: 8, epoch: 1, kind: 'best', path: `checkpoints/run-${id}/best.ckpt`, bytes: 7, metric: 0.5 });
  return { id, folder };
}

function lab(): { home: string; paths: LabPaths; store: LabStore } {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-delete-damaged-'));
  homes.push(home);
  const paths = labPaths(home);
  mkdirSync(paths.checkpoints, { recursive: true });
  return { home, paths, store: openLabStore(paths.database) };
}

const damage = (store: LabStore, id: number) => store.db.prepare(`UPDATE runs SET config = '{"template": ' WHERE id = ?`).run(id);

describe('gatelab delete on a damaged run', () => {
  it('removes its row, metrics, checkpoints and folder, says so, and keeps every other run', async () => {
    const { home, paths, store } = lab();
    const kept = finishedRun(store, paths);
    const broken = finishedRun(store, paths);
    damage(store, broken.id);
    store.close();

    // opening it names the way out
    const shown = await gatelab(['show', String(broken.id), '--home', home]);
    expect(shown.code).toBe(1);
    expect(shown.err).toContain(`or delete it if you no longer need it (gatelab delete ${broken.id})`);

    const r = await gatelab(['delete', String(broken.id), '--home', home]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`run ${broken.id} deleted (its stored config was damaged, so its settings could not be read): removed its database row with its metrics, gate statistics and analytics, `
      + `1 checkpoint and its folder ${broken.folder}; exported files stay where they were written`);

    const after = openLabStore(paths.database);
    try {
      expect(after.runs.damagedColumn(broken.id)).toBeUndefined();
      expect(after.runs.listChecked().damaged).toEqual([]);
      expect(after.metrics.series(broken.id, 'loss').steps.length).toBe(0);
      expect(after.checkpoints.forRun(broken.id)).toEqual([]);
      expect(existsSync(broken.folder)).toBe(false);
      // the other run is untouched
      expect(after.runs.get(kept.id)?.status).toBe('cancelled');
      expect(Array.from(after.metrics.series(kept.id, 'loss').values)).toEqual([0.5]);
      expect(after.checkpoints.forRun(kept.id)).toHaveLength(1);
      expect(existsSync(join(kept.folder, 'best.ckpt'))).toBe(true);
    } finally {
      after.close();
    }
    // gone now: the usual refusal
    expect(await gatelab(['delete', String(broken.id), '--home', home])).toMatchObject({ code: 2, err: `gatelab delete: no run ${broken.id} in ${home} (gatelab runs lists them)\n` });
  });

  it('--json says which column was damaged and what went', async () => {
    const { home, paths, store } = lab();
    const broken = finishedRun(store, paths);
    store.db.prepare(`UPDATE runs SET stop_reason = 'early' WHERE id = ?`).run(broken.id);
    store.close();
    const r = await gatelab(['delete', String(broken.id), '--home', home, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ run: broken.id, deleted: true, damaged: 'stop_reason', removed: { checkpoints: 1, folder: broken.folder } });
  });

  it('refuses a damaged run still marked running in a live trainer, and deletes nothing', async () => {
    const { home, paths, store } = lab();
    const broken = finishedRun(store, paths, 'running');
    damage(store, broken.id);
    // a live owner: this test process (run-files.ts reads owner.json's pid)
    writeFileSync(join(broken.folder, 'owner.json'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
    store.close();
    const r = await gatelab(['delete', String(broken.id), '--home', home]);
    expect(r).toMatchObject({ code: 2, err: `gatelab delete: run ${broken.id} is running in a live trainer: cancel it first (gatelab cancel ${broken.id}), then delete it\n` });
    const after = openLabStore(paths.database);
    try {
      expect(after.runs.damagedColumn(broken.id)).toBe('config');
      expect(after.checkpoints.forRun(broken.id)).toHaveLength(1);
      expect(existsSync(join(broken.folder, 'best.ckpt'))).toBe(true);
    } finally {
      after.close();
    }
  });
});
