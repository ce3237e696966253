// The gate report's per-sample fusion table names classes as the file writes them: a text target's label
// 'three' predicted 'two' is stored as such (beside the positions the table sorts by), in the report a
// user opens as gate-report.json, so neither the JSON nor the HTML leaves the reader to guess the mapping.
import { describe, expect, it } from 'vitest';
import { GateReport } from '../../common/analytics';
import { buildModel } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import { seededRandom } from '../../engine/nn/random';
import type { RunData, Rows } from '../run/run-data';
import { baseline, type TrainedModel } from './knockout';
import { gateReport } from './gate-report';

function model(config: Record<string, unknown>): TrainedModel {
  const def = buildModel(config);
  const { layout, initialParams } = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
  return { runId: 1, def, dtype: 'float32', layout, params: initialParams(5) };
}
const normal = (n: number, seed: number) => { const r = seededRandom(seed, 'fusion-samples'); return Float32Array.from({ length: n }, () => r.normal()); };

async function reportOf(classes: number, names: string[], label: Rows['columns'][string]['data'], task: RunData['task']) {
  const config = { template: 'gmu', modalities: [{ name: 'text', dim: 4 }, { name: 'tabular', dim: 3 }], classes, hidden: [8], dropout: 0 };
  const m = model(config);
  const n = label.length;
  const test: Rows = { rows: n, columns: {
    m_text: { data: normal(n * 4, 1), shape: [4] }, m_tabular: { data: normal(n * 3, 2), shape: [3] },
    label: { data: label, shape: classes === 1 ? [1] : [] },
  } };
  const data: RunData = { task, prediction: 'logits', target: 'label', ...(classes > 1 ? { classes } : {}), classNames: names, train: test, validation: test, test, describe: 'reviews' };
  const { result, gates } = await baseline(m, data);
  const report = GateReport.parse(JSON.parse(JSON.stringify(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates }))));
  return { report, logits: result.outputs.logits };
}

describe('fusion samples name their classes', () => {
  it('a text target with five classes: label and prediction are the class values', async () => {
    const names = ['five', 'four', 'one', 'three', 'two']; // sorted values: positions say nothing of the stars
    const n = 40;
    const { report, logits } = await reportOf(5, names, BigInt64Array.from({ length: n }, (_, i) => BigInt(i % 5)), 'multiclass');
    const samples = report.fusion[0].samples;
    expect(samples).toHaveLength(n);
    for (const s of samples) {
      expect(s.labelName).toBe(names[s.label!]);
      const row = Array.from(logits.data.subarray(s.index * 5, s.index * 5 + 5));
      const argmax = row.indexOf(Math.max(...row));
      expect(s.prediction).toBe(argmax);
      expect(s.predictionName).toBe(names[argmax]);
      expect(s.correct).toBe(s.labelName === s.predictionName);
    }
    expect(samples[3].labelName).toBe('three');
  });

  it('a binary target: the label\'s value and the class the probability picks', async () => {
    const n = 30;
    const { report } = await reportOf(1, ['ham', 'spam'], Float32Array.from({ length: n }, (_, i) => i % 2), 'binary');
    for (const s of report.fusion[0].samples) {
      expect(s.labelName).toBe(s.label === 1 ? 'spam' : 'ham');
      expect(s.predictionName).toBe(s.prediction! > 0.5 ? 'spam' : 'ham');
    }
  });
});
