// Samples per evaluation chunk, from what a chunk costs in memory: its input batch plus the forward pass's
// intermediate tensors, which ONNX Runtime holds in its arena (and the arena keeps its peak for the
// session's life). A budget on the input alone (160 MB) let a wide file's evaluation grow the trainer to
// 1.28 GB (36 MB CSV of 6,000 rows × 800 channels, DLinear at lookback 48) and 2.53 GB at lookback 192:
// DLinear's forward holds ~8× its input in intermediates (series decomposition, transposes, two maps).
// Now the input and the intermediates of one chunk share EVAL_CHUNK_BYTES.
import { topologicalOrder } from '../../engine/ir/graph';
import { namedParams } from '../../engine/nn/params';
import { input } from '../../engine/ops/builders';
import { specDtype, type ModelDefinition } from '../../engine/train/model';
import { chunkOf } from './run-data';

/** Input + forward intermediates of one evaluation chunk. */
export const EVAL_CHUNK_BYTES = 128 << 20;
/** Most samples per chunk (small models: the chunk count stays small, the metrics are streamed anyway). */
export const EVAL_CHUNK_MAX = 4096;

const perSample = new WeakMap<ModelDefinition, number>();

/** Values of every tensor the forward pass makes at batch `b` (parameters are inputs here, not counted). */
function forwardValues(def: ModelDefinition, b: number): number {
  const bound = namedParams('float32');
  const inputs = Object.fromEntries(Object.entries(def.inputs).map(([name, spec]) => [name, input(name, specDtype(spec, 'float32'), [b, ...spec.shape])]));
  const out = def.forward(bound.ctx, inputs);
  const { nodes } = topologicalOrder([...Object.values(out.predictions), ...Object.values(out.stats ?? {})]);
  let n = 0;
  for (const node of nodes) for (const t of node.outputs) n += t.shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
  return n;
}

/**
 * Values one more sample adds to the forward's tensors: all node outputs at batch 2 minus batch 1, so
 * tensors that do not grow with the batch (a reshaped weight, a mask) are not counted per sample. An upper
 * bound on what lives at once: ONNX Runtime frees an intermediate after its last use.
 */
export function activationValuesPerSample(def: ModelDefinition): number {
  const known = perSample.get(def);
  if (known !== undefined) return known;
  const n = Math.max(0, forwardValues(def, 2) - forwardValues(def, 1));
  perSample.set(def, n);
  return n;
}

/** Samples per chunk: `inputBytes` per sample (the batch's tensors) plus its activations fit EVAL_CHUNK_BYTES. */
export function evalChunkRows(def: ModelDefinition, inputBytes: number, dtype: 'float32' | 'float64', budget = EVAL_CHUNK_BYTES): number {
  return chunkOf(inputBytes + activationValuesPerSample(def) * (dtype === 'float64' ? 8 : 4), budget, EVAL_CHUNK_MAX);
}
