// What each gate learned, from the trained model's gate values on the test split (one probed evaluation):
// feature gates' mean per input feature (ranked), routers' expert × class assignment, fusion gates'
// modality weights per sample, gated attention's first-token share per layer, and the conditional
// compute the routers save. Knockout results and training-time expert load are passed in.
import {
  rankFeatures, type AttentionSinkReport, type FeatureGateReport, type FusionReport, type GateProbe, type GateReport,
  type KnockoutTable, type RouterReport,
} from '../../common/analytics';
import { probeOutput } from '../../engine/analytics/analytics-graph';
import { computeReport, exitCurveOf } from './compute-report';
import type { ModelDefinition } from '../../engine/train/model';
import type { RunData } from '../run/run-data';
import { classNamesOf } from '../run/class-metrics';
import type { GraphResult, PerSample } from './evaluate-graph';
import { sampleMetric } from './sample-metric';
import type { DatasetContext } from './dataset-context';
import { fusionSamples } from './fusion-samples';
import { reportInputs } from './report-inputs';
import type { FusionLayout } from './fusion-inputs';
import { routerDetail } from './router-detail';
import { TARGET_QUARTILES } from '../../common/analytics/gate-captions';

export interface ReportInput {
  runId: number;
  title: string;
  def: ModelDefinition;
  /** The model config the run was built from (template, data-shaped fields). */
  model: Record<string, unknown>;
  data: RunData;
  base: GraphResult;
  gates: GateProbe[];
  /** Names of the model's input features in order (fields then numeric, channels, ...), when known. */
  featureNames?: string[];
  /** Fusion runs on a dataset: each modality's columns in encoding order (fusion-inputs.ts), when they add up. */
  modalityColumns?: FusionLayout;
  knockout?: KnockoutTable;
  loadOverTraining?: Record<string, { step: number; load: number[] }[]>;
  /** The dataset's original rows behind the test split (dataset runs): text snippets, hours, value names. */
  context?: DatasetContext;
}

/** Mean of each chunk of consecutive units (a feature's elements), from the per-unit means over samples. */
function chunkMeans(unitMeans: Float64Array, chunks: number): number[] {
  const size = unitMeans.length / chunks;
  const out = new Array<number>(chunks).fill(0);
  for (let u = 0; u < unitMeans.length; u++) out[Math.floor(u / size)] += unitMeans[u] / size;
  return out;
}

/** Per sample: the mean over tokens of each expert's weight ([..., E] values, E last). */
function perSampleExpertWeights(v: PerSample, E: number): Float64Array[] {
  const n = v.data.length / v.width, tokens = v.width / E;
  return Array.from({ length: n }, (_, s) => {
    const w = new Float64Array(E);
    for (let t = 0; t < tokens; t++) for (let e = 0; e < E; e++) w[e] += v.data[s * v.width + t * E + e] / tokens;
    return w;
  });
}

/** A GMU gate's opening for one sample: the mean over its hidden units (each unit's z is in [0, 1]). */
const meanOf = (w: Float64Array): number => w.reduce((a, b) => a + b, 0) / Math.max(1, w.length);

/**
 * Class of each test sample: the label, or the quartile of the mean target for regression. Classes are
 * named as the run's per-class table names them (classNamesOf: the target's own values, a binary label's
 * 'false'/'true' or '< 4'/'≥ 4', negative first).
 */
function sampleClasses(data: RunData): { classOf: Int32Array; labels: string[] } {
  const t = data.test.columns[data.target];
  const width = t.shape.reduce((a, b) => a * b, 1);
  const n = data.test.rows;
  const values = Array.from({ length: n }, (_, i) => { let s = 0; for (let j = 0; j < width; j++) s += Number(t.data[i * width + j]); return s / width; });
  if (data.task === 'binary') return { classOf: Int32Array.from(values, (v) => (v > 0.5 ? 1 : 0)), labels: classNamesOf(data) };
  if (data.task === 'multiclass') return { classOf: Int32Array.from(values), labels: classNamesOf(data) };
  const sorted = [...values].sort((a, b) => a - b);
  const q = [0.25, 0.5, 0.75].map((p) => sorted[Math.floor(p * (n - 1))]);
  return { classOf: Int32Array.from(values, (v) => q.filter((x) => v > x).length), labels: [...TARGET_QUARTILES] };
}

function featureCount(model: Record<string, unknown>): number {
  if (Array.isArray(model.fields)) return model.fields.length + Number(model.numeric ?? 0);
  if (typeof model.channels === 'number') return model.channels;
  return 0;
}

export function gateReport(r: ReportInput): GateReport {
  const { base, data, model } = r;
  const probe = (g: string) => base.outputs[probeOutput(g)];
  const metric = sampleMetric(data.task, Array.from(data.test.columns[data.target].data as ArrayLike<number | bigint>, Number), data.classes);
  const all = Int32Array.from({ length: base.rows }, (_, i) => i);
  const isFusion = Array.isArray(model.modalities);
  const modalityNames = isFusion ? (model.modalities as { name: string }[]).map((m) => m.name) : [];
  const F = featureCount(model);
  const names = (k: number) => (r.featureNames?.length === k ? r.featureNames : Array.from({ length: k }, (_, i) => `feature ${i}`));

  const featureGates: FeatureGateReport[] = [];
  const routers: RouterReport[] = [];
  const fusion: FusionReport[] = [];
  const { classOf, labels } = sampleClasses(data);
  const fusionOf = (gate: string, modalities: string[], weights: number[][]): FusionReport => fusionReport(gate, modalities, weights, r);
  let inputs: ReturnType<typeof reportInputs> | null = null; // built once, when the model has a router
  for (const g of r.gates) {
    // Feature and selection gates need only each unit's mean (kept for every probe); the rest need the
    // probe per sample, which is kept when the whole split of it is small (evaluate-graph KEPT_PROBE_VALUES).
    const mean = base.means[probeOutput(g.gate)];
    if (mean && g.kind === 'selection') {
      const V = g.shape.at(-1)!;
      const means = Array.from(mean).reduce((acc, m, u) => { acc[u % V] += m / (mean.length / V); return acc; }, new Array<number>(V).fill(0));
      featureGates.push({ gate: g.gate, features: rankFeatures(names(V), means) });
      continue;
    }
    const perChannel = typeof model.channels === 'number' && g.shape.length > 1 && g.shape[0] === F; // [C, tokens, ...]: GLA's forget gate
    if (mean && g.kind === 'gate' && !isFusion && F > 0 && (Array.isArray(model.fields) ? mean.length % F === 0 : mean.length === F || perChannel)) {
      // CTR: a gate over the flattened field embeddings (each field's elements contiguous); forecasting: one
      // value per channel, or a channel-independent model's gate over each channel's tokens (its mean per channel)
      featureGates.push({ gate: g.gate, features: rankFeatures(names(F), chunkMeans(mean, F)) });
      continue;
    }
    const v = probe(g.gate);
    if (!v) continue;
    if (g.kind === 'gate' && isFusion && /^gmu(\.z\d+)?$/.test(g.gate)) {
      if (g.gate === 'gmu') fusion.push(fusionOf(g.gate, modalityNames.slice(0, 2), perSampleExpertWeights(v, v.width).map((w) => { const z = meanOf(w); return [z, 1 - z]; })));
    } else if (g.kind === 'router') {
      const E = g.shape.at(-1)!;
      const per = perSampleExpertWeights(v, E);
      const assignment = Array.from({ length: E }, () => new Array<number>(labels.length).fill(0));
      const counts = new Array<number>(labels.length).fill(0);
      per.forEach((w, s) => { counts[classOf[s]]++; for (let e = 0; e < E; e++) assignment[e][classOf[s]] += w[e]; });
      assignment.forEach((row) => row.forEach((x, c) => (row[c] = counts[c] ? x / counts[c] : 0)));
      const load = Array.from({ length: E }, (_, e) => per.reduce((a, w) => a + w[e], 0) / Math.max(1, per.length));
      if (inputs === null) inputs = reportInputs(model, data, r.featureNames, r.context, r.modalityColumns);
      const channels = typeof model.channels === 'number' ? names(model.channels) : undefined;
      const detail = routerDetail({ probe: v, experts: E, perSample: per, inputs, channels, context: r.context });
      // the router's own statistics over the test split (engine/gates/router-losses.ts): its probability before
      // the top-k pick and the share of picks, which a top-k router's mixing weight (`load`) is neither of
      const stat = (name: string) => { const v = base.stats[`${g.gate}.${name}`]; return v?.length === E ? [...v] : undefined; };
      const probability = stat('importance'), picks = stat('load');
      routers.push({
        gate: g.gate, experts: E, classes: labels, assignment, load, ...(probability ? { probability } : {}), ...(picks ? { picks } : {}),
        // samples are counted by their dominant expert over their tokens, picks per token: the captions say so
        tokens: v.width / E,
        loadOverTraining: r.loadOverTraining?.[g.gate] ?? [], ...detail,
      });
      if (isFusion && E === modalityNames.length) fusion.push(fusionOf(g.gate, modalityNames, per.map((w) => [...w])));
    }
  }
  // GMU with more than two modalities: one σ gate per modality (`gmu.z<m>`), each averaged over its units
  const multi = r.gates.filter((g) => /^gmu\.z\d+$/.test(g.gate));
  if (multi.length) {
    const per = multi.map((g) => perSampleExpertWeights(probe(g.gate), probe(g.gate).width).map(meanOf));
    fusion.push(fusionOf('gmu', modalityNames, per[0].map((_, s) => per.map((p) => p[s]))));
  }
  const attention: AttentionSinkReport[] = Object.entries(base.stats)
    .filter(([n]) => n.endsWith('.first_token_attention'))
    .map(([n, v]) => { const layer = n.slice(0, -'.first_token_attention'.length); return { layer, firstTokenAttention: v[0], gated: r.gates.some((g) => g.gate === `${layer}.gate`) }; });
  const compute = computeReport(r);
  const curve = exitCurveOf(r);
  return {
    runId: r.runId, title: r.title, metric: { name: metric.name, value: metric.on(base.outputs[data.prediction], all) },
    featureGates, routers, fusion, attention, ...(r.knockout ? { knockout: r.knockout } : {}), ...(compute ? { compute } : {}),
    ...(curve ? { exitCurve: curve } : {}),
  };
}

function fusionReport(gate: string, modalities: string[], weights: number[][], r: ReportInput): FusionReport {
  const M = modalities.length;
  const histogram = Array.from({ length: M }, () => new Array<number>(10).fill(0));
  const mean = new Array<number>(M).fill(0);
  for (const w of weights) for (let m = 0; m < M; m++) { histogram[m][Math.min(9, Math.max(0, Math.floor(w[m] * 10)))] += 1 / weights.length; mean[m] += w[m] / weights.length; }
  const samples = fusionSamples(weights, r.data, r.base.outputs[r.data.prediction], r.context);
  return { gate, modalities, histogram, mean, samples, samplesTotal: weights.length, ...(r.context?.textColumn ? { textColumn: r.context.textColumn } : {}) };
}
