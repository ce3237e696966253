// What a knockout puts in place of a gate's value. The replacement keeps the value's shape (it is built
// from the value times 0, so batch dimensions follow the input) and has no parameters.
import type { Intervention } from '../../common/analytics';
import type { Tensor } from '../ir/tensor';
import { add, cast, constant, div, equal, mul, reduceMax, reduceSum } from '../ops/builders';

export type FloatArray = Float32Array | Float64Array;

const last = (t: Tensor) => t.shape[t.rank - 1];

export function replaceGateValue(value: Tensor, i: Intervention, mean?: FloatArray): Tensor {
  const zero = mul(value, 0);
  const E = last(value);
  switch (i.mode) {
    case 'open':
      return add(zero, 1);
    case 'closed':
      return zero;
    case 'uniform':
      if (typeof E !== 'number') throw new Error(`knockout '${i.gate} uniform': the gate's last axis has no fixed size (${E})`);
      return add(zero, 1 / E);
    case 'single': {
      if (typeof E !== 'number' || i.expert === undefined || i.expert >= E) {
        throw new Error(`knockout '${i.gate} single': expert ${i.expert} does not exist (the gate has ${E} experts, numbered from 0)`);
      }
      const oneHot = Array.from({ length: E }, (_, e) => (e === i.expert ? 1 : 0));
      return add(zero, constant(value.dtype === 'float64' ? Float64Array.from(oneHot) : Float32Array.from(oneHot), value.dtype, [E]));
    }
    case 'top1': {
      // weight 1 on each token's largest expert (split evenly on exact ties) instead of its top-k mixture
      const mask = cast(equal(value, reduceMax(value, [-1], true)), value.dtype);
      return div(mask, reduceSum(mask, [-1], true));
    }
    case 'mean': {
      const shape = value.shape.slice(1);
      if (!mean || !shape.every((d) => typeof d === 'number')) {
        throw new Error(`knockout '${i.gate} mean': needs the gate's training mean per unit (shape [${shape.join(', ')}])`);
      }
      const size = (shape as number[]).reduce((a, b) => a * b, 1);
      if (mean.length !== size) throw new Error(`knockout '${i.gate} mean': ${mean.length} mean values for a gate of ${size} units per sample`);
      const data = value.dtype === 'float64' ? Float64Array.from(mean) : Float32Array.from(mean);
      return add(zero, constant(data, value.dtype, shape as number[]));
    }
  }
}
