// A run on a stored split stratified by a target that is a number to regress (one made before such splits
// were refused) is refused before it is queued, naming the split and the fix, exit 2 — the trainer used to
// re-cut it at random behind the user's back (audit O1: 1,193/147/150 rows on a split that stored 1,498/1/1).
// A random stored split and the template's default split (random for such a target) still pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { checkRunData } from './data-guard';
import { withDatasetDefaults } from './dataset-defaults';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import { exitCodeOfError, EXIT_REFUSED } from './exit-codes';

let home: string, lab: LabDatasets, manager: RunManager, datasetId: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-stored-regressed-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  const lines = ['size,stars,price'];
  for (let r = 0; r < 1500; r++) lines.push(`${(r * 7) % 113},${1 + (r % 5)},${(10 + r * 0.25).toFixed(2)}`);
  writeFileSync(join(home, 'houses.csv'), lines.join('\n') + '\n');
  datasetId = (await lab.registry.importDataset(join(home, 'houses.csv'), { family: 'fusion', roles: { price: 'target' } })).dataset.id;
});
afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

const run = (splitId?: number) =>
  ({ model: { template: 'concat-fusion' }, data: { kind: 'dataset', datasetId, ...(splitId !== undefined ? { splitId } : {}) }, epochs: 1 }) as never;
const check = (splitId?: number) => () => checkRunData(withDatasetDefaults(parseNewRunConfig(run(splitId)), lab.store), lab.store, (s) => join(home, s));

describe('a run on a stored split stratified by a regressed target', () => {
  it('is refused before queueing: names the split and the fix, exit 2, no run left', async () => {
    // as createSplit stored it before it refused a number (each price its own class: 1,500 / 0 / 0)
    const spec = { kind: 'stratified', column: 'price', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 42 };
    const splitId = lab.store.splits.save({ datasetId, name: 'by-price', spec, assignment: new Uint8Array(1500), ranges: null, counts: { train: 1500, val: 0, test: 0 } });
    const said = `split ${splitId} 'by-price' is stratified by 'price', a number to regress with 1,500 distinct values: each value would be its own class, ` +
      'and a stored split is never re-cut behind your back. Make a random split (gatelab datasets split DATASET --kind random --seed 42) and run with --set data.splitId=<its id>, ' +
      'or run without data.splitId (the default split of a number to regress is random)';
    let refusal: unknown;
    try { manager.create(run(splitId)); } catch (e) { refusal = e; }
    expect((refusal as Error).message).toBe(said);
    expect(exitCodeOfError(refusal)).toBe(EXIT_REFUSED);
    expect(() => manager.createExperiment({ config: run(splitId), seeds: 2 })).toThrow(said);
    expect(lab.store.runs.list()).toEqual([]);
    // the split itself is kept as stored (nothing re-cut, nothing deleted)
    expect(lab.store.splits.get(splitId)!.counts).toEqual({ train: 1500, val: 0, test: 0 });
  });

  it('a random stored split and the default split pass the check', async () => {
    const random = await createSplit(lab.registry, datasetId, 'random', { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 42 });
    expect(check(random.id)).not.toThrow();
    expect(check()).not.toThrow();
  });
});
