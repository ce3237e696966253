// The three flagship models at the sizes and batch sizes of their accuracy runs, with synthetic
// batches of the real shapes (values do not change the speed of a dense graph; ids stay in vocabulary).
// Shared by `npm run bench:engine` and bench/torch_flagships.py (which builds the same models from
// `torch` below: same layer sizes, its own random initial weights).
import { buildModel } from '../engine/models/index';
import type { ModelDefinition } from '../engine/train/model';
import type { OptimizerSpec } from '../engine/train/optimizers';
import type { HostTensor } from '../workers/train-session';

export interface Flagship {
  name: 'tsmixer' | 'finalmlp' | 'gmu';
  /** What the accuracy table trains (bench/accuracy/cases.ts), with the data-shaped fields filled in. */
  model: Record<string, unknown> & { template: string };
  batch: number;
  optimizer: OptimizerSpec;
  /** Training rows of the real dataset: one epoch is floor(rows / batch) steps. */
  trainRows: number;
  /** The sizes the PyTorch peer needs to build the same model. */
  torch: Record<string, unknown>;
}

const FIELDS = [944, 1640, 8, 3, 22, 112]; // MovieLens-100k u1: user, item, age bucket, gender, occupation, zip prefix
export const FLAGSHIPS: Flagship[] = [
  {
    name: 'tsmixer', batch: 32, trainRows: 8033, optimizer: { kind: 'adam', weightDecay: 0 },
    model: { template: 'tsmixer-gated', ffDim: 64, blocks: 2, dropout: 0.9, norm: 'time-feature', channels: 7, lookback: 512, horizon: 96 },
    torch: { lookback: 512, horizon: 96, channels: 7, ff: 64, blocks: 2, dropout: 0.9 },
  },
  {
    name: 'finalmlp', batch: 256, trainRows: 72000, optimizer: { kind: 'adamw', weightDecay: 0 },
    model: { template: 'finalmlp', embeddingDim: 16, fields: FIELDS, numeric: 20 },
    torch: { fields: FIELDS, numeric: 20, dim: 16, stream1: [400, 400, 400], stream2: [800], heads: 2, dropout: 0.1 },
  },
  {
    name: 'gmu', batch: 128, trainRows: 18789, optimizer: { kind: 'adamw', weightDecay: 1e-4 },
    model: { template: 'gmu', modalities: [{ name: 'text', dim: 8192 }, { name: 'tabular', dim: 34 }], classes: 1 },
    torch: { text: 8192, tabular: 34, gmuHidden: 64, hidden: [64], dropout: 0.1 },
  },
];

export const flagshipModel = (f: Flagship): ModelDefinition => buildModel(f.model as never);

/** A small seeded generator (mulberry32): both runs of a benchmark see the same batches. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * K steps of batches [K, B, ...] for every input and target of the model: categorical ids uniform in
 * each field's vocabulary, hashed n-gram counts sparse (≈ 2% non-zero, as review text), labels 0/1,
 * other floats standard-ish normal.
 */
export function flagshipBatches(f: Flagship, def: ModelDefinition, k: number, seed = 1): Record<string, HostTensor> {
  const rnd = random(seed);
  const out: Record<string, HostTensor> = {};
  for (const [name, spec] of Object.entries({ ...def.inputs, ...def.targets })) {
    const shape = spec.shape as number[];
    const width = shape.reduce((a, b) => a * b, 1);
    const n = k * f.batch * width;
    const dims = [k, f.batch, ...shape];
    if (spec.dtype === 'int64') {
      const vocab = (f.model.fields as number[] | undefined) ?? [];
      out[name] = { data: BigInt64Array.from({ length: n }, (_, i) => BigInt(Math.floor(rnd() * (vocab[i % width] ?? 2)))), dims };
    } else if (name === 'label') {
      out[name] = { data: Float32Array.from({ length: n }, () => (rnd() < 0.5 ? 1 : 0)), dims };
    } else if (name === 'm_text') {
      out[name] = { data: Float32Array.from({ length: n }, () => (rnd() < 0.02 ? 1 : 0)), dims };
    } else {
      out[name] = { data: Float32Array.from({ length: n }, () => (rnd() + rnd() + rnd() - 1.5) * 2), dims };
    }
  }
  return out;
}

/** One step's slice [B, ...] of K-step batches (for the eval graph). */
export function firstStep(batches: Record<string, HostTensor>): Record<string, HostTensor> {
  return Object.fromEntries(Object.entries(batches).map(([n, t]) => {
    const per = t.data.length / t.dims[0];
    return [n, { data: t.data.subarray(0, per), dims: t.dims.slice(1) }];
  }));
}
