// A fusion run regressing a number: its default split (stratified by the target) is cut at random by the
// trainer (regression-split.ts), so `gatelab split RUN` must state the random split, and list the rows the
// trainer used: its own split (workers/data, the code that built the run's batches) and its data line.
// A real run trained by the run manager on a temp CSV whose target is a fraction with a few rows missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPaths } from '../home';
import { datasetResolver } from './dataset-runs';
import { runSplitRows, specWords } from './run-split-rows';
import { labDatasetRun } from '../../../workers/data/run-data';
import { readDatasetCache } from '../../../workers/data/cache';
import { computeSplit } from '../../../common/data';
import { seededRandom } from '../../../engine/nn/random';
import { labWithTrainedRun, type TrainedRunLab } from '../testing/trained-run';

let trained: TrainedRunLab;
const ROWS = 300;
const missing = (i: number) => i % 50 === 13; // 6 rows without a score: the trainer leaves them out

beforeAll(async () => {
  const rng = seededRandom(5, 'split-regressed');
  const lines = Array.from({ length: ROWS }, (_, i) => {
    const a = rng.uniform(), b = rng.uniform();
    return `${a.toFixed(3)},${b.toFixed(3)},${['x', 'y', 'z'][i % 3]},${missing(i) ? '' : ((a + b) / 2 + 0.1 * rng.uniform()).toFixed(4)}`;
  });
  trained = await labWithTrainedRun({
    prefix: 'gatelab-split-regressed-', fileName: 'scores.csv', contents: ['a,b,c,score', ...lines].join('\n') + '\n',
    columns: [{ column: 'score', role: 'target' }],
    config: (datasetId) => ({ model: { template: 'concat-fusion' } as never, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 64 }),
  });
}, 120_000);

afterAll(() => trained?.close());

describe('the split of a run that regresses its target', () => {
  it('is stated as the random split the trainer cut, not the stratified default it asked for', () => {
    const { home, lab, runId } = trained;
    const rows = runSplitRows(lab.store, labPaths(home), runId);
    expect(rows.spec).toEqual({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 42 });
    expect(`${rows.origin}: ${specWords(rows.spec)}`).toBe("the fusion default, cut at random for the regressed target 'score' (stratifying needs classes): random 80/10/10, seed 42");
    // the trainer says the same in the run's data line (the run page shows it)
    expect(rows.dataLine?.line).toContain('split at random (a number to regress has no classes to stratify by)');
  });

  it("lists the trainer's own rows, its data line's counts, the rows without a score unused", () => {
    const { home, lab, runId } = trained;
    const rows = runSplitRows(lab.store, labPaths(home), runId);
    const run = lab.store.runs.get(runId)!;
    const config = run.config as { model: Record<string, unknown>; data: { split?: string; splitSeed?: number }; seed?: number };
    const trainer = labDatasetRun(datasetResolver(lab.registry)(run), config);
    expect(trainer.assigned).toBeDefined();
    expect(Array.from(rows.assignment)).toEqual(Array.from(trainer.assigned!.assignment));
    expect(rows.unchecked).toBeNull();
    expect(rows.dataLine!.samples).toEqual({ train: rows.counts.train, validation: rows.counts.validation, test: rows.counts.test });
    expect(rows.counts.unused).toBe(6);
    expect(Array.from(rows.assignment).flatMap((a, i) => (a === 3 ? [i] : []))).toEqual(Array.from({ length: ROWS }, (_, i) => i).filter(missing));
    // and the stated spec gives them: the random split of the file, less the rows without a score
    const random = computeSplit(rows.spec, readDatasetCache(trainer.binding.cacheDir)).assignment;
    expect(Array.from(rows.assignment)).toEqual(Array.from(random, (a, i) => (missing(i) ? 3 : a)));
  });
});
