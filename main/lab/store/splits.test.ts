// The splits table's delete against a real SQLite file: a split no run names goes with its pipelines; a
// split a run names by id (config data.splitId or the split_id column) is refused, naming the runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openLabStore, type LabStore } from './index';
import { SplitInUseError } from './splits';

let dir: string;
let store: LabStore;
let ds: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-splits-'));
  store = openLabStore(join(dir, 'lab.sqlite'));
  ds = store.datasets.insert({
    name: 'prices', sourceHash: 'h1', sourceName: 'prices.csv', sourcePath: 'datasets/h1/source.csv', sourceBytes: 100,
    cacheDir: 'datasets/h1/cache', format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true, rows: 4,
    importOptions: { format: 'csv' }, validation: { issues: [] }, family: null, description: null, isDemo: false,
  }, [{ name: 'price', inferredType: 'float', stats: {} }]);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const save = (name: string) => store.splits.save({ datasetId: ds, name, spec: { kind: 'random', seed: 1 }, assignment: Uint8Array.from([0, 0, 1, 2]), ranges: null, counts: { train: 2, val: 1, test: 1 } });

describe('SplitTable.delete', () => {
  it('deletes a split no run names, with its pipelines; a second delete finds nothing', () => {
    const keep = save('keep');
    const gone = save('gone');
    store.splits.savePipeline({ splitId: gone, name: 'scale', spec: {}, fittedState: { mean: 1 } });
    expect(store.splits.delete(gone)).toBe(true);
    expect(store.splits.get(gone)).toBeUndefined();
    expect(store.splits.pipelines(gone)).toEqual([]);
    expect(store.splits.list(ds).map((s) => s.id)).toEqual([keep]);
    expect(store.splits.delete(gone)).toBe(false);
  });

  it('refuses a split that runs name by id (config data.splitId, number or text), naming them; nothing is deleted', () => {
    const used = save('used');
    const other = save('other');
    const a = store.runs.create({ config: { model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: ds, splitId: used } } });
    const b = store.runs.create({ config: { data: { splitId: String(used) } } });
    store.runs.create({ config: { data: { splitId: other + 100 } } });
    expect(store.splits.runsNaming(used)).toEqual([a, b]);
    let thrown: unknown;
    try { store.splits.delete(used); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(SplitInUseError);
    expect((thrown as Error).message).toBe(`split 'used' (id ${used}) is used by 2 runs: ${a}, ${b}; deleting it would cut them off from its rows (resume, Try it, analytics and export read them). Delete those runs first, or keep the split`);
    expect(store.splits.get(used)?.name).toBe('used');
    expect(store.splits.delete(other)).toBe(true);
  });

  it('refuses a split named only by a run’s split_id column, and says "that run"', () => {
    const used = save('col');
    const run = store.runs.create({ config: {}, splitId: used });
    expect(() => store.splits.delete(used)).toThrow(`split 'col' (id ${used}) is used by run ${run}; deleting it would cut that run off`);
  });
});
