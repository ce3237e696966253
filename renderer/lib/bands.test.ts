import { describe, expect, it } from 'vitest';
import { seedBand, seedGroups, summarize } from './bands';
import { lowerIsBetter } from '../../common/runs/metric-direction';

describe('mean ± std across seeds', () => {
  it('aligns on common steps and uses the sample std', () => {
    const band = seedBand([
      { steps: [0, 1, 2], values: [1, 2, 3] },
      { steps: [0, 2, 4], values: [3, 4, 5] },
    ]);
    expect(band.steps).toEqual([0, 2]);
    expect(band.mean).toEqual([2, 3.5]);
    expect(band.std[0]).toBeCloseTo(Math.SQRT2, 12); // values 1 and 3: sample variance 2
    expect(band.std[1]).toBeCloseTo(Math.sqrt(0.5), 12);
  });

  it('computes the band directly when seeds share steps, and aligns them when they do not', () => {
    const a = { steps: [0, 1, 2], values: [1, 2, 4] };
    const b = { steps: [0, 1, 2], values: [3, 2, 0] };
    const fast = seedBand([a, b]);
    expect(fast).toEqual({ steps: [0, 1, 2], mean: [2, 2, 2], std: [Math.SQRT2, 0, 2 * Math.SQRT2] });
    const mixed = seedBand([a, { steps: [0, 2], values: [5, 6] }]);
    expect(mixed).toEqual({ steps: [0, 2], mean: [3, 5], std: [2 * Math.SQRT2, Math.SQRT2] });
  });

  it('summarizes best/last/at-step with the metric’s direction', () => {
    expect(summarize([0, 1, 2, 3], [0.9, 0.5, 0.7, 0.6], true, 2)).toEqual({ best: 0.5, bestStep: 1, last: 0.6, at: 0.7 });
    expect(summarize([0, 1], [0.6, 0.8], lowerIsBetter('val.auc'))).toMatchObject({ best: 0.8, bestStep: 1 });
    expect(lowerIsBetter('train.loss')).toBe(true);
  });
});

describe('seed groups: the repeats of one config, not a sweep’s group id', () => {
  // a grid sweep as `gatelab sweep` stores it: lr × lookback, 2 seeds each, every run in one group id;
  // each run's config carries its own name and seed
  const lrs = [0.001, 0.01], lookbacks = [96, 192];
  const sweep = lrs.flatMap((lr) => lookbacks.flatMap((lookback) => [1, 2].map((seed) => ({ lr, lookback, seed }))))
    .map((p, i) => {
      const name = `dlinear sweep lr=${p.lr} lookback=${p.lookback} seed=${p.seed}`;
      return { id: String(19 + i), name, seed: p.seed, template: 'dlinear', group: 'gmx3q382pai',
        config: { name, seed: p.seed, model: { template: 'dlinear', lookback: p.lookback }, optimizer: { kind: 'adamw', lr: p.lr }, data: { datasetId: 1 } } };
    });

  it('makes one band per sweep point, labelled by its point and its seeds', () => {
    const groups = seedGroups(sweep);
    expect(groups.map((g) => g.runs.map((r) => r.id))).toEqual([['19', '20'], ['21', '22'], ['23', '24'], ['25', '26']]);
    expect(groups.map((g) => g.label)).toEqual([
      '#19,#20 · dlinear sweep lr=0.001 lookback=96 (2 seeds)', '#21,#22 · dlinear sweep lr=0.001 lookback=192 (2 seeds)',
      '#23,#24 · dlinear sweep lr=0.01 lookback=96 (2 seeds)', '#25,#26 · dlinear sweep lr=0.01 lookback=192 (2 seeds)']);
  });

  it('averages only the seeds of one config: the band of lr=0.01 lookback=192 is the mean and std of its two runs', () => {
    // each run's curve: a value per run id, so a band over the wrong runs shows in its numbers
    const curve = (id: string) => ({ steps: [10, 20], values: [Number(id), Number(id) / 10] });
    const group = seedGroups(sweep).find((g) => g.label.includes('lr=0.01 lookback=192'))!;
    const band = seedBand(group.runs.map((r) => curve(r.id)));
    expect(band.mean).toEqual([25.5, 2.55]);
    expect(band.std[0]).toBeCloseTo(Math.SQRT1_2, 12); // 25 and 26: sample variance 0.5
    expect(band.std[1]).toBeCloseTo(Math.SQRT1_2 / 10, 12);
  });

  it('names what its name does not say, and counts runs that repeat a seed as runs', () => {
    // two starts of one name with different lr (the name says nothing of it), and a repeat of seed 1
    const run = (id: string, seed: number, lr: number) => ({ id, name: `gmu on reviews seed=${seed}`, seed, template: 'gmu', config: { seed, optimizer: { lr }, model: { template: 'gmu' } } });
    const groups = seedGroups([run('4', 1, 0.001), run('5', 2, 0.001), run('6', 1, 0.001), run('8', 1, 0.003), run('9', 2, 0.003)]);
    expect(groups.map((g) => g.label)).toEqual(['#4–#6 · gmu on reviews · Optimizer learning rate = 0.001 (3 runs, 2 seeds)', '#8,#9 · gmu on reviews · Optimizer learning rate = 0.003 (2 seeds)']);
    // key order in a stored config does not split a config in two
    const a = { id: '1', name: 'x', seed: 1, template: 'gmu', config: { model: { a: 1, b: 2 }, seed: 1 } };
    const b = { id: '2', name: 'x', seed: 2, template: 'gmu', config: { seed: 2, model: { b: 2, a: 1 } } };
    expect(seedGroups([a, b]).map((g) => g.runs.length)).toEqual([2]);
    // a lone run of its config is named as everywhere else
    expect(seedGroups([a, { ...b, config: { model: { a: 3, b: 2 } } }]).map((g) => g.label)).toEqual(['#1 · s1 · x', '#2 · s2 · x']);
  });
});
