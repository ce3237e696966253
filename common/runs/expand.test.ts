import { describe, expect, it } from 'vitest';
import { ablateGate, expandExperiment, gridPoints, randomPoints, setPath } from './expand';
import { parseRunConfig } from './config';
import { parseNewRunConfig } from './new-run-config';

describe('sweep and seed expansion', () => {
  it('a grid sweep is the cartesian product, last key fastest, each point repeated over the seeds', () => {
    const runs = expandExperiment({
      name: 'lr x k',
      config: { seed: 10, optimizer: { lr: 1 }, model: { template: 'moe-dnn', router: { k: 1 } } },
      seeds: 2,
      sweep: { kind: 'grid', params: { 'optimizer.lr': [1e-3, 1e-2], 'model.router.k': [1, 2, 4] } },
    });
    expect(runs).toHaveLength(2 * 3 * 2);
    expect(runs.map((r) => [r.point['optimizer.lr'], r.point['model.router.k'], r.seed])).toEqual([
      [1e-3, 1, 10], [1e-3, 1, 11], [1e-3, 2, 10], [1e-3, 2, 11], [1e-3, 4, 10], [1e-3, 4, 11],
      [1e-2, 1, 10], [1e-2, 1, 11], [1e-2, 2, 10], [1e-2, 2, 11], [1e-2, 4, 10], [1e-2, 4, 11],
    ]);
    const r = runs[7];
    expect(r.config).toMatchObject({ seed: 11, optimizer: { lr: 1e-2 }, model: { template: 'moe-dnn', router: { k: 1 } } });
    expect(r.name).toBe('lr x k · lr=0.01 · k=1 seed=11');
    // The base config is not mutated by the expansion.
    expect(runs[0].config).toMatchObject({ optimizer: { lr: 1e-3 } });
  });

  it('names each run by the values that set its point apart, worded as a --set run: at most 3, then "+N more"', () => {
    const names = (params: Record<string, unknown[]>, o: { seeds?: number; name?: string } = {}) =>
      expandExperiment({ name: o.name ?? 'dlinear on grid', config: {}, seeds: o.seeds ?? 1, sweep: { kind: 'grid', params } }).map((r) => r.name);
    // a key with one value is the same in every run: it names none of them apart
    expect(names({ 'optimizer.lr': [0.01, 0.003], epochs: [2] })).toEqual(['dlinear on grid · lr=0.01', 'dlinear on grid · lr=0.003']);
    expect(names({ a: [1, 2], b: [3, 4], c: [5, 6], d: [7, 8] })[0]).toBe('dlinear on grid · a=1 · b=3 · c=5 · +1 more');
    // two swept keys ending alike keep their paths; a long value is cut; the seed stays last, apart
    expect(names({ 'model.gate1.enabled': [true, false], 'model.gate2.enabled': [true, false] })[1]).toBe('dlinear on grid · model.gate1.enabled=true · model.gate2.enabled=false');
    expect(names({ fields: [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1]] })[0]).toBe('dlinear on grid · fields=[1,2,3,4,5,6,7,8,9,10,1…');
    expect(names({ lr: [0.1, 0.2] }, { seeds: 2 })).toEqual(['dlinear on grid · lr=0.1 seed=1', 'dlinear on grid · lr=0.1 seed=2', 'dlinear on grid · lr=0.2 seed=1', 'dlinear on grid · lr=0.2 seed=2']);
    // one point: nothing sets it apart, the name is the experiment's
    expect(names({ lr: [0.1] })).toEqual(['dlinear on grid']);
  });

  it('seeds alone give N runs with consecutive seeds; the default base seed is 1', () => {
    const runs = expandExperiment({ config: {}, seeds: 3 });
    expect(runs.map((r) => r.seed)).toEqual([1, 2, 3]);
    expect(new Set(runs.map((r) => r.name)).size).toBe(3);
    for (const r of runs) expect(parseRunConfig(r.config).seed).toBe(r.seed);
  });

  it('a random sweep draws distinct points from the grid, reproducibly for its seed', () => {
    const params = { a: [1, 2, 3, 4], b: ['x', 'y', 'z'] };
    const p1 = randomPoints(params, 5, 42);
    expect(p1).toHaveLength(5);
    expect(new Set(p1.map((p) => JSON.stringify(p))).size).toBe(5);
    expect(randomPoints(params, 5, 42)).toEqual(p1);
    expect(randomPoints(params, 5, 43)).not.toEqual(p1);
    expect(randomPoints(params, 100, 1)).toHaveLength(12); // never more than the grid
    expect(gridPoints(params)).toHaveLength(12);
  });

  it('setPath creates intermediate objects and refuses to walk through a scalar', () => {
    expect(setPath({}, 'model.gate.kind', 'glu')).toEqual({ model: { gate: { kind: 'glu' } } });
    expect(() => setPath({ model: 3 }, 'model.gate', 1)).toThrow(/'model' is 3, not an object/);
  });

  it('ablate gate G: the gate as configured, off, and each other kind, over the seeds', () => {
    const runs = ablateGate({ name: 'abl', config: { model: { template: 'tsmixer-gated', gate: { kind: 'sigmoid', scale: 2 } } }, seeds: 2 }, 'gate', ['glu']);
    expect(runs).toHaveLength(3 * 2);
    const gates = runs.map((r) => (r.config.model as { gate: unknown }).gate);
    expect(gates[0]).toEqual({ kind: 'sigmoid', scale: 2 });
    expect(gates[2]).toEqual({ kind: 'sigmoid', scale: 2, enabled: false });
    expect(gates[4]).toEqual({ kind: 'glu', scale: 2, enabled: true });
    expect(runs.map((r) => r.name)).toEqual([
      'abl gate as configured seed=1', 'abl gate as configured seed=2', 'abl gate off seed=1', 'abl gate off seed=2', 'abl gate kind=glu seed=1', 'abl gate kind=glu seed=2',
    ]);
  });

  it('an invalid experiment is refused with the field named', () => {
    expect(() => expandExperiment({ config: {}, seeds: 0 })).toThrow(/seeds/);
    expect(() => parseRunConfig({ optimizer: { lr: -1 } })).toThrow(/optimizer\.lr/);
  });

  it("a sweep file's config and sweep keys are read as --set reads them: lr, batch_size, model fields", () => {
    const runs = expandExperiment({
      name: 'spelt',
      config: { lr: 1e-3, 'weight-decay': 0.1, epochs: 1, model: { template: 'moe-forecaster' }, lookback: 48 },
      sweep: { kind: 'grid', params: { batch_size: [32, 64], experts: [2], optimizer: ['sgd'] } },
    });
    expect(runs.map((r) => r.config)).toEqual([32, 64].map((batchSize) => ({
      optimizer: { lr: 1e-3, weightDecay: 0.1, kind: 'sgd' }, epochs: 1, batchSize,
      model: { template: 'moe-forecaster', lookback: 48, experts: 2 }, seed: 1, name: `spelt · batch_size=${batchSize}`,
    })));
    // the point and the run's name keep the file's words
    expect(runs[0].point).toEqual({ batch_size: 32, experts: 2, optimizer: 'sgd' });
    expect(parseNewRunConfig({ ...runs[0].config, model: { template: 'moe-forecaster', lookback: 48 } })).toMatchObject({ batchSize: 32, optimizer: { kind: 'sgd', lr: 1e-3, weightDecay: 0.1 } });
  });

  it('an unknown sweep key gets the suggestion --set gives it (the field elsewhere in the template, a run field)', () => {
    const refusal = (params: Record<string, unknown[]>) => {
      const [run] = expandExperiment({ config: { model: { template: 'moe-forecaster' } }, sweep: { kind: 'grid', params } });
      try {
        parseNewRunConfig(run.config);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refusal({ experts: [4] })).toMatch(/'model\.experts' \(template moe-forecaster has no field 'experts'; did you mean 'router\.experts'\?\)/);
    expect(refusal({ epoch: [3] })).toMatch(/did you mean 'epochs'\?/);
    expect(refusal({ 'router.experts': [4] })).toBe('accepted');
  });
});
