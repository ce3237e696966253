// Bad graphs fail at build time with messages that name the op, the tensors and their shapes.
import { describe, expect, it } from 'vitest';
import { applyMulti } from '../ops/apply';
import { add, concat, emitModel, grad, input, matmul, reduceSum, reshape, squeeze, gather, GraphError } from '../index';

const thrown = (fn: () => unknown): GraphError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphError);
    return e as GraphError;
  }
  throw new Error('expected a GraphError');
};

describe('graph errors', () => {
  it('matmul shape mismatch names the op and both shapes', () => {
    const e = thrown(() => matmul(input('a', 'float32', [2, 3]), input('b', 'float32', [4, 5])));
    expect(e.message).toMatch(/^MatMul: inner dimensions differ: \[2, 3\] x \[4, 5\] \(3 vs 4\)/);
    expect(e.message).toContain("input 'a' float32[2, 3]");
    expect(e.message).toContain("input 'b' float32[4, 5]");
    // ...and the line of the model code that called matmul (this test file), not an engine internal.
    expect(e.site).toMatch(/^engine\/ir\/errors\.test\.ts:\d+:\d+$/);
    expect(e.message).toContain(`\n  at ${e.site}`);
  });

  it('broadcasting mismatch names the shapes', () => {
    const e = thrown(() => add(input('a', 'float32', ['batch', 3]), input('b', 'float32', [4])));
    expect(e.message).toContain('Add: shapes [batch, 3] and [4] do not broadcast');
  });

  it('dtype mismatch says which dtypes and what to do', () => {
    const e = thrown(() => add(input('a', 'float32', [2]), input('b', 'float64', [2])));
    expect(e.message).toContain('Add: dtypes differ (float32 vs float64); cast one operand first');
  });

  it('unknown op lists the known ones', () => {
    const e = thrown(() => applyMulti('Frobnicate', [input('a', 'float32', [2])]));
    expect(e.message).toMatch(/^Frobnicate: unknown op 'Frobnicate'. Known ops: .*MatMul/);
  });

  it('an empty model is refused', () => {
    const e = thrown(() => emitModel({ inputs: [], outputs: {} }));
    expect(e.message).toContain('emitModel: the model has no outputs');
  });

  it('an output depending on an unlisted input names that input', () => {
    const a = input('a', 'float32', [2]);
    const e = thrown(() => emitModel({ inputs: [], outputs: { y: add(a, 1) } }));
    expect(e.message).toContain("depend on input 'a' float32[2], which is not listed");
  });

  it('reshape, squeeze, concat and gather check their arguments', () => {
    const x = input('x', 'float32', [2, 3]);
    expect(thrown(() => reshape(x, [4, 2])).message).toContain('Reshape: cannot reshape to [4, 2]: 6 elements cannot become 8');
    expect(thrown(() => squeeze(x, [0])).message).toContain('Squeeze: axis 0 has size 2, not 1');
    expect(thrown(() => concat([x, input('y', 'float32', [3, 3])], 1)).message).toContain('Concat: dim 0 differs (3 vs 2)');
    expect(thrown(() => gather(x, input('i', 'float32', [2]))).message).toContain('Gather: indices must be int64, got float32');
    expect(thrown(() => reduceSum(x, [2])).message).toContain('ReduceSum: axis 2 is out of range for a rank-2 tensor');
  });

  it('grad refuses integer tensors', () => {
    const i = input('i', 'int64', [2]);
    expect(thrown(() => grad(reduceSum(input('x', 'float32', [2])), [i])).message).toContain('grad: no gradient into a int64 tensor');
  });
});
