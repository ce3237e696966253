// Compare serves the stored gate statistics of the runs it compares, by step, exactly as stored: mean
// openness of two seeds, a router's load vector per expert, and "none" for a run that recorded none.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { storedGates } from './gate-stats';
import { CALL_MEANS } from '../../../common/analytics/gate-words';
import { compareGateSeries, compareRuns } from './compare-gates';
import { Comparison } from '../../../common/lab-api';

describe('runs.compare with gate statistics', () => {
  it('returns each run’s stored gate series (values exact), vectors per component, decimated like metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-compare-gates-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const [a, b, none] = [store.runs.create({ config: {} }), store.runs.create({ config: {} }), store.runs.create({ config: {} })];
      // float32-exact values, so what comes back must equal what was stored
      store.metrics.appendGateStats(a, [16, 32, 48].map((step, i) => ({ step, gate: 'ff.gate', stat: 'openness', value: [0.5, 0.625, 0.75][i], vector: null })));
      store.metrics.appendGateStats(b, [16, 32].map((step, i) => ({ step, gate: 'ff.gate', stat: 'openness', value: [0.25, 0.375][i], vector: null })));
      store.metrics.appendGateStats(b, [{ step: 16, gate: 'router', stat: 'load', value: null, vector: [0.25, 0.75] }, { step: 32, gate: 'router', stat: 'load', value: null, vector: [0.5, 0.5] }]);
      store.metrics.appendGateStats(b, [{ step: 40, gate: 'val.router', stat: 'entropy', value: 0.5, vector: null }]);
      const ids = [a, b, none].map(String);
      const compare = (x: string[]) => ({ runs: [], series: x.map((id) => ({ id, series: [] })) });
      const c = Comparison.parse(await compareRuns(compare, (id) => storedGates(store, id), ids));
      const byRun = Object.fromEntries(c.gates!.map((g) => [g.id, Object.fromEntries(g.series.map((s) => [s.name, [s.steps, s.values]]))]));
      expect(byRun[String(a)]).toEqual({ 'ff.gate/openness': [[16, 32, 48], [0.5, 0.625, 0.75]] });
      expect(byRun[String(b)]).toEqual({
        'ff.gate/openness': [[16, 32], [0.25, 0.375]],
        'router/load[0]': [[16, 32], [0.25, 0.5]],
        'router/load[1]': [[16, 32], [0.75, 0.5]],
        'val.router/entropy': [[40], [0.5]],
      });
      expect(byRun[String(none)]).toEqual({});

      // decimated per step bucket like the metrics: 400 steps to at most 16 points, the extremes kept
      store.metrics.appendGateStats(a, Array.from({ length: 400 }, (_, i) => ({ step: 100 + i, gate: 'router', stat: 'balance', value: i === 123 ? 4 : 1, vector: null })));
      const d = await compareRuns(compare, (id) => storedGates(store, id), [String(a)], 16);
      const balance = d.gates![0].series.find((s) => s.name === 'router/balance')!;
      expect(balance.steps.length).toBeLessThanOrEqual(16);
      expect(Math.max(...balance.values)).toBe(4);
      expect(balance.steps[balance.values.indexOf(4)]).toBe(223);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still compares when a run’s gate statistics cannot be read: that run has none', async () => {
    const c = await compareRuns((ids) => ({ runs: [], series: ids.map((id) => ({ id, series: [] })) }), () => { throw new Error('no gates here'); }, ['7']);
    expect(c.gates).toEqual([{ id: '7', series: [] }]);
  });

  it('names an old run’s call means apart from per-step values, so Compare never draws a mean as a step’s value', () => {
    // an upgraded run (migrations/0007): means over calls of 8 steps, then resumed and recorded per step
    const c = compareGateSeries({
      id: '4',
      gates: [
        { gate: 'router', stat: 'temperature', steps: [1, 8, 16, 17, 18], values: [2, 1.5, 1, 0.75, 0.5], vectors: null, firstSteps: [null, 2, 9, null, null] },
        { gate: 'router', stat: 'load', steps: [8, 9], values: [null, null], vectors: [[0.25, 0.75], [0.5, 0.5]], firstSteps: [1, null] },
        { gate: 'ff.gate', stat: 'openness', steps: [16], values: [0.5], vectors: null },
      ],
    });
    expect(Object.fromEntries(c.series.map((s) => [s.name, [s.steps, s.values]]))).toEqual({
      'router/temperature': [[1, 17, 18], [2, 0.75, 0.5]], // step 1 was a call of one step: its own value
      [`router/temperature${CALL_MEANS}`]: [[8, 16], [1.5, 1]],
      'router/load[0]': [[9], [0.5]],
      'router/load[1]': [[9], [0.5]],
      [`router/load${CALL_MEANS}[0]`]: [[8], [0.25]],
      [`router/load${CALL_MEANS}[1]`]: [[8], [0.75]],
      'ff.gate/openness': [[16], [0.5]],
    });
    expect(CALL_MEANS).toBe(' (means over training calls)');
  });
});
