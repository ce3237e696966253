// How a parameter starts. An init is data (so a model config can name it), turned into numbers by a
// seeded stream per parameter name.
import { seededRandom } from './random';

export type Init =
  | { kind: 'zeros' }
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; bound: number }
  | { kind: 'normal'; std: number; mean?: number };

export const init = {
  zeros: (): Init => ({ kind: 'zeros' }),
  ones: (): Init => ({ kind: 'constant', value: 1 }),
  constant: (value: number): Init => ({ kind: 'constant', value }),
  uniform: (bound: number): Init => ({ kind: 'uniform', bound }),
  normal: (std: number, mean = 0): Init => ({ kind: 'normal', std, mean }),
  /** PyTorch's nn.Linear default for weights and biases: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
  torchLinear: (fanIn: number): Init => ({ kind: 'uniform', bound: 1 / Math.sqrt(fanIn) }),
  /** Glorot/Xavier uniform: keeps activation variance across a tanh/sigmoid layer. */
  xavierUniform: (fanIn: number, fanOut: number): Init => ({ kind: 'uniform', bound: Math.sqrt(6 / (fanIn + fanOut)) }),
};

/** Fills `out` (a parameter's slice of the flat buffer) from its init, with a stream named after the parameter. */
export function fillInit(out: Float32Array | Float64Array, spec: Init, seed: number, name: string): void {
  switch (spec.kind) {
    case 'zeros':
      out.fill(0);
      return;
    case 'constant':
      out.fill(spec.value);
      return;
    case 'uniform': {
      const rng = seededRandom(seed, name);
      for (let i = 0; i < out.length; i++) out[i] = (rng.uniform() * 2 - 1) * spec.bound;
      return;
    }
    case 'normal': {
      const rng = seededRandom(seed, name);
      for (let i = 0; i < out.length; i++) out[i] = (spec.mean ?? 0) + spec.std * rng.normal();
      return;
    }
  }
}
