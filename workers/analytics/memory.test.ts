// A knockout of a long-window forecaster keeps a few numbers per test window, not its gate values: the
// tft-lite of the audit (lookback 336, 7 channels, hidden 32) has a 75k-value selection GRN gate per window,
// which for the 600 windows here is 360 MB as float64 (3.1 GB for the 5,161 windows of the demo's test
// split, the out-of-memory crash). Checked two ways:
//   - shapes: what an evaluation returns and what a chunk holds (rows per chunk from the widest tensor);
//   - the process's peak resident memory during the knockout (Linux VmHWM, reset first), which counts
//     ONNX Runtime's native arena too: below 350 MB over the start. Reasoning for the bound: a 55-window
//     chunk's widest tensor is 16 MB and the forward keeps at most a dozen such alive (~200 MB), the
//     input windows are 5.6 MB; holding the probes alone would add 360 MB, and the old 600-window chunk
//     made each activation 180 MB.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import { seededRandom } from '../../engine/nn/random';
import type { Rows, RunData } from '../run/run-data';
import { CHUNK_VALUES, rowsPerChunk, widestPerSample } from './chunk-rows';
import { evaluateGraph, KEPT_PROBE_VALUES } from './evaluate-graph';
import { analyticsGraph } from '../../engine/analytics/analytics-graph';
import { baseline, knockoutTable, trainingProbes, type TrainedModel } from './knockout';

const L = 336, H = 24, C = 7, N = 600;
const config = { template: 'tft-lite', lookback: L, horizon: H, channels: C, hidden: 32, selection: { kind: 'variable-selection', hidden: 32 } };

function windows(n: number, seed: number): Rows {
  const r = seededRandom(seed, 'windows');
  const x = new Float32Array(n * L * C), y = new Float32Array(n * H * C);
  for (let i = 0; i < x.length; i++) x[i] = r.normal();
  for (let i = 0; i < y.length; i++) y[i] = r.normal();
  return { rows: n, columns: { x: { data: x, shape: [L, C] }, y: { data: y, shape: [H, C] } } };
}

function model(): TrainedModel {
  const def = buildModel(config);
  const c = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
  return { runId: 4, def, dtype: 'float32', layout: c.layout, params: c.initialParams(1) };
}

/** The memory bound below is argued for N test windows. The shapes need fewer (every window costs an
 * evaluation): more than a chunk holds, and enough that the wide probe over the split passes KEPT_PROBE_VALUES. */
const data = (testWindows = N): RunData => ({ task: 'regression', prediction: 'forecast', target: 'y', train: windows(100, 1), validation: windows(8, 2), test: windows(testWindows, 3), describe: 'long windows' });
const SHAPE_WINDOWS = 160;

const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

describe('analytics memory on a long-window forecaster (tft-lite, lookback 336)', () => {
  it('chunks follow the widest per-window tensor, and what is kept is per unit or per window, not both', async () => {
    const m = model();
    const widest = widestPerSample(m.def);
    expect(widest).toBeGreaterThanOrEqual(L * C * 32); // the selection's per-variable GRN
    const rows = rowsPerChunk(m.def);
    expect(rows * widest).toBeLessThanOrEqual(CHUNK_VALUES);
    const g = analyticsGraph(m.def, { dtype: 'float32', layout: m.layout });
    const d = data(SHAPE_WINDOWS);
    expect(SHAPE_WINDOWS).toBeGreaterThan(2 * rows); // several chunks, the last one partial
    const chunks: number[] = [];
    const r = await evaluateGraph(g.bytes, m.params, d.test, g.inputNames, { chunkRows: rows, keep: () => false, onChunk: (c) => chunks.push(c.to - c.from) });
    expect(Math.max(...chunks)).toBe(rows);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(SHAPE_WINDOWS);
    expect(Object.keys(r.outputs)).toEqual([]); // nothing per window
    expect(r.means['probe.selection.var'].length).toBe(L * C * 32); // one mean per unit
    // the gate report's evaluation keeps predictions and the small probes, drops the wide one
    const { result } = await baseline(m, d);
    expect(result.outputs.forecast.data.length).toBe(SHAPE_WINDOWS * H * C);
    expect(result.outputs['probe.selection'].width).toBe(L * C);
    expect(result.outputs['probe.selection.var']).toBeUndefined();
    expect(L * C * 32 * SHAPE_WINDOWS).toBeGreaterThan(KEPT_PROBE_VALUES); // so the wide probe was dropped, not kept
    expect(Object.keys((await trainingProbes(m, d, 64)).outputs)).toEqual([]);
  });

  it('a knockout\'s peak resident memory stays under 350 MB above its start', async () => {
    const m = model(), d = data();
    writeFileSync('/proc/self/clear_refs', '5'); // reset the peak to the current resident size
    const start = peakRss();
    const t = await knockoutTable(m, d, { interventions: [{ gate: 'selection.var', mode: 'closed' }, { gate: 'grn', mode: 'mean' }], resamples: 100 });
    const grew = peakRss() - start;
    expect(t.rows.map((r) => `${r.gate} ${r.mode}`)).toEqual(['selection.var closed', 'grn mean']);
    expect(t.rows.every((r) => Number.isFinite(r.value) && r.value > 0)).toBe(true);
    expect(grew / 2 ** 20).toBeLessThan(350);
  });
});
