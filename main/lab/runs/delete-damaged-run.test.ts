// The lab's delete (the app's `runs.delete`, the run manager's, which `gatelab delete` uses too) works on a
// run whose stored row is damaged: it reads only the run's plain columns, so the way out the lab's messages
// name is not refused by the damage it is for. Every other run stays. Real store and files in a temp home.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type LabStore } from '../store/index';
import { labPaths, type LabPaths } from '../home';
import { openRunsPort } from './runs-port';

const cleanups: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

function lab(): { paths: LabPaths; store: LabStore } {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-delete-damaged-run-'));
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  cleanups.push(() => store.close());
  return { paths, store };
}

function finishedRun(store: LabStore, paths: LabPaths): { id: number; folder: string } {
  const id = store.runs.create({ config: { template: 'demo-gated' }, seed: 1 });
  store.runs.setStatus(id, 'completed', { step: 8, epoch: 1 });
  store.metrics.append(id, [{ name: 'loss', step: 8, value: 0.5 }]);
  const folder = join(paths.checkpoints, `run-${id}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'best.ckpt'), 'weights');
  store.checkpoints.add({ runId: id, step: 8, epoch: 1, kind: 'best', path: `checkpoints/run-${id}/best.ckpt`, bytes: 7, metric: 0.5 });
  return { id, folder };
}

describe("the app's delete of a damaged run", () => {
  it('removes it with its points, checkpoints and folder; the other run and an unknown id are as before', async () => {
    const { paths, store } = lab();
    const kept = finishedRun(store, paths);
    const broken = finishedRun(store, paths);
    store.db.prepare(`UPDATE runs SET config = '{"template": ' WHERE id = ?`).run(broken.id);
    const port = openRunsPort({ store, paths, poolSize: 1 });
    cleanups.push(() => port.close());
    expect(() => port.get(String(broken.id))).toThrow(`Corrupt JSON in runs.config of run ${broken.id}`);
    await port.delete(String(broken.id));
    expect(store.runs.damagedColumn(broken.id)).toBeUndefined();
    expect(store.checkpoints.forRun(broken.id)).toEqual([]);
    expect(store.metrics.series(broken.id, 'loss').steps.length).toBe(0);
    expect(existsSync(broken.folder)).toBe(false);
    expect((await port.list()).map((r) => r.id)).toEqual([String(kept.id)]);
    expect(existsSync(join(kept.folder, 'best.ckpt'))).toBe(true);
    expect(() => port.delete(String(broken.id))).toThrow(`no run '${broken.id}'`);
  });
});
