// Learning-rate schedules, computed outside the graph (the lr is a graph input, one value per step of a
// Loop-K call). Pure so that the UI can draw the same curve the trainer uses.
import type { Schedule } from './config';

/** The learning rate of optimizer step `step` (0-based: the step about to be taken). */
export function learningRate(peak: number, s: Schedule, step: number, totalSteps: number): number {
  if (s.warmupSteps > 0 && step < s.warmupSteps) return (peak * (step + 1)) / s.warmupSteps;
  const after = step - s.warmupSteps;
  switch (s.kind) {
    case 'constant':
      return peak;
    case 'step':
      return peak * s.gamma ** Math.floor(after / s.stepSize);
    case 'cosine': {
      const span = Math.max(1, totalSteps - s.warmupSteps);
      const t = Math.min(1, after / span);
      const floor = peak * s.minFactor;
      return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * t));
    }
  }
}

/** The learning rates of steps [from, from + k). */
export function learningRates(peak: number, s: Schedule, from: number, k: number, totalSteps: number): Float64Array {
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) out[i] = learningRate(peak, s, from + i, totalSteps);
  return out;
}

/** A phrase for error messages: where the schedule stood at `step` ("after lr warmup reached 3e-2"). */
export function describeSchedule(peak: number, s: Schedule, step: number, totalSteps: number): string {
  const lr = sig3(learningRate(peak, s, step, totalSteps));
  if (s.warmupSteps > 0 && step >= s.warmupSteps) return `after lr warmup reached ${fmt(peak)} (lr ${lr} at this step)`;
  if (s.warmupSteps > 0) return `during lr warmup (lr ${lr} of ${fmt(peak)})`;
  return `with lr ${lr}`;
}

/** 3 significant digits: 1.45, 0.0123, 2.5e-5, 1e+9 (not 1.4e+0). */
const sig3 = (v: number) => {
  const t = Number(v.toPrecision(3));
  return t === 0 || (Math.abs(t) >= 1e-2 && Math.abs(t) < 1e4) ? String(t) : t.toExponential();
};
const fmt = (v: number) => v.toExponential(0).replace(/e-0?/, 'e-').replace(/e\+0?/, 'e+');
