// What each expert of a router specializes in, from per-sample router weights and the inputs the model
// saw: samples are assigned to their dominant expert (largest mean weight over the sample's tokens), and
// each input is scored by how far its mean over an expert's samples is from its mean over all samples,
// in units of its standard deviation over all samples (a standardized mean difference, so inputs on
// different scales — z-scored numbers, 0/1 indicators, log frequencies — rank against each other).
import type { ExpertSpecialisation } from '../../common/analytics';

/** The inputs, one row per sample: `values[s * names.length + f]`. */
export interface InputMatrix {
  names: readonly string[];
  values: Float64Array;
  /** What the inputs are, in the user's words ("input features", "field values ..."). */
  describe: string;
}

/** Per sample, the expert with the largest weight (ties: the lower index). */
export function dominantExpert(perSample: readonly ArrayLike<number>[]): Int32Array {
  return Int32Array.from(perSample, (w) => {
    let best = 0;
    for (let e = 1; e < w.length; e++) if (w[e] > w[best]) best = e;
    return best;
  });
}

/**
 * For each expert, the `top` inputs with the largest |standardized mean difference| over the samples
 * routed mainly to it. Inputs constant over the split (sd 0) score 0. Experts no sample is routed to
 * mainly get an empty list.
 */
export function expertSpecialisation(perSample: readonly ArrayLike<number>[], inputs: InputMatrix, top = 8): ExpertSpecialisation {
  const n = perSample.length, F = inputs.names.length;
  if (inputs.values.length !== n * F) {
    throw new Error(`expert specialisation: ${inputs.values.length} input values are not ${n} samples × ${F} inputs (${inputs.describe})`);
  }
  const E = perSample[0]?.length ?? 0;
  const owner = dominantExpert(perSample);
  const mean = new Float64Array(F), sq = new Float64Array(F);
  const sums = Array.from({ length: E }, () => new Float64Array(F));
  const counts = new Int32Array(E);
  for (let s = 0; s < n; s++) {
    const e = owner[s];
    counts[e]++;
    for (let f = 0; f < F; f++) {
      const v = inputs.values[s * F + f];
      mean[f] += v;
      sq[f] += v * v;
      sums[e][f] += v;
    }
  }
  const sd = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    mean[f] /= Math.max(1, n);
    sd[f] = Math.sqrt(Math.max(0, sq[f] / Math.max(1, n) - mean[f] * mean[f]));
  }
  const experts = Array.from({ length: E }, (_, e) => {
    if (!counts[e]) return { expert: e, samples: 0, top: [] };
    const scored = Array.from({ length: F }, (_, f) => {
      const m = sums[e][f] / counts[e];
      // relative tolerance: a constant input's sd is rounding noise, not spread
      const spread = sd[f] > 1e-9 * Math.max(1, Math.abs(mean[f])) ? sd[f] : 0;
      return { feature: inputs.names[f], score: spread ? (m - mean[f]) / spread : 0, mean: m, overall: mean[f] };
    });
    scored.sort((a, b) => Math.abs(b.score) - Math.abs(a.score));
    return { expert: e, samples: counts[e], top: scored.slice(0, top) };
  });
  return { inputs: inputs.describe, experts };
}

/**
 * [expert][group]: the mean router weight of each group's samples (or tokens) on each expert. `groupOf[s]`
 * is the group of item s (−1: left out); `weights[s]` its expert weights.
 */
export function assignmentByGroup(weights: readonly ArrayLike<number>[], groupOf: ArrayLike<number>, groups: number): number[][] {
  const E = weights[0]?.length ?? 0;
  const sum = Array.from({ length: E }, () => new Array<number>(groups).fill(0));
  const count = new Array<number>(groups).fill(0);
  weights.forEach((w, s) => {
    const g = groupOf[s];
    if (g < 0 || g >= groups) return;
    count[g]++;
    for (let e = 0; e < E; e++) sum[e][g] += w[e];
  });
  return sum.map((row) => row.map((x, g) => (count[g] ? x / count[g] : 0)));
}
