// How many activation values a training step of a model keeps per sample: the element count of every
// intermediate tensor of its forward graph for ONE sample. Reverse-mode autodiff keeps the forward's
// intermediates alive until the backward has used them, so this count × the batch size × bytes per element
// is what grows with the batch, on top of the parameters (common/models/size-estimate.ts compares the two
// with the machine's memory). Walked from the model's own graph, so it is right for every template —
// channel-independent forecasters, for one, multiply every tensor by the channels inside the graph.
import type { Dim, Tensor } from '../ir/tensor';
import { topologicalOrder } from '../ir/graph';

/** Elements of one tensor; a symbolic dimension counts as 1 (the graph is built for one sample). */
export const elementCount = (shape: readonly Dim[]): number => shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);

/**
 * Activation elements per sample of a forward graph: every output of every node that `outputs` depend
 * on (graph inputs, parameters and constants are not activations: they do not grow with the batch, or are
 * counted as parameters). The forward must be built for a batch of one.
 */
export function activationElements(outputs: readonly Tensor[]): number {
  const { nodes } = topologicalOrder(outputs);
  let total = 0;
  for (const node of nodes) for (const t of node.outputs) total += elementCount(t.shape);
  return total;
}
