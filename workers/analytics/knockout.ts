// A run's knockout table: the test split evaluated once as trained (with every gate's value probed), then
// once per intervention with that gate's value replaced; each metric with its delta from the trained
// model and a paired bootstrap interval over test samples (seeded, so a table can be reproduced).
import { allInterventions, describeIntervention, pairedBootstrap, type GateProbe, type Intervention, type KnockoutRow, type KnockoutTable } from '../../common/analytics';
import { analyticsGraph, probeOutput } from '../../engine/analytics/analytics-graph';
import type { ModelDefinition } from '../../engine/train/model';
import type { ParamLayout } from '../../engine/nn/params';
import type { FlatBuffer, FloatDType } from '../../engine/train/pack';
import { sliceRows, type RunData } from '../run/run-data';
import { evaluateGraph, unitMeans, type GraphResult, type PerSample } from './evaluate-graph';
import { sampleMetric } from './sample-metric';

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
  onProgress?(done: number, total: number, label: string): void;
  /** Checked between evaluations; true stops the job (cooperative cancel). */
  cancelled?(): boolean;
}

/** The trained model on the test split, with every gate probed (the baseline of a table and the data of a gate report). */
export async function baseline(m: TrainedModel, data: RunData): Promise<{ result: GraphResult; gates: GateProbe[] }> {
  const g = analyticsGraph(m.def, { dtype: m.dtype, layout: m.layout, step: m.step });
  return { result: await evaluateGraph(g.bytes, m.params, data.test, g.inputNames), gates: g.gates };
}

export async function knockoutTable(m: TrainedModel, data: RunData, o: KnockoutOptions = {}): Promise<KnockoutTable> {
  const seed = o.seed ?? 0, resamples = o.resamples ?? 1000;
  const { result: base, gates } = await baseline(m, data);
  const only = o.only ?? {};
  const wanted = (o.interventions ?? allInterventions(gates)).filter((i) =>
    (only.gate === undefined || i.gate === only.gate) && (only.mode === undefined || i.mode === only.mode) && (only.expert === undefined || i.expert === only.expert));
  // A model without a gate (a baseline template, or a gated one whose only gate did not apply, as late
  // fusion of a single modality): say what the run is, not that "the request" matched nothing.
  if (!gates.length) {
    throw new Error(`run ${m.runId} has no gate to knock out: its model has no gate (a baseline template) or none that applies to this data; ` +
      'knockouts need a gated template (gates are highlighted in the Models diagram; `gatelab templates` marks them)');
  }
  if (!wanted.length) {
    const what = [only.gate && `gate '${only.gate}'`, only.mode && `mode '${only.mode}'`, only.expert !== undefined && `expert ${only.expert}`].filter(Boolean).join(', ');
    throw new Error(`no knockout of run ${m.runId} matches ${what || 'the request'}; its gates: ${gates.map((g) => `${g.gate} (${g.kind})`).join(', ') || '(none)'}`);
  }
  const target = Array.from(data.test.columns[data.target].data as ArrayLike<number | bigint>, Number);
  const metric = sampleMetric(data.task, target, data.classes);
  const pred = (r: GraphResult): PerSample => {
    const p = r.outputs[data.prediction];
    if (!p) throw new Error(`the model has no prediction '${data.prediction}' (it has: ${Object.keys(r.outputs).filter((k) => !k.startsWith('probe.')).join(', ')})`);
    return p;
  };
  const n = base.rows;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const baselineValue = metric.on(pred(base), all);
  // The resamples are the same for every row (same seed): the trained model's metric on each is computed once.
  const baseOnResample: number[] = [];
  let means: GraphResult | null = null;
  const rows: KnockoutRow[] = [];
  for (const [k, iv] of wanted.entries()) {
    if (o.cancelled?.()) break;
    o.onProgress?.(k, wanted.length, describeIntervention(iv));
    const gate = gates.find((g) => g.gate === iv.gate);
    if (!gate) throw new Error(`run ${m.runId} has no gate '${iv.gate}'; its gates: ${gates.map((g) => g.gate).join(', ') || '(none)'}`);
    let mean: Float64Array | undefined;
    if (iv.mode === 'mean') {
      means ??= await trainingProbes(m, data, o.meanRows ?? 4096);
      mean = unitMeans(means.outputs[probeOutput(iv.gate)]);
    }
    const g = analyticsGraph(m.def, { dtype: m.dtype, layout: m.layout, step: m.step, intervention: iv, mean, probes: false });
    const variant = pred(await evaluateGraph(g.bytes, m.params, data.test, g.inputNames));
    let call = 0;
    const ci = pairedBootstrap(n, (which, idx) => {
      if (which === 'variant') return metric.on(variant, idx);
      const r = call++;
      return (baseOnResample[r] ??= metric.on(pred(base), idx));
    }, { seed, resamples });
    const value = metric.on(variant, all);
    rows.push({ gate: iv.gate, kind: gate.kind, mode: iv.mode, ...(iv.expert !== undefined ? { expert: iv.expert } : {}), value, delta: value - baselineValue, ci: { low: ci.low, high: ci.high, level: ci.level } });
  }
  o.onProgress?.(rows.length, wanted.length, 'done');
  return { runId: m.runId, split: 'test', metric: metric.name, higherIsBetter: metric.higherIsBetter, baseline: baselineValue, samples: n, resamples, seed, rows };
}

/** Gate values on the first `limit` training rows (for the 'mean' knockouts). */
async function trainingProbes(m: TrainedModel, data: RunData, limit: number): Promise<GraphResult> {
  const g = analyticsGraph(m.def, { dtype: m.dtype, layout: m.layout, step: m.step });
  return evaluateGraph(g.bytes, m.params, sliceRows(data.train, 0, Math.min(limit, data.train.rows)), g.inputNames);
}
