// `apply(op, inputs, attrs)`: validate through the op table's `infer`, make the node and its outputs.
import { GraphError } from '../ir/errors';
import { Tensor, type Attrs, type Node } from '../ir/tensor';
import { opTable } from './table';

let nextNodeId = 1;

export function applyMulti(op: string, inputs: readonly Tensor[], attrs: Attrs = {}): Tensor[] {
  const def = opTable[op];
  if (!def) {
    throw new GraphError(op, `unknown op '${op}'. Known ops: ${Object.keys(opTable).sort().join(', ')}`, inputs);
  }
  inputs.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new GraphError(op, `input #${i} is ${typeof t === 'object' ? JSON.stringify(t) : String(t)}, not a Tensor`);
  });
  const types = def.infer(inputs, attrs);
  const outputs: Tensor[] = [];
  const node: Node = { id: nextNodeId++, op, inputs: [...inputs], attrs, outputs };
  types.forEach((ty, index) => outputs.push(new Tensor(ty.dtype, ty.shape, { kind: 'op', node, index })));
  return outputs;
}

/** `applyMulti` for the usual single-output op. */
export const apply = (op: string, inputs: readonly Tensor[], attrs: Attrs = {}): Tensor => applyMulti(op, inputs, attrs)[0];
