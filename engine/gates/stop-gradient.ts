// stopGradient(x): the identity in the forward pass, no gradient backward (the straight-through estimator
// needs it). The engine core does not have it yet, so this module adds one table entry if it is absent.
import type { Tensor } from '../ir/tensor';
import { apply } from '../ops/apply';
import type { OpDef } from '../ops/op';
import { opTable } from '../ops/table';

const StopGradient: OpDef = {
  infer: ([x]) => [{ dtype: x.dtype, shape: x.shape }],
  emit: (node, ctx) => ctx.node('Identity', [ctx.name(node.inputs[0])], [ctx.name(node.outputs[0])]),
  backward: () => [null],
};
if (!opTable.StopGradient) opTable.StopGradient = StopGradient;

export const stopGradient = (x: Tensor): Tensor => apply('StopGradient', [x]);
