// Mean ± std across seeds: the runs of a group are aligned on the steps all of them logged, and at
// each such step the mean and the sample standard deviation are taken.
export interface Band {
  steps: number[];
  mean: number[];
  std: number[];
}

export function seedBand(series: { steps: ArrayLike<number>; values: ArrayLike<number> }[]): Band {
  if (series.length === 0) return { steps: [], mean: [], std: [] };
  const maps = series.map((s) => {
    const m = new Map<number, number>();
    for (let i = 0; i < s.steps.length; i++) m.set(s.steps[i], s.values[i]);
    return m;
  });
  const steps = Array.from(series[0].steps).filter((st) => maps.every((m) => m.has(st)));
  const mean: number[] = [];
  const std: number[] = [];
  for (const st of steps) {
    const vs = maps.map((m) => m.get(st)!);
    const mu = vs.reduce((a, b) => a + b, 0) / vs.length;
    const variance = vs.length > 1 ? vs.reduce((a, b) => a + (b - mu) ** 2, 0) / (vs.length - 1) : 0;
    mean.push(mu);
    std.push(Math.sqrt(variance));
  }
  return { steps, mean, std };
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
