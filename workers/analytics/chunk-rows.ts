// Rows per analytics chunk from the model's largest per-sample tensor: ONNX Runtime holds a chunk's
// activations in its arena, and the widest one of a long-window model is large (tft-lite at lookback 336:
// the selection's per-variable GRN is [336, 7, 32] = 75k values per window, 616 MB as float32 for 2,048
// windows, several of them alive at once). A chunk keeps that tensor near CHUNK_VALUES.
import { topologicalOrder } from '../../engine/ir/graph';
import type { Tensor } from '../../engine/ir/tensor';
import { namedParams } from '../../engine/nn/params';
import { input } from '../../engine/ops/builders';
import { specDtype, type ModelDefinition } from '../../engine/train/model';

/** Values of the widest tensor of one chunk (4M: 16 MB as float32). */
export const CHUNK_VALUES = 4 << 20;
const MIN_ROWS = 8, MAX_ROWS = 2048;

/** The largest number of values one sample has in any tensor of the model's forward. */
export function widestPerSample(def: ModelDefinition): number {
  const bound = namedParams('float32');
  const inputs: Record<string, Tensor> = {};
  for (const [name, spec] of Object.entries(def.inputs)) inputs[name] = input(name, specDtype(spec, 'float32'), [1, ...spec.shape]);
  const out = def.forward(bound.ctx, inputs);
  const { nodes } = topologicalOrder([...Object.values(out.predictions), ...Object.values(out.stats ?? {})]);
  let widest = 1;
  for (const n of nodes) for (const t of n.outputs) {
    // at batch 1 every node output counts (a reshape may fold the batch into tokens); parameter-only ones
    // only make the estimate larger, i.e. chunks smaller
    widest = Math.max(widest, t.shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1));
  }
  return widest;
}

export function rowsPerChunk(def: ModelDefinition): number {
  return Math.max(MIN_ROWS, Math.min(MAX_ROWS, Math.floor(CHUNK_VALUES / widestPerSample(def))));
}
