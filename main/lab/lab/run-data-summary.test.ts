// runs.get carries what a run's trainer said about its data, as its store keeps it: one schema declares the
// trainer's 'ready' facts, the stored summary and the app's copy (common/runs/data-summary.ts). The app's
// copy once lacked the rows per class, and the result check silently dropped them. Over the real dispatch
// (the result is validated and stripped of unknown fields there), on a real temp lab home; and the oldest
// stored shape (migration 0005: line, log-scaled columns, a baseline without its class as written) still reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../lab';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { DEMO_VERSION } from '../datasets/demo-install';
import { dataSummaryOf } from '../runs/trainer-link';
import { FromTrainer } from '../../../common/trainer-protocol';
import { RunDataFacts } from '../../../common/runs/data-summary';

const line = "fusion: 8,000 train / 1,000 validation / 1,000 test rows; label: 'clicked' = 1 is positive (0 negative)";
/** Every fact a trainer can send, as a classification fusion run on a dataset sends them. */
const facts = {
  logScaled: ['price'],
  baseline: { accuracy: 0.61, majority: "'0'", majorityClass: '0', positiveRate: 0.39 },
  regressionBaseline: { mean: 102.8, mse: 23.61, mae: 3.95, rmse: 4.86, r2: -0.002 },
  inputs: { fields: ['city, country', 'price'] },
  label: { column: 'clicked', classes: ['0', '1'], negative: '0', positive: '1' },
  classCounts: { train: [4880, 3120], validation: [610, 390], test: [610, 390] },
  pivoted: false,
  splitSizes: { train: 8000, validation: 1000, test: 1000 },
  modalities: [{ name: 'tabular', columns: [{ name: 'price', kind: 'number' as const, width: 1 }] }],
};
// the oldest summary a lab stored (migration 0005), written as that lab wrote the column
const OLDEST = '{"line":"recsys: 16,000 train / 2,000 validation / 2,000 test rows","logScaled":[],"baseline":{"accuracy":0.9,"majority":"\'0\'","positiveRate":0.1}}';

let home: string;
let lab: Lab;
let sent: number;
let oldest: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-run-data-summary-'));
  const store = openLabStore(labPaths(home).database);
  try {
    store.settings.set('demo.installedVersion', DEMO_VERSION); // no demo datasets: only the runs below
    // the ready message as the lab receives it (validated by the protocol), stored as the trainer link stores it
    const ready = FromTrainer.parse({ type: 'ready', model: 'gmu', modelConfig: {}, data: line, parameters: 10, provider: 'cpu', stepsPerEpoch: 1, totalSteps: 1, step: 0, ...facts });
    if (ready.type !== 'ready') throw new Error('not a ready message');
    sent = store.runs.create({ config: { model: { template: 'gmu' } }, seed: 1 });
    // finished, as the runs these details are read for: a queued one would be claimed and started
    store.runs.setStatus(sent, 'completed', { dataSummary: dataSummaryOf(ready, null) });
    oldest = store.runs.create({ config: { model: { template: 'dcn' } }, seed: 1 });
    store.runs.setStatus(oldest, 'completed');
    store.db.prepare('UPDATE runs SET data_summary = ? WHERE id = ?').run(OLDEST, oldest);
  } finally {
    store.close();
  }
  lab = await Lab.open({ home, face: 'test' });
});
afterAll(async () => {
  await lab.close();
  rmSync(home, { recursive: true, force: true });
});

const dataOf = async (id: number) => {
  const reply = await lab.dispatch('runs.get', { id: String(id) });
  if (!reply.ok) throw new Error(`runs.get ${id}: ${reply.error.message}`);
  return (reply.result as { data?: unknown }).data;
};

describe('runs.get: the run data summary', () => {
  it("reaches the app with every fact its trainer sent, the rows per class included", async () => {
    const data = await dataOf(sent);
    expect(data).toEqual({ line, ...facts });
    // a fact declared later is in `facts` above too, or this names it: the app gets every one the trainer sends
    expect(Object.keys(data as object).sort()).toEqual(['line', ...Object.keys(RunDataFacts.shape)].sort());
  });

  it('reads a summary stored before the newer facts were kept, as it was stored', async () => {
    expect(await dataOf(oldest)).toEqual(JSON.parse(OLDEST));
  });
});
