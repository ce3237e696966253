// A classification run the split cannot test is refused before it is queued, with the column or the part
// named and what to do: an id as the target (300 distinct values in 300 rows), classes mostly of one or two
// rows, a split with an empty part. Before, such a run trained to its last epoch and then failed with
// "invalid message from the trainer … metrics.loss: expected number, received null".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { createSplit } from '../datasets/splits';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { checkRunData, DataCheckMemo } from './data-guard';
import { checkSplitParts } from './class-split-check';
import { withDatasetDefaults } from './dataset-defaults';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import { lazyDatasetCache } from './run-pipeline';

let home: string, lab: LabDatasets, manager: RunManager;

async function dataset(name: string, lines: string[], header: string): Promise<number> {
  writeFileSync(join(home, `${name}.csv`), [header, ...lines].join('\n'));
  return (await lab.registry.importDataset(join(home, `${name}.csv`))).dataset.id;
}

const fusion = (datasetId: number, data: Record<string, unknown> = {}) =>
  ({ model: { template: 'concat-fusion' }, data: { kind: 'dataset', datasetId, ...data }, epochs: 1 }) as never;
const x = (i: number) => `${((i * 37) % 100) / 10},${((i * 11) % 50) / 5}`;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-class-split-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
});

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('classification targets a split cannot test are refused before queueing', () => {
  it('an id as the target (300 distinct of 300): names the column, its distinct count and another target', async () => {
    const id = await dataset('unique', Array.from({ length: 300 }, (_, i) => `${x(i)},ref-${String(i).padStart(4, '0')}x`), 'x1,x2,ref');
    lab.registry.setColumns(id, [{ column: 'ref', role: 'target' }]);
    expect(() => manager.create(fusion(id))).toThrow(
      `the target 'ref' has 300 distinct values in 300 rows (ref-0000x, ref-0001x, ref-0002x, ref-0003x, …): nearly one per row, which reads as an id, not classes. Choose another target column (gatelab datasets roles ${id} <column>=target)`);
    expect(lab.store.runs.list().filter((r) => r.datasetId === id)).toEqual([]);
  });

  it('an integer id read as classes (task=classification): also says how to regress it', async () => {
    const id = await dataset('int-ids', Array.from({ length: 200 }, (_, i) => `${x(i)},${1000 + i}`), 'x1,x2,code');
    lab.registry.setColumns(id, [{ column: 'code', role: 'target' }]);
    expect(() => manager.create({ model: { template: 'concat-fusion', task: 'classification' }, data: { kind: 'dataset', datasetId: id }, epochs: 1 } as never))
      .toThrow(/^the target 'code' has 200 distinct values in 200 rows .*reads as an id, not classes\. Choose another target column .*; if it is a number to predict, regress it with a fusion template \(--set task=regression\)$/);
  });

  it('classes mostly of one or two rows: says how many are too small and the ways out', async () => {
    // 104 classes: 100 of 2 rows (200 of the 300 rows), 4 of 25 rows — a long tail of a few rare classes only warns
    const kindOf = (i: number) => (i < 200 ? `k${Math.floor(i / 2)}` : `big${Math.floor((i - 200) / 25)}`);
    const id = await dataset('tiny-classes', Array.from({ length: 300 }, (_, i) => `${x(i)},${kindOf(i)}`), 'x1,x2,kind');
    lab.registry.setColumns(id, [{ column: 'kind', role: 'target' }]);
    expect(() => manager.create(fusion(id))).toThrow(
      /^the target 'kind' has 104 classes in 300 rows \(big0, big1, big2, big3, …\), 100 of them with fewer than 3 rows, holding 200 of the rows: a class needs a row in train, validation and test .*Choose another target column .*or group its values into fewer, larger classes/);
  });

  it('a stored split with an empty part: names the part, the sizes and the fix; no run is left', async () => {
    const id = await dataset('no-test', Array.from({ length: 200 }, (_, i) => `${x(i)},${i % 3 === 0 ? 'yes' : 'no'}`), 'x1,x2,y');
    lab.registry.setColumns(id, [{ column: 'y', role: 'target' }]);
    const split = await createSplit(lab.registry, id, 'no-test', { kind: 'random', ratios: { train: 0.9, val: 0.1, test: 0 }, seed: 1 });
    expect(() => manager.create(fusion(id, { splitId: split.id }))).toThrow(
      `the split ${split.id} 'no-test' leaves the test part empty: 180 train / 20 validation / 0 test rows. A run needs rows in train, validation and test; make a split that gives every part rows (gatelab datasets split ${id} --kind random --ratios 0.8,0.1,0.1) and run with --set data.splitId=<its id>, or run without data.splitId`);
    expect(lab.store.runs.list().filter((r) => r.datasetId === id)).toEqual([]);
    // the default split of the same data is fine
    expect(() => checkRunData(withDatasetDefaults(parseNewRunConfig(fusion(id)), lab.store), lab.store, (s) => join(home, s))).not.toThrow();
  });

  it("stratified by the old per-class rule, 100 classes of 5 rows leave test empty: refused with the sizes (the rule of runs from before)", async () => {
    const id = await dataset('five-each', Array.from({ length: 500 }, (_, i) => `${x(i)},kind${Math.floor(i / 5)}`), 'x1,x2,kind');
    const source = lazyDatasetCache(lab.registry.get(id)!.cachePath);
    const columns = { family: 'fusion' as const, modalities: [{ name: 'tabular', columns: ['x1', 'x2'] }], label: 'kind' };
    const spec = { kind: 'stratified' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'kind', seed: 42 };
    expect(() => checkSplitParts(source, columns as never, spec, () => 'categorical')).toThrow(
      "the split stratified by 'kind' leaves the test part empty: 400 train / 100 validation / 0 test rows. A run needs rows in train, validation and test; train with --set split=random (seeded 80/10/10), or choose a target whose classes have more rows");
    // the rule new splits and runs are made with gives every part its share
    expect(checkSplitParts(source, columns as never, { ...spec, allocation: 'part-totals' }, () => 'categorical')).toEqual({ train: 400, val: 50, test: 50 });
  });

  it("a target of lists ('a|b|c') trains one class per combination: the pre-queue warnings say so", async () => {
    const tags = ['a', 'b', 'a|b', 'a|b|c', 'b|c', 'none'];
    const id = await dataset('tags', Array.from({ length: 300 }, (_, i) => `${x(i)},${tags[i % tags.length]}`), 'x1,x2,tags');
    lab.registry.setColumns(id, [{ column: 'tags', role: 'target' }]);
    const memo = new DataCheckMemo();
    checkRunData(withDatasetDefaults(parseNewRunConfig(fusion(id)), lab.store), lab.store, (s) => join(home, s), memo);
    expect([...memo.warnings]).toEqual(["Note: values such as 'a|b' are lists: each combination is read as one class of its own; multi-label training (one output per label) is not offered."]);
  });
});
