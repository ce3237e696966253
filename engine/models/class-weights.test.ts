// Every classification template weighs its loss by class when a run asks (loss.classWeights): the eval
// graph's loss with weights minus without equals, by hand from the same graph's logits, the weighted minus
// the unweighted cross-entropy of the classification term (auxiliary and rating losses cancel). A
// forecaster, which has no classes, is refused.
import { describe, expect, it } from 'vitest';
import { TEMPLATES, defaultModelConfig, type TemplateId } from '../../common/models';
import { seededRandom } from '../nn/random';
import { compileTraining } from '../train/compile';
import { withClassWeights, type ModelDefinition } from '../train/model';
import { gatedModel } from '../train/gated-model';
import { GraphRunner, type Value } from '../../workers/testing/run-graph';
import { SMALL } from './fixtures/small-configs';
import { buildModel } from './index';

const B = 9;

/** Float64 inputs, ids below each field's vocabulary, 0/1 labels or class ids below `classes`. */
function batchFor(def: ModelDefinition, fields: number[] | undefined, classes: number, seed: number): Record<string, Value> {
  const rng = seededRandom(seed, 'class-weights');
  const out: Record<string, Value> = {};
  for (const [name, spec] of Object.entries({ ...def.inputs, ...def.targets })) {
    const dims = [B, ...spec.shape];
    const n = dims.reduce((a, b) => a * b, 1);
    if (spec.dtype === 'int64') out[name] = { data: BigInt64Array.from({ length: n }, (_, i) => BigInt(rng.int(name === 'fields' && fields ? fields[i % fields.length] : classes))), dims };
    else if (name === 'label' || name === 'y') out[name] = { data: Float64Array.from({ length: n }, (_, i) => i % 3 === 0 ? 1 : 0), dims };
    else out[name] = { data: Float64Array.from({ length: n }, () => rng.normal()), dims };
  }
  return out;
}

async function evalRun(def: ModelDefinition, batch: Record<string, Value>) {
  const compiled = compileTraining(def, { dtype: 'float64', optimizer: { kind: 'adamw', weightDecay: 0 } });
  const params = compiled.initialParams(5);
  const runner = await GraphRunner.load(compiled.graph('eval'));
  try {
    const feeds: Record<string, Value> = { params: { data: params, dims: [params.length] }, ...batch };
    if (compiled.evalTakesStep) feeds.step = { data: Float64Array.of(0), dims: [] };
    return await runner.run(feeds);
  } finally {
    await runner.release();
  }
}

/** Mean over samples of w[y]·CE and of CE, from logits by hand (binary: one logit per sample). */
function handLosses(logits: ArrayLike<number>, labels: ArrayLike<number | bigint>, weights: readonly number[], binary: boolean) {
  let weighted = 0, plain = 0;
  const n = labels.length;
  const C = logits.length / n;
  for (let i = 0; i < n; i++) {
    let ce: number, y: number;
    if (binary) {
      const z = logits[i];
      y = Number(labels[i]);
      ce = Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    } else {
      const z = Array.from({ length: C }, (_, c) => logits[i * C + c]);
      y = Number(labels[i]);
      const m = Math.max(...z);
      ce = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) - z[y];
    }
    weighted += weights[y] * ce;
    plain += ce;
  }
  return { weighted: weighted / n, plain: plain / n };
}

const cases: { id: TemplateId; family: string; classes: number }[] = TEMPLATES.filter((t) => t.family !== 'forecasting').flatMap((t) =>
  (t.family === 'fusion' ? [1, 3] : [1]).map((classes) => ({ id: t.id, family: t.family, classes })));

describe('class weights reach every classification template\'s loss', () => {
  for (const { id, family, classes } of cases) {
    it(`${id} (${classes === 1 ? 'binary' : `${classes} classes`})`, async () => {
      const config = { ...SMALL[id], ...(classes > 1 ? { classes } : id === 'moe-fusion' ? { classes: 1 } : {}), template: id };
      const def = buildModel(config);
      const weights = classes === 1 ? [0.6, 2.5] : [2, 0.4, 1.3];
      const batch = batchFor(def, (defaultModelConfig(id, config) as { fields?: number[] }).fields, classes, 1);
      const plain = await evalRun(def, batch);
      const weighted = await evalRun(withClassWeights(def, weights), batch);
      const label = batch.label.data as ArrayLike<number | bigint>;
      // the head (and, for early exit, each exit with its deep-supervision weight) by hand
      const full = defaultModelConfig(id, config) as { blocks?: number; exitWeights?: number[]; gate?: { exitLossWeight?: number } };
      const heads = id === 'early-exit-mlp'
        ? Array.from({ length: full.blocks! }, (_, k) => ({ logits: `exit${k}`, weight: (full.exitWeights![k] ?? 1) * (k < full.blocks! - 1 ? full.gate!.exitLossWeight! : 1) }))
        : [{ logits: family === 'recsys' ? 'logit' : 'logits', weight: 1 }];
      let expected = 0;
      for (const h of heads) {
        const hand = handLosses(plain[h.logits].data as Float64Array, label, weights, classes === 1);
        expected += h.weight * (hand.weighted - hand.plain);
      }
      const got = Number(weighted.loss.data[0]) - Number(plain.loss.data[0]);
      expect(Math.abs(expected)).toBeGreaterThan(1e-3); // the weights change the loss
      expect(got).toBeCloseTo(expected, 10);
      // predictions are the model's: weights change only what training minimizes
      expect(Array.from(weighted[heads[0].logits].data as Float64Array)).toEqual(Array.from(plain[heads[0].logits].data as Float64Array));
    });
  }

  it('the demo model too, and a forecaster is refused', async () => {
    const demo = gatedModel({ inputs: 4, hidden: 6, experts: 2, expertHidden: 3 });
    const batch = batchFor(demo, undefined, 1, 2);
    const plain = await evalRun(demo, batch);
    const weighted = await evalRun(withClassWeights(demo, [0.5, 3]), batch);
    const hand = handLosses(plain.logit.data as Float64Array, batch.y.data as Float64Array, [0.5, 3], true);
    expect(Number(weighted.loss.data[0]) - Number(plain.loss.data[0])).toBeCloseTo(hand.weighted - hand.plain, 10);
    expect(() => withClassWeights(buildModel({ ...SMALL.dlinear, template: 'dlinear' }), [1, 2]))
      .toThrow(/model 'dlinear' has no classification loss to weigh by class: class weights apply to click and fusion templates/);
  });
});
