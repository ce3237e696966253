// A run's knockout table: the test split evaluated once as trained, then once per intervention with that
// gate's value replaced (each gate scored on the task it serves: task-scores.ts); each metric with its
// delta from the trained model and a paired bootstrap interval over test samples (seeded, so a table can
// be reproduced): independent draws for CTR and fusion rows, runs of consecutive windows for overlapping
// forecast windows (interval-method.ts).
// Memory: every evaluation is chunked (rowsPerChunk) and reduced per chunk to the metric's per-sample
// numbers (sample-metric.ts); neither predictions nor gate values of the whole split are held, so a
// knockout's memory is the chunk plus a few numbers per test sample, whatever the window length.
import { allInterventions, describeIntervention, pairedBootstrap, type GateProbe, type Intervention, type KnockoutRow, type KnockoutTable } from '../../common/analytics';
import { analyticsGraph, probeOutput } from '../../engine/analytics/analytics-graph';
import type { ModelDefinition } from '../../engine/train/model';
import type { ParamLayout } from '../../engine/nn/params';
import type { FlatBuffer, FloatDType } from '../../engine/train/pack';
import { sliceRows, type Rows, type RunData } from '../run/run-data';
import { evaluateGraph, type GraphResult } from './evaluate-graph';
import { rowsPerChunk } from './chunk-rows';
import { intervalMethod } from './interval-method';
import { channelScorers, mainScorer, scorerFor, type TaskScorer } from './task-scores';

export interface TrainedModel {
  runId: number;
  def: ModelDefinition;
  dtype: FloatDType;
  layout: ParamLayout;
  params: FlatBuffer;
  /** Optimizer steps the parameters were trained for (the checkpoint's step): schedules are evaluated there. */
  step?: number;
}

export interface KnockoutOptions {
  /** Which knockouts; default every knockout of every gate. */
  interventions?: Intervention[];
  /** Keep only the knockouts matching these fields. */
  only?: { gate?: string; mode?: Intervention['mode']; expert?: number };
  seed?: number;
  resamples?: number;
  /** Training rows used for the 'mean' knockouts' gate means. */
  meanRows?: number;
  /**
   * Forecasting: the target-role columns (`--target OT`). The run's headline test mse, and so each row's
   * metric, is every channel's mean; a target among several channels also gets its own MSE per row, as
   * `gatelab show` prints its "test of target" beside the headline.
   */
  targetChannels?: readonly string[];
  onProgress?(done: number, total: number, label: string): void;
  /** Checked between evaluations; true stops the job (cooperative cancel). */
  cancelled?(): boolean;
}

/**
 * The trained model on the test split, with every gate probed (the data of a gate report): predictions and
 * probes within KEPT_PROBE_VALUES per sample, every probe's per-unit mean.
 */
export async function baseline(m: TrainedModel, data: RunData): Promise<{ result: GraphResult; gates: GateProbe[] }> {
  const g = analyticsGraph(m.def, { dtype: m.dtype, layout: m.layout, step: m.step });
  return { result: await evaluateGraph(g.bytes, m.params, data.test, g.inputNames, { chunkRows: rowsPerChunk(m.def) }), gates: g.gates };
}

/** What a knockout keeps of one evaluation: each scorer's numbers per test sample (its width each), in scorer order. */
export interface Scored {
  kept: Float64Array[];
}

/** The graph a knockout evaluates: the trained model (no intervention), or with one gate's value replaced; its gates are known once built. */
export const knockoutGraph = (m: TrainedModel, intervention?: Intervention, mean?: Float64Array) =>
  analyticsGraph(m.def, { dtype: m.dtype, layout: m.layout, step: m.step, intervention, mean, probes: false });

/** Evaluates a graph on the test split, keeping only each scorer's per-sample numbers. */
async function scored(m: TrainedModel, data: RunData, scorers: readonly TaskScorer[], g: ReturnType<typeof knockoutGraph>): Promise<Scored> {
  const kept = scorers.map((s) => new Float64Array(data.test.rows * s.width));
  await evaluateGraph(g.bytes, m.params, data.test, g.inputNames, {
    chunkRows: rowsPerChunk(m.def),
    keep: () => false,
    onChunk: ({ outputs, part, from, to }) => scorers.forEach((s, k) => {
      const p = outputs[s.prediction];
      if (!p) throw new Error(`the model has no prediction '${s.prediction}' (it has: ${Object.keys(outputs).join(', ')})`);
      const t = part.columns[s.target];
      if (!t) throw new Error(`the test split has no target column '${s.target}' (it has: ${Object.keys(part.columns).join(', ')})`);
      s.score(p, t.data as ArrayLike<number>, to - from, kept[k], from);
    }),
  });
  return { kept };
}

export async function knockoutTable(m: TrainedModel, data: RunData, o: KnockoutOptions = {}): Promise<KnockoutTable> {
  const seed = o.seed ?? 0, resamples = o.resamples ?? 1000;
  const main = mainScorer(data), targets = channelScorers(data, o.targetChannels);
  // the gates are the trained graph's, known once it is built: every task is scored as trained in one pass below
  const trainedGraph = knockoutGraph(m);
  const gates = trainedGraph.gates;
  const wanted = chosenKnockouts(m.runId, gates, o.only, o.interventions);
  const n = data.test.rows;
  const interval = intervalMethod(data);
  const block = interval.kind === 'block' ? interval.block : 1;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  // Each row's task (MMoE: the task its gate serves); every task's numbers as trained, in one pass.
  const scorerOf = new Map(wanted.map((i) => [i.gate, scorerFor(i.gate, data, main)]));
  const others = [...new Set(scorerOf.values())].filter((s) => s !== main);
  const asTrained = [main, ...targets, ...others];
  const first = await scored(m, data, asTrained, trainedGraph);
  const base = new Map<TaskScorer, Float64Array>(asTrained.map((s, i) => [s, first.kept[i]]));
  const baselineOf = new Map([...base].map(([s, k]) => [s, s.of(k, all)]));
  // The resamples are the same for every row (same seed): the trained model's metric on each is computed once per task.
  const baseOnResample = new Map<TaskScorer, number[]>([...base.keys()].map((s) => [s, []]));
  const means = new Map<string, Float64Array>();
  const rows: KnockoutRow[] = [];
  for (const [k, iv] of wanted.entries()) {
    if (o.cancelled?.()) break;
    o.onProgress?.(k, wanted.length, describeIntervention(iv));
    const gate = gates.find((g) => g.gate === iv.gate);
    if (!gate) throw new Error(`run ${m.runId} has no gate '${iv.gate}'; its gates: ${gates.map((g) => g.gate).join(', ') || '(none)'}`);
    let mean: Float64Array | undefined;
    if (iv.mode === 'mean') {
      if (!means.size) for (const [name, v] of Object.entries((await trainingProbes(m, data, o.meanRows ?? 4096)).means)) means.set(name, v);
      mean = means.get(probeOutput(iv.gate));
    }
    const scores = scorerOf.get(iv.gate)!, also = scores === main ? targets : [];
    const variants = (await scored(m, data, [scores, ...also], knockoutGraph(m, iv, mean))).kept;
    // the metric of one scorer with the knockout, its change from the trained model and the paired interval
    const compared = (s: TaskScorer, variant: Float64Array) => {
      const trained = base.get(s)!, cached = baseOnResample.get(s)!;
      let call = 0;
      const ci = pairedBootstrap(n, (which, idx) => {
        if (which === 'variant') return s.of(variant, idx);
        const r = call++;
        return (cached[r] ??= s.of(trained, idx));
      }, { seed, resamples, block });
      const value = s.of(variant, all), baseline = baselineOf.get(s)!;
      return { value, delta: value - baseline, ci: { low: ci.low, high: ci.high, level: ci.level }, baseline };
    };
    const { baseline: scoredFrom, ...own } = compared(scores, variants[0]);
    const channels = also.map((s, i) => ({ name: s.channel!, ...compared(s, variants[i + 1]) }));
    rows.push({
      gate: iv.gate, kind: gate.kind, mode: iv.mode, ...(iv.expert !== undefined ? { expert: iv.expert } : {}), ...own,
      // every row names its metric (scripts reading --json need not know which gate serves which task)
      metric: scores.name, higherIsBetter: scores.higherIsBetter, baseline: scoredFrom,
      ...(channels.length ? { channels } : {}),
    });
  }
  o.onProgress?.(rows.length, wanted.length, 'done');
  return { runId: m.runId, split: 'test', metric: main.name, higherIsBetter: main.higherIsBetter, baseline: baselineOf.get(main)!, samples: n, resamples, seed, interval, rows };
}

/**
 * The knockouts of `gates` a job asks for: `interventions` (default every knockout of every gate) kept when
 * they match `only`. A model without a gate, or a request matching none, is refused in the words every
 * knockout uses (the whole-split table and one row at a time alike).
 */
export function chosenKnockouts(runId: number, gates: readonly GateProbe[], only: KnockoutOptions['only'] = {}, interventions?: Intervention[]): Intervention[] {
  const wanted = (interventions ?? allInterventions(gates)).filter((i) =>
    (only.gate === undefined || i.gate === only.gate) && (only.mode === undefined || i.mode === only.mode) && (only.expert === undefined || i.expert === only.expert));
  // A model without a gate (a baseline template, or a gated one whose only gate did not apply, as late
  // fusion of a single modality): say what the run is, not that "the request" matched nothing.
  if (!gates.length) {
    throw new Error(`run ${runId} has no gate to knock out: its model has no gate (a baseline template) or none that applies to this data; ` +
      'knockouts need a gated template (gates are highlighted in the Models diagram; `gatelab templates` marks them)');
  }
  if (!wanted.length) {
    const what = [only.gate && `gate '${only.gate}'`, only.mode && `mode '${only.mode}'`, only.expert !== undefined && `expert ${only.expert}`].filter(Boolean).join(', ');
    throw new Error(`no knockout of run ${runId} matches ${what || 'the request'}; its gates: ${gates.map((g) => `${g.gate} (${g.kind})`).join(', ') || '(none)'}`);
  }
  return wanted;
}

/** Every gate's per-unit mean on the first `limit` training rows (for the 'mean' knockouts); nothing per sample is kept. */
export async function trainingProbes(m: TrainedModel, data: RunData, limit: number): Promise<GraphResult> {
  const g = analyticsGraph(m.def, { dtype: m.dtype, layout: m.layout, step: m.step });
  const rows: Rows = sliceRows(data.train, 0, Math.min(limit, data.train.rows));
  return evaluateGraph(g.bytes, m.params, rows, g.inputNames, { chunkRows: rowsPerChunk(m.def), keep: () => false });
}
