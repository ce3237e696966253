// Mean ± std across seeds: the runs of a group are aligned on the steps all of them logged, and at
// each such step the mean and the sample standard deviation are taken.
export interface Band {
  steps: number[];
  mean: number[];
  std: number[];
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

/** Metric names where lower is better (losses, errors); everything else (AUC, accuracy) higher. */
export const lowerIsBetter = (name: string): boolean => /loss|mse|mae|rmse|error|perplexity/i.test(name);
