// A run on a stored split reaches the trainer, the export and gate analytics even when the lab would refuse
// it today (a run queued by an older version): a split stratified by the target the run regresses. None of
// the three may re-cut it at random behind the user's back (each used to, on its own): all three refuse it
// with the same words, and `gatelab split RUN` says the same. A stored split they can use, and the default
// split of a regressed target, give the three exactly the same rows, those the lab states for the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from '../datasets/index';
import { datasetResolver } from './dataset-runs';
import { runPipeline, type DatasetPayload, type RunConfigView } from './run-pipeline';
import { runSplitRows } from './run-split-rows';
import { parseRunConfig } from '../../../common/runs/config';
import { computeSplit, rowsOf, TEST } from '../../../common/data';
import { labDatasetBinding, labDatasetRun } from '../../../workers/data/run-data';
import { readDatasetCache } from '../../../workers/data/cache';
import { datasetContext } from '../../../workers/analytics/dataset-context';

let home: string, lab: LabDatasets, datasetId: number;
const ROWS = 240;
const ratios = { train: 0.8, val: 0.1, test: 0.1 };

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-stored-three-agree-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  // a score with a fraction in every row (regressed under task=auto), a grade of three classes
  const lines = Array.from({ length: ROWS }, (_, i) => `${((i * 37) % 101) / 10},${['x', 'y', 'z'][i % 3]},${(1 + i * 0.0173).toFixed(4)}`);
  writeFileSync(join(home, 'scores.csv'), ['a,grade,score', ...lines].join('\n') + '\n');
  datasetId = (await lab.registry.importDataset(join(home, 'scores.csv'), { family: 'fusion', roles: { score: 'target' } })).dataset.id;
}, 60_000);
afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

/** A split stored as an older version stored it (the lab now refuses to create one stratified by a regressed number). */
function storedAsBefore(name: string, column: string): number {
  const spec = { kind: 'stratified' as const, column, ratios, seed: 42 };
  const result = computeSplit(spec, readDatasetCache(lab.registry.get(datasetId)!.cachePath));
  return lab.store.splits.save({ datasetId, name, spec, assignment: result.assignment, ranges: result.ranges, counts: result.counts });
}

/** A run record as the run manager stores one, without the manager's checks (as a run queued before them). */
function runOn(data: Record<string, unknown> = {}) {
  const id = lab.store.runs.create({ datasetId, config: parseRunConfig({ model: { template: 'concat-fusion' }, data: { kind: 'dataset', datasetId, ...data }, epochs: 1 }) });
  return lab.store.runs.get(id)!;
}

/** What each of the three cuts for a run: the trainer's rows, the export's, and the test rows gate analytics read. */
function threeCuts(run: ReturnType<typeof runOn>) {
  const payload = datasetResolver(lab.registry)(run);
  const config = run.config as RunConfigView;
  return {
    trainer: () => { const r = labDatasetRun(payload, config); return r.assigned ?? computeSplit(r.binding.split, readDatasetCache(r.binding.cacheDir)); },
    export: () => runPipeline(payload as unknown as DatasetPayload, config).split,
    // gate analytics cut the split themselves when the job hands them no rows (datasetContext's own path)
    analytics: () => datasetContext(labDatasetBinding(payload, config).binding, payload.columns as never, {}).testRows,
  };
}

const messageOf = (f: () => unknown): string => { try { f(); } catch (e) { return (e as Error).message; } return 'no refusal'; };

describe('a run on a stored split stratified by the target it regresses', () => {
  it('is refused by the trainer, the export and gate analytics alike, naming the split and the fix; gatelab split says the same', () => {
    const splitId = storedAsBefore('by-score', 'score');
    const run = runOn({ splitId });
    const cuts = threeCuts(run);
    const trainer = messageOf(cuts.trainer);
    expect(trainer).toMatch(new RegExp(`^split ${splitId}\\b.* is stratified by 'score', a number to regress with ${ROWS} distinct values: each value would be its own class, and a stored split is never re-cut behind your back\\. Make a random split`));
    expect(messageOf(cuts.export)).toBe(trainer);
    expect(messageOf(cuts.analytics)).toBe(trainer);
    expect(messageOf(() => runSplitRows(lab.store, labPaths(home), run.id))).toBe(trainer);
  });

  it('a stored split by a column of classes: the three cut exactly the stored rows', async () => {
    const split = await createSplit(lab.registry, datasetId, 'by-grade', { kind: 'stratified', column: 'grade', ratios, seed: 7 });
    const stated = lab.store.splits.get(split.id)!.assignment;
    const cuts = threeCuts(runOn({ splitId: split.id }));
    expect(Array.from(cuts.trainer().assignment)).toEqual(Array.from(stated));
    expect(Array.from(cuts.export().assignment)).toEqual(Array.from(stated));
    expect(Array.from(cuts.analytics())).toEqual(Array.from(rowsOf(stated, TEST)));
  });

  it('the default split of a regressed target: the three cut the random split the lab states', () => {
    const run = runOn();
    const stated = runSplitRows(lab.store, labPaths(home), run.id);
    expect(stated.spec).toMatchObject({ kind: 'random', ratios });
    const cuts = threeCuts(run);
    expect(Array.from(cuts.trainer().assignment)).toEqual(Array.from(stated.assignment));
    expect(Array.from(cuts.export().assignment)).toEqual(Array.from(stated.assignment));
    expect(Array.from(cuts.analytics())).toEqual(Array.from(rowsOf(stated.assignment, TEST)));
  });
});
