// One knockout on test rows the user picks: each row's prediction as trained and with the gate forced,
// and the gate's own value on that row. The same graphs as the whole-split knockout table (knockout.ts:
// the trained graph, and knockoutGraph with one gate's value replaced), evaluated on the picked rows only,
// numbered as Try it numbers them (test rows, a forecasting run's test windows, from 0 within the split).
import { unscaleValue } from '../../common/data';
import { analyticsGraph, probeOutput } from '../../engine/analytics/analytics-graph';
import type { GateProbe, KnockoutRowsRequest, KnockoutRowsResult } from '../../common/analytics';
import { gatherBatches, type Column, type RunData, type Rows } from '../run/run-data';
import { evaluateGraph } from './evaluate-graph';
import { rowsPerChunk } from './chunk-rows';
import { chosenKnockouts, knockoutGraph, trainingProbes, type TrainedModel } from './knockout';
import { mainScorer, scorerFor } from './task-scores';
import { testRowsRefusal, type TestItems } from '../test-rows-check';

/** A request the job refuses (rows outside the test split): said as the refusal it is, not as the lab failing. */
export class RowsRefusal extends Error {
  override name = 'RowsRefusal';
}

export interface KnockoutRowsOptions {
  /** What the test split's items are called (a forecasting run's are windows): Try it's words for the refusal. */
  items: TestItems;
  forecast: boolean;
  /** Training rows for a 'mean' knockout's gate means (the table's default). */
  meanRows?: number;
}

/** The picked rows of the test split, in the order asked (a row asked twice comes twice). */
function pickedRows(test: Rows, rows: readonly number[]): Rows {
  const batch = gatherBatches(test, Uint32Array.from(rows), rows.length);
  return { rows: rows.length, columns: Object.fromEntries(Object.entries(batch).map(([name, b]) => [name, { data: b.data, shape: b.dims.slice(2) } satisfies Column])) };
}

/**
 * A gate's value on each row, from its probe (`width` numbers per row): a router's or selection's weight per
 * expert (last axis) averaged over the row's tokens; any other gate's mean over its units.
 */
function gateValues(g: GateProbe, data: ArrayLike<number>, rows: number, width: number): number[][] {
  const per = g.kind === 'router' || g.kind === 'selection' ? Math.max(1, g.shape.at(-1) ?? 1) : 1;
  return Array.from({ length: rows }, (_, r) => {
    const out = new Array<number>(per).fill(0);
    for (let u = 0; u < width; u++) out[per === 1 ? 0 : u % per] += data[r * width + u];
    return out.map((v) => v / (width / per));
  });
}

/** Each row's `name` output (as plain numbers, `units` applied), and the gate's values when it is probed. */
async function evaluateRows(m: TrainedModel, g: { bytes: Uint8Array; inputNames: string[] }, rows: Rows, name: string, units: (v: number) => number, probe?: GateProbe) {
  const predictions: number[][] = [], gate: number[][] = [];
  await evaluateGraph(g.bytes, m.params, rows, g.inputNames, {
    chunkRows: rowsPerChunk(m.def),
    keep: () => false,
    onChunk: ({ outputs, from, to }) => {
      const p = outputs[name];
      if (!p) throw new Error(`the model has no prediction '${name}' (it has: ${Object.keys(outputs).filter((o) => !o.startsWith('probe.')).join(', ')})`);
      for (let r = 0; r < to - from; r++) predictions.push(Array.from(p.data.subarray(r * p.width, (r + 1) * p.width), units));
      const v = probe && outputs[probeOutput(probe.gate)];
      if (v) gate.push(...gateValues(probe, v.data, to - from, v.width));
    },
  });
  return { predictions, gate };
}

export async function knockoutRows(m: TrainedModel, data: RunData, request: KnockoutRowsRequest, o: KnockoutRowsOptions): Promise<KnockoutRowsResult> {
  const trained = analyticsGraph(m.def, { dtype: m.dtype, layout: m.layout, step: m.step });
  const [iv, ...more] = chosenKnockouts(m.runId, trained.gates, { gate: request.gate, mode: request.mode, expert: request.expert });
  // 'single' without an expert matches one knockout per expert: one row's what-if is one knockout
  if (more.length) throw new RowsRefusal(`--rows evaluates one knockout, and gate '${request.gate}' --mode ${request.mode} is ${more.length + 1}: add --expert E (0-${more.length})`);
  const refusal = testRowsRefusal(request.rows, data.test.rows, o.items);
  if (refusal) throw new RowsRefusal(refusal);
  const gate = trained.gates.find((g) => g.gate === iv.gate)!;
  const scorer = scorerFor(iv.gate, data, mainScorer(data));
  // MMoE's rating tower learns the z-scored rating: shown in rating points, as the run reports it
  const secondary = data.secondary?.find((s) => s.prediction === scorer.prediction);
  const scaler = secondary?.unscale;
  const units = scaler ? (v: number) => unscaleValue(scaler, v) : (v: number) => v;
  const rows = pickedRows(data.test, request.rows);
  const asTrained = await evaluateRows(m, trained, rows, scorer.prediction, units, gate);
  const mean = iv.mode === 'mean' ? (await trainingProbes(m, data, o.meanRows ?? 4096)).means[probeOutput(iv.gate)] : undefined;
  const knocked = await evaluateRows(m, knockoutGraph(m, iv, mean), rows, scorer.prediction, units);
  const target = rows.columns[scorer.target];
  const tw = target ? target.shape.reduce((a, b) => a * b, 1) : 0;
  return {
    runId: m.runId,
    knockout: { gate: iv.gate, kind: gate.kind, mode: iv.mode, ...(iv.expert !== undefined ? { expert: iv.expert } : {}) },
    task: secondary?.task ?? data.task,
    forecast: o.forecast,
    prediction: scorer.prediction, target: scorer.target, testRows: data.test.rows,
    rows: request.rows.map((row, i) => ({
      row,
      trained: asTrained.predictions[i],
      knockedOut: knocked.predictions[i],
      target: target ? Array.from(target.data.subarray(i * tw, (i + 1) * tw) as ArrayLike<number | bigint>, (v) => units(Number(v))) : [],
      gate: asTrained.gate[i] ?? [],
    })),
  };
}
