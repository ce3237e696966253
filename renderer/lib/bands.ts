// Mean ± std across seeds: which runs are seeds of one config (seedGroups), and their band: the runs of a
// group are aligned on the steps all of them logged, and at each such step the mean and the sample
// standard deviation are taken.
import { groupLabel } from './compare-families';
import { distinguishingSettings } from './compare-summary';
import { settingsOf } from './config-diff';

export interface Band {
  steps: number[];
  mean: number[];
  std: number[];
}

/** What seedGroups needs of a run (RunDetail has it). */
export interface GroupableRun { id: string; name: string; seed: number; template: string; config: Record<string, unknown> }
export interface SeedGroup<R> { key: string; runs: R[]; label: string }

/** JSON with object keys sorted, so two configs that differ only in key order are one config. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/**
 * The runs as seed groups: runs whose configs are equal but for their seed and name (the repeats of one
 * config) pool into one band; every other difference makes its own band. Not the run's group id: a sweep
 * gives all its runs one group id, and a band over lr 0.001, 0.003 and 0.01 averaged three configs and named
 * them as one. Groups come in the order of their first run; each is labelled by its name and the settings
 * that set it apart from the other groups (groupLabel), with how many runs it pools.
 */
export function seedGroups<R extends GroupableRun>(runs: readonly R[], datasetName?: (id: string) => string | undefined): SeedGroup<R>[] {
  const by = new Map<string, R[]>();
  for (const r of runs) {
    // a field the dataset decides (targetScale) sets no config apart: the dataset and split do
    const { name: _name, seed: _seed, ...config } = settingsOf(r.template, r.config);
    const key = canonical({ template: r.template, config });
    by.set(key, [...(by.get(key) ?? []), r]);
  }
  const groups = [...by.entries()];
  const settings = distinguishingSettings(groups.map(([, members]) => members[0]), datasetName, groups.map(([, members]) => members[0].name));
  return groups.map(([key, members], i) => ({ key, runs: members, label: groupLabel(members, settings[i]) }));
}

export function seedBand(series: { steps: ArrayLike<number>; values: ArrayLike<number> }[]): Band {
  if (series.length === 0) return { steps: [], mean: [], std: [] };
  if (sameSteps(series)) return alignedBand(series);
  // Steps are sorted: walk all series together (a merge), keeping the steps every series has. Maps were
  // ~100x slower here (decimated seeds keep different min/max steps, so this path is the common one).
  const k = series.length;
  const at = new Array<number>(k).fill(0);
  const steps: number[] = [];
  const mean: number[] = [];
  const std: number[] = [];
  const vs = new Array<number>(k);
  const first = series[0];
  outer: for (let i = 0; i < first.steps.length; i++) {
    const st = first.steps[i];
    vs[0] = first.values[i];
    for (let j = 1; j < k; j++) {
      const sj = series[j].steps;
      let p = at[j];
      while (p < sj.length && sj[p] < st) p++;
      at[j] = p;
      if (p >= sj.length) break outer;
      if (sj[p] !== st) continue outer;
      vs[j] = series[j].values[p];
    }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += vs[j];
    const mu = sum / k;
    let sq = 0;
    for (let j = 0; j < k; j++) sq += (vs[j] - mu) ** 2;
    steps.push(st);
    mean.push(mu);
    std.push(k > 1 ? Math.sqrt(sq / (k - 1)) : 0);
  }
  return { steps, mean, std };
}

/** Seeds of one config usually log the same steps: then no alignment is needed (fast path). */
function sameSteps(series: { steps: ArrayLike<number> }[]): boolean {
  const first = series[0].steps;
  return series.every((s) => {
    if (s.steps.length !== first.length) return false;
    for (let i = 0; i < first.length; i++) if (s.steps[i] !== first[i]) return false;
    return true;
  });
}

function alignedBand(series: { steps: ArrayLike<number>; values: ArrayLike<number> }[]): Band {
  const n = series[0].steps.length;
  const k = series.length;
  const mean = new Array<number>(n);
  const std = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += series[j].values[i];
    const mu = sum / k;
    let sq = 0;
    for (let j = 0; j < k; j++) sq += (series[j].values[i] - mu) ** 2;
    mean[i] = mu;
    std[i] = k > 1 ? Math.sqrt(sq / (k - 1)) : 0;
  }
  return { steps: Array.from(series[0].steps), mean, std };
}

/** Best (min or max), last and at-step values of one series. */
export function summarize(steps: ArrayLike<number>, values: ArrayLike<number>, lowerIsBetter: boolean, atStep?: number) {
  let best = NaN;
  let bestStep = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(best) || (lowerIsBetter ? v < best : v > best)) {
      best = v;
      bestStep = steps[i];
    }
  }
  let at = NaN;
  if (atStep !== undefined) for (let i = 0; i < steps.length; i++) if (steps[i] <= atStep) at = values[i];
  return { best, bestStep, last: values.length ? values[values.length - 1] : NaN, at };
}

/** Which way a metric improves: one rule for every view and report (common/runs/metric-direction.ts). */
export { lowerIsBetter } from '../../common/runs/metric-direction';
