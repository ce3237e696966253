// Every template on every demo dataset, with the defaults a user gets (`gatelab train --dataset D --template T`,
// a sweep, the app): the run manager either refuses the pair before queueing (nothing stored), or the run it
// queues gets past what its trainer does at step 0: read the data and fill the model's data-shaped fields
// (workers/run/data-for.ts), check that the model fits, build and compile its graph, and find every tensor
// the graph takes in a batch of its data (what "the batch has no 'rating' tensor" was). No run is trained:
// the trainer is an idle stand-in, the graph is built here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { labPaths } from '../home';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import type { TrainerExit, TrainerLauncher } from './trainer-process';
import { TEMPLATES } from '../../../common/models/index';
import { parseRunConfig } from '../../../common/runs/config';
import { dataFor } from '../../../workers/run/data-for';
import { assertModelFits, modelFor, optimizerFor } from '../../../workers/run/model-for';
import { rangeBatch } from '../../../workers/run/run-data';
import { compileTraining } from '../../../engine/train/compile';
import { isRefusal } from './refusal';
import { NEEDS_RATING } from '../../../common/models/template-needs';
import { checkRunSize } from './size-guard';

const EIGHT_GIB = 8 * 2 ** 30;

/** A trainer that starts and waits: the runs stay as queued/running records, nothing trains. */
const idle: TrainerLauncher = () => {
  const exits: Array<(e: TrainerExit) => void> = [];
  return { pid: undefined, send: () => {}, onMessage: () => {}, onExit: (l) => { exits.push(l); }, kill: () => { for (const l of exits) l({ code: null, signal: 'SIGKILL', stderrTail: '' }); } };
};

let home: string;
let lab: LabDatasets;
let manager: RunManager;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-pairs-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths); // installs the three demo datasets
  manager = new RunManager({ store: lab.store, paths, poolSize: 64, launcher: idle, resolveDataset: datasetResolver(lab.registry) });
}, 120_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

/** What the trainer does before its first step (train-run.ts up to the session), without training. */
async function stepZero(runId: number): Promise<void> {
  const run = lab.store.runs.get(runId)!;
  const spec = { runId, config: parseRunConfig(run.config), checkpointDir: join(home, 'ckpt'), dataset: datasetResolver(lab.registry)(run) };
  // no false refusal of the memory check on a modest machine: the lab's (before queueing) and the trainer's
  // (with every data-shaped field) both accept the defaults at 8 GiB, parameters and activations of a batch
  checkRunSize(spec.config, EIGHT_GIB);
  const { data, config } = await dataFor(spec);
  assertModelFits(config, EIGHT_GIB);
  const compiled = compileTraining(modelFor(config), { dtype: config.dtype, optimizer: optimizerFor(config), batchSize: 2, seed: config.seed });
  const batch = rangeBatch(data.train, 0, Math.min(2, data.train.rows));
  const missing = compiled.batchNames.filter((n) => !(n in batch));
  if (missing.length) throw new Error(`the batch has no ${missing.map((n) => `'${n}'`).join(', ')} tensor (model needs ${compiled.batchNames.join(', ')})`);
}

describe('every template on every demo dataset, with the defaults', () => {
  it('is refused before queueing (no run stored) or gets past step 0', async () => {
    const datasets = lab.registry.list().filter((d) => d.isDemo);
    expect(datasets).toHaveLength(3);
    const outcomes: string[] = [];
    const failures: string[] = [];
    for (const d of datasets) {
      for (const t of TEMPLATES) {
        const before = lab.store.runs.list({}).length;
        let id: number;
        try {
          id = manager.create({ model: { template: t.id }, data: { kind: 'dataset', datasetId: d.id }, epochs: 1 });
        } catch (e) {
          // refused: typed as a refusal (exit 2), and nothing was stored
          if (!isRefusal(e)) failures.push(`${t.id} on ${d.name}: create threw a non-refusal: ${(e as Error).message}`);
          if (lab.store.runs.list({}).length !== before) failures.push(`${t.id} on ${d.name}: refused but a run was stored`);
          // a pair refused for memory is a false refusal: every default fits a modest machine
          if (/does not fit in memory|parameters: training needs/.test((e as Error).message)) failures.push(`${t.id} on ${d.name}: refused for memory: ${(e as Error).message}`);
          outcomes.push(`${t.id} × ${d.family}: refused`);
          continue;
        }
        try {
          await stepZero(id);
          outcomes.push(`${t.id} × ${d.family}: trains`);
        } catch (e) {
          failures.push(`${t.id} on ${d.name}: queued, then fails at step 0: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // each family's templates train on their own demo (the check above is not passing by refusing everything),
    // but MMoE: no demo has a rating behind its clicks, and that refusal is the app's (template-needs.ts)
    expect(outcomes).toContain('mmoe × recsys: refused');
    for (const t of TEMPLATES.filter((x) => !NEEDS_RATING.has(x.id))) expect(outcomes.filter((o) => o.startsWith(`${t.id} × `) && o.endsWith('trains')).length, t.id).toBeGreaterThan(0);
  }, 300_000);
});
