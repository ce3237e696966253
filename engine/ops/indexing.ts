// Indexing: Gather (embeddings), GatherElements, TopK, and the scatters their gradients are made of.
import { GraphError } from '../ir/errors';
import type { Tensor } from '../ir/tensor';
import { expand, gatherElements, reshape, scatterElements, scatterND, unsqueeze, zerosLike } from './builders';
import type { OpTable } from './op';

const intIndices = (op: string, idx: Tensor, inputs: readonly Tensor[]) => {
  if (idx.dtype !== 'int64') throw new GraphError(op, `indices must be int64, got ${idx.dtype}`, inputs);
};

export const indexingOps: OpTable = {
  Gather: {
    infer: (inputs, attrs) => {
      const [x, idx] = inputs;
      intIndices('Gather', idx, inputs);
      const axis = attrs.axis as number;
      return [{ dtype: x.dtype, shape: [...x.shape.slice(0, axis), ...idx.shape, ...x.shape.slice(axis + 1)] }];
    },
    emit: (node, ctx) => ctx.node('Gather', node.inputs.map((t) => ctx.name(t)), [ctx.name(node.outputs[0])], { axis: { i: node.attrs.axis as number } }),
    // Rows picked several times get their gradients summed: a scatter with reduction 'add' into zeros.
    backward: ({ inputs: [x, idx], attrs }, [g]) => {
      const axis = attrs.axis as number;
      if (axis === 0) return [scatterND(zerosLike(x), unsqueeze(idx, [idx.rank]), g!, 'add'), null];
      // Other axes: flatten the indices to 1-D, then ScatterElements along axis with broadcast indices.
      const n = idx.shape.reduce<number | string>((a, d) => (typeof a === 'number' && typeof d === 'number' ? a * d : -1), 1);
      if (typeof n !== 'number' || n < 0) throw new GraphError('Gather', 'backward along axis > 0 needs static index shapes', [x, idx]);
      const flatShape = [...g!.shape.slice(0, axis), n, ...g!.shape.slice(axis + idx.rank)];
      const g1 = reshape(g!, flatShape.map((d) => (typeof d === 'number' ? d : 0)));
      const i1 = reshape(idx, flatShape.map((_, i) => (i === axis ? n : 1)));
      return [scatterElements(zerosLike(x), expand(i1, g1.shape), g1, axis, 'add'), null];
    },
  },
  GatherElements: {
    infer: (inputs) => {
      const [x, idx] = inputs;
      intIndices('GatherElements', idx, inputs);
      if (idx.rank !== x.rank) throw new GraphError('GatherElements', `indices rank ${idx.rank} must equal data rank ${x.rank}`, inputs);
      return [{ dtype: x.dtype, shape: idx.shape }];
    },
    emit: (node, ctx) => ctx.node('GatherElements', node.inputs.map((t) => ctx.name(t)), [ctx.name(node.outputs[0])], { axis: { i: node.attrs.axis as number } }),
    backward: ({ inputs: [x, idx], attrs }, [g]) => [scatterElements(zerosLike(x), idx, g!, attrs.axis as number, 'add'), null],
  },
  ScatterElements: {
    infer: (inputs) => {
      const [data, idx, upd] = inputs;
      intIndices('ScatterElements', idx, inputs);
      if (upd.dtype !== data.dtype) throw new GraphError('ScatterElements', 'updates and data dtypes differ', inputs);
      return [{ dtype: data.dtype, shape: data.shape }];
    },
    emit: (node, ctx) =>
      ctx.node('ScatterElements', node.inputs.map((t) => ctx.name(t)), [ctx.name(node.outputs[0])], {
        axis: { i: node.attrs.axis as number },
        reduction: { s: node.attrs.reduction as string },
      }),
    // d/d data: the positions not overwritten (for 'add', all); d/d updates: the gradient read back.
    backward: ({ inputs: [, idx], attrs }, [g], needs) => {
      if (attrs.reduction !== 'add') throw new GraphError('ScatterElements', "backward only for reduction 'add'");
      return [needs[0] ? g : null, null, needs[2] ? gatherElements(g!, idx, attrs.axis as number) : null];
    },
  },
  ScatterND: {
    infer: (inputs) => {
      const [data, idx, upd] = inputs;
      intIndices('ScatterND', idx, inputs);
      if (upd.dtype !== data.dtype) throw new GraphError('ScatterND', 'updates and data dtypes differ', inputs);
      return [{ dtype: data.dtype, shape: data.shape }];
    },
    emit: (node, ctx) =>
      ctx.node('ScatterND', node.inputs.map((t) => ctx.name(t)), [ctx.name(node.outputs[0])], { reduction: { s: node.attrs.reduction as string } }),
  },
  TopK: {
    infer: (inputs, attrs) => {
      const [x] = inputs;
      const axis = attrs.axis as number, k = attrs.k as number;
      const d = x.shape[axis];
      if (!Number.isInteger(k) || k < 1 || (typeof d === 'number' && k > d)) throw new GraphError('TopK', `k=${k} must be in [1, ${d}] (axis ${axis})`, inputs);
      const shape = x.shape.map((v, i) => (i === axis ? k : v));
      return [{ dtype: x.dtype, shape }, { dtype: 'int64', shape }];
    },
    emit: (node, ctx) =>
      ctx.node('TopK', [ctx.name(node.inputs[0]), ctx.int64([node.attrs.k as number])], node.outputs.map((t) => ctx.name(t)), {
        axis: { i: node.attrs.axis as number },
        largest: { i: 1 },
        sorted: { i: 1 },
      }),
    backward: ({ inputs: [x], outputs: [, idx], attrs }, [g]) => [g ? scatterElements(zerosLike(x), idx, g, attrs.axis as number, 'add') : null],
  },
};
