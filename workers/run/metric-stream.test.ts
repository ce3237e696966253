// Metrics fed chunk by chunk equal, bit for bit, the metrics of the whole arrays (eval-metrics.ts), for
// each task; a float32 model's predictions and int64 labels go in as they come out of ONNX Runtime.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../engine/nn/random';
import { taskMetrics } from './eval-metrics';
import { MetricStream } from './metric-stream';

const rng = seededRandom(7, 'metric-stream');
const floats = (n: number, f: () => number) => Float32Array.from({ length: n }, f);

/** Feeds [pred, target] in uneven chunks (`per` values of pred per sample). */
function streamed(s: MetricStream, pred: Float32Array, target: ArrayLike<number | bigint> & { subarray(a: number, b: number): ArrayLike<number | bigint> }, per: number, targetPer = per) {
  const n = target.length / targetPer;
  for (let from = 0, size = 1; from < n; from += size, size = size * 2 + 1) {
    const to = Math.min(n, from + size);
    s.add(pred.subarray(from * per, to * per), target.subarray(from * targetPer, to * targetPer));
  }
  return s.result();
}

describe('streamed task metrics', () => {
  it('regression: MSE and MAE summed per chunk equal those of the whole arrays', () => {
    const pred = floats(5000, () => rng.normal()), target = floats(5000, () => rng.normal());
    const whole = taskMetrics('regression', Array.from(pred), Array.from(target));
    expect(streamed(new MetricStream('regression'), pred, target, 10)).toEqual(whole);
    expect(whole.mse).toBeGreaterThan(1.5); // two independent unit normals: 2 in expectation
  });

  it('binary: AUC, logloss, accuracy and F1 from typed buffers equal those of number arrays', () => {
    const label = floats(3000, () => (rng.uniform() < 0.3 ? 1 : 0));
    const logit = Float32Array.from(label, (y) => rng.normal() + (y ? 1 : -0.5));
    const whole = taskMetrics('binary', Array.from(logit), Array.from(label));
    const got = streamed(new MetricStream('binary'), logit, label, 1);
    expect(got).toEqual(whole);
    expect(got.auc).toBeGreaterThan(0.75);
  });

  it('multiclass: int64 labels and [n, C] logits give the same accuracy, F1 and one-vs-rest AUC', () => {
    const n = 1200, classes = 4;
    const label = BigInt64Array.from({ length: n }, () => BigInt(rng.int(classes)));
    const logits = floats(n * classes, () => rng.normal());
    for (let i = 0; i < n; i++) logits[i * classes + Number(label[i])] += 1;
    const whole = taskMetrics('multiclass', Array.from(logits), Array.from(label, Number), classes);
    expect(streamed(new MetricStream('multiclass', classes), logits, label, classes, 1)).toEqual(whole);
  });

  it('refuses a chunk whose forecast and target differ in size, saying so', () => {
    expect(() => new MetricStream('regression').add(new Float32Array(4), new Float32Array(3))).toThrow(/4 predictions for 3 targets/);
  });
});
