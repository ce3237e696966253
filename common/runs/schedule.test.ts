import { describe, expect, it } from 'vitest';
import { describeSchedule, learningRate, learningRates } from './schedule';
import { Schedule } from './config';

const s = (x: object) => Schedule.parse(x);

describe('learning-rate schedules', () => {
  it('constant, with a linear warmup from lr/warmup to lr', () => {
    const w = s({ kind: 'constant', warmupSteps: 4 });
    const lrs = learningRates(0.1, w, 0, 6, 100);
    [0.025, 0.05, 0.075, 0.1, 0.1, 0.1].forEach((v, i) => expect(lrs[i]).toBeCloseTo(v, 15));
  });

  it('step decay multiplies by gamma every stepSize steps after the warmup', () => {
    const st = s({ kind: 'step', stepSize: 10, gamma: 0.1 });
    expect(learningRate(1, st, 9, 100)).toBe(1);
    expect(learningRate(1, st, 10, 100)).toBeCloseTo(0.1, 15);
    expect(learningRate(1, st, 25, 100)).toBeCloseTo(0.01, 15);
  });

  it('cosine goes from the peak to minFactor·peak over the steps after warmup (torch CosineAnnealingLR values)', () => {
    const c = s({ kind: 'cosine', minFactor: 0.1 });
    // torch: eta_min + (base - eta_min) * (1 + cos(pi * t / T)) / 2 with base 1, eta_min 0.1, T 100
    expect(learningRate(1, c, 0, 100)).toBeCloseTo(1, 15);
    expect(learningRate(1, c, 50, 100)).toBeCloseTo(0.55, 15);
    expect(learningRate(1, c, 25, 100)).toBeCloseTo(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, 15);
    expect(learningRate(1, c, 100, 100)).toBeCloseTo(0.1, 15);
  });

  it('describes where the schedule stood, for NaN messages', () => {
    expect(describeSchedule(3e-2, s({ warmupSteps: 100 }), 1233, 5000)).toMatch(/^after lr warmup reached 3e-2/);
    expect(describeSchedule(3e-2, s({ warmupSteps: 100 }), 9, 5000)).toMatch(/^during lr warmup/);
    // the lr at the step with 3 significant digits, never "1.4e+0"
    expect(describeSchedule(1.45, s({ warmupSteps: 0 }), 10, 5000)).toBe('with lr 1.45');
    expect(describeSchedule(2.5e-5, s({ warmupSteps: 0 }), 10, 5000)).toBe('with lr 2.5e-5');
  });
});
