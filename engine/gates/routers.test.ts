// "Tokens dropped by capacity" is one of the statistics a run stores on every step and eval: the trainer
// stores exactly the statistics the compiled graphs declare (discovered from the eval forward), so a
// capacity-limited router must declare `router.dropped` there too, with the share of its batch's routed
// tokens over capacity (here by hand: every token goes to one expert).
import { describe, expect, it } from 'vitest';
import { buildModel } from '../models';
import { compileTraining } from '../train/compile';
import { GraphRunner } from '../../workers/testing/run-graph';

const moe = (capacityFactor?: number) => ({
  template: 'moe-dnn', fields: [5, 7], numeric: 1, embeddingDim: 4, expertHidden: [8],
  router: { kind: 'topk-router', experts: 4, k: 1, noisy: false, ...(capacityFactor ? { capacityFactor } : {}) },
});

describe('tokens dropped by capacity', () => {
  it('is a statistic of the train and eval graphs of a moe-dnn with a capacity factor (and only then)', () => {
    const c = compileTraining(buildModel(moe(1.25)), { dtype: 'float32', optimizer: { kind: 'adam' } });
    expect(c.statNames).toContain('router.dropped');
    const none = compileTraining(buildModel(moe()), { dtype: 'float32', optimizer: { kind: 'adam' } });
    expect(none.statNames).not.toContain('router.dropped');
  });

  it('in eval it is the share of the batch beyond capacity, and the predictions do not depend on it', async () => {
    const c = compileTraining(buildModel(moe(1)), { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const ev = await GraphRunner.load(c.graph('eval'));
    const params = c.initialParams(3);
    const B = 16;
    // identical rows: the router sends all 16 to the same expert, whose capacity is 1·1·16/4 = 4 → 12 dropped
    const batch = {
      params: { data: params, dims: [params.length] },
      fields: { data: new BigInt64Array(B * 2).fill(1n), dims: [B, 2] },
      numeric: { data: new Float32Array(B).fill(0.5), dims: [B, 1] },
      label: { data: new Float32Array(B).fill(1), dims: [B, 1] },
    };
    const out = await ev.run(batch);
    await ev.release();
    expect(out['stats.router.dropped'].data[0]).toBeCloseTo(12 / 16, 6);
    const logits = Array.from(out.logit.data as Float32Array);
    expect(new Set(logits).size).toBe(1); // every row kept its expert: same input, same prediction
    expect(Number.isFinite(logits[0])).toBe(true);
  });
});
