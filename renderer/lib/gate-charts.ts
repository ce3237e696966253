// Which chart a gate statistic gets in the Runs view, decided by what the numbers are:
//   - a scalar over steps: a line;
//   - a histogram (openness_hist): a heatmap whose rows are the bins, labelled by their edges 0…1;
//   - shares of a whole (expert load fractions, router/importance probabilities, softmax modality
//     weights, the bimodal GMU's z and 1 − z): stacked areas, but only when every stored vector really
//     sums to 1; independent gates (a GMU over 3 modalities: one sigmoid per modality, often all near
//     0.5 so their sum sits near a constant 1.5) are lines, since stacking them draws a "whole" that
//     does not exist;
//   - any other vector (per-channel openness...): a heatmap.
import type { GateSeries } from '../../common/lab-api';
import { NO_NAMES, statComponentNames, type GateNames } from '../../common/analytics/gate-names';

export type GateChart = 'line' | 'lines' | 'stacked' | 'heatmap';

const SHARE_NAMES = /load|importance|share|fraction|weights|prob/i;

/** Non-negative components summing to 1 (±1%, float32 means) at every stored step. */
export function isShareOfWhole(vectors: (number[] | null)[]): boolean {
  let any = false;
  for (const v of vectors) {
    if (!v) continue;
    if (v.some((x) => !(x >= 0))) return false;
    if (Math.abs(v.reduce((a, b) => a + b, 0) - 1) > 0.01) return false;
    any = true;
  }
  return any;
}

export function gateChartKind(g: Pick<GateSeries, 'stat' | 'vectors'>): GateChart {
  if (!g.vectors) return 'line';
  if (/hist/i.test(g.stat)) return 'heatmap';
  if (SHARE_NAMES.test(g.stat)) return isShareOfWhole(g.vectors) ? 'stacked' : 'lines';
  return 'heatmap';
}

/**
 * Names of a vector statistic's components for legends: modality names from the run's model config
 * when the count matches, "expert i" (MoE fusion: "expert i (modality)") for routers, bin ranges for
 * histograms, else "i".
 */
export function componentLabels(gate: string, stat: string, k: number, names: GateNames = NO_NAMES): string[] {
  if (/hist/i.test(stat)) return binLabels(k);
  return statComponentNames(gate.replace(/^(val|test)\./, ''), stat, k, names) ?? Array.from({ length: k }, (_, i) => String(i));
}

/** k equal bins over 0…1: "0–0.1", "0.1–0.2", … */
export function binLabels(k: number): string[] {
  const edge = (i: number) => String(Number((i / k).toPrecision(3)));
  return Array.from({ length: k }, (_, i) => `${edge(i)}–${edge(i + 1)}`);
}

/** Component j of each stored vector, NaN where a step has none (a gap in the line). */
export function component(vectors: (number[] | null)[], j: number): number[] {
  return vectors.map((v) => v?.[j] ?? NaN);
}


/**
 * A palette index per statistic, in order of first appearance: every gate that reports a statistic draws
 * its line in the same colour (block 1's and block 2's openness were orange and blue, by panel position,
 * as if they meant different things). Training and validation panels share the map.
 */
export function statColours(series: Pick<GateSeries, 'stat'>[], first = 0): Map<string, number> {
  const colours = new Map<string, number>();
  for (const g of series) if (!colours.has(g.stat)) colours.set(g.stat, first + colours.size);
  return colours;
}

/**
 * One colour scale per heatmap statistic, over every gate that reports it: the smallest and largest
 * stored value of them all. Each heatmap used its own extremes, so one colour meant a 40% share in one
 * block and 90% in the next. A histogram's cells are shares of the samples, 0…1 whatever the run: its
 * scale is that fixed range, so a colour means the same share while the run trains (when the running
 * largest share, 0.53, ended the scale) and after it (when an early step's 100% did). A statistic with a
 * known range (openness 0…1) keeps that range too (GatePanel).
 */
export function sharedHeatScales(series: Pick<GateSeries, 'stat' | 'vectors'>[]): Map<string, [number, number]> {
  const scales = new Map<string, [number, number]>();
  for (const g of series) {
    if (!g.vectors || gateChartKind(g) !== 'heatmap') continue;
    let [lo, hi] = scales.get(g.stat) ?? [Infinity, -Infinity];
    for (const v of g.vectors) if (v) for (const x of v) if (Number.isFinite(x)) { if (x < lo) lo = x; if (x > hi) hi = x; }
    if (/hist/i.test(g.stat)) scales.set(g.stat, [0, 1]);
    else if (lo <= hi) scales.set(g.stat, [lo, hi]);
  }
  return scales;
}

/**
 * Label positions (text baselines) for labels wanted at `ys`, moved apart so no two are closer than `gap`
 * and all stay within [lo, hi]: a one-step stacked column labels each share at its middle, and a share
 * of 3.5e-4 put "expert 2" on top of "expert 3". Order is kept (the stack's order); labels that already
 * clear each other stay where they are. When the labels cannot all fit, they are spread evenly over the range.
 */
export function spreadLabels(ys: number[], gap: number, lo: number, hi: number): number[] {
  const n = ys.length;
  if (!n) return [];
  if ((n - 1) * gap > hi - lo) return ys.map((_, i) => (n === 1 ? (lo + hi) / 2 : lo + (i * (hi - lo)) / (n - 1)));
  // sort by wanted position, push each down past its neighbour above, then pull the block back up from the bottom
  const order = ys.map((y, i) => ({ y: Math.min(hi, Math.max(lo, y)), i })).sort((a, b) => a.y - b.y);
  const out = order.map((o) => o.y);
  for (let j = 1; j < n; j++) out[j] = Math.max(out[j], out[j - 1] + gap);
  if (out[n - 1] > hi) {
    out[n - 1] = hi;
    for (let j = n - 2; j >= 0; j--) out[j] = Math.min(out[j], out[j + 1] - gap);
  }
  const placed = new Array<number>(n);
  order.forEach((o, j) => (placed[o.i] = out[j]));
  return placed;
}
