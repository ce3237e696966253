// Shape ops: reshape (with symbolic-dim algebra), transpose, concat, slice, split, (un)squeeze, expand.
// Their run-time-shape helpers (ReshapeLike, ExpandLike, ZerosLike, ...) live in runtime-shape.ts.
import { GraphError, describeShape } from '../ir/errors';
import { broadcastShapeList, isStatic } from '../ir/shape';
import type { Dim, Node, Tensor } from '../ir/tensor';
import { concat, pad, reshape, reshapeLike, split, squeeze, transpose, unsqueeze, zerosLike } from './builders';
import { unbroadcast } from './grad-helpers';
import { applyMulti } from './apply';
import type { EmitContext, OpTable } from './op';

const one = (op: string, inputs: readonly Tensor[]) => {
  if (inputs.length !== 1) throw new GraphError(op, `takes 1 input, got ${inputs.length}`, inputs);
  return inputs[0];
};
const out = (ctx: EmitContext, node: Node, i = 0) => ctx.name(node.outputs[i]);
const inp = (ctx: EmitContext, node: Node, i = 0) => ctx.name(node.inputs[i]);

/** Output shape of a reshape: 0 copies, -1 infers (also across symbols: ['batch', 3, 4] -> [-1, 12] gives 'batch'). */
function reshapeShape(x: Tensor, target: readonly Dim[]): Dim[] {
  const fail = (why: string): never => { throw new GraphError('Reshape', `cannot reshape to ${describeShape(target)}: ${why}`, [x]); };
  const dims = target.map((d, i) => (d === 0 ? (i < x.rank ? x.shape[i] : fail(`0 at axis ${i} copies a dim the input does not have`)) : d));
  const inferAt = dims.indexOf(-1);
  if (dims.lastIndexOf(-1) !== inferAt) fail('more than one -1');
  // Each side as (symbols, num/den), derived dims like 'batch*96' parsed into factors; then cancel.
  const src = factorize(x.shape), dst = factorize(dims.filter((d) => d !== -1));
  const left = [...src.syms];
  for (const s of dst.syms) {
    const k = left.indexOf(s);
    if (k < 0) fail(`symbolic dim '${s}' is not a dim of the input [${x.shape.join(', ')}]`);
    left.splice(k, 1);
  }
  const [num, den] = [src.num * dst.den, src.den * dst.num];
  if (inferAt < 0) {
    if (left.length === 0 && num !== den) fail(`${src.num / src.den} elements cannot become ${dst.num / dst.den}`);
    return dims;
  }
  if (left.length === 0) {
    if (num % den !== 0) fail(`${num} elements are not divisible by ${den}`);
    dims[inferAt] = num / den;
  } else dims[inferAt] = productDim(left, num, den);
  return dims;
}

const PRODUCT = /^[A-Za-z_]\w*(\*(\d+|[A-Za-z_]\w*))*(\/\d+)?$/;

/** The symbols and the rational factor of a list of dims ('batch*96/7' counts as batch, 96/7). */
function factorize(ds: readonly Dim[]): { syms: string[]; num: number; den: number } {
  let num = 1, den = 1;
  const syms: string[] = [];
  for (const d of ds) {
    if (typeof d === 'number') { num *= d; continue; }
    if (!PRODUCT.test(d)) { syms.push(d); continue; }
    const [prod, div] = d.split('/');
    if (div) den *= Number(div);
    for (const f of prod.split('*')) if (/^\d+$/.test(f)) num *= Number(f); else syms.push(f);
  }
  return { syms, num, den };
}

/** A canonical name for symbols * num / den ('batch*96'), so equal products get equal names. */
function productDim(symbols: readonly string[], num: number, den: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const k = gcd(num, den);
  const [n, d] = [num / k, den / k];
  return [...symbols].sort().join('*') + (n === 1 ? '' : `*${n}`) + (d === 1 ? '' : `/${d}`);
}

/** ONNX Reshape's shape input: symbols become 0 (copy, same position in the input) or the single -1. */
function onnxReshapeDims(x: Tensor, target: readonly Dim[]): number[] | null {
  const dims = target.map((d, i) => (typeof d === 'number' ? d : x.shape[i] === d ? 0 : NaN));
  const unresolved = dims.filter((d) => Number.isNaN(d) || d === -1).length;
  if (unresolved > 1) return null;
  return dims.map((d) => (Number.isNaN(d) ? -1 : d));
}

/** Several symbols moved to new positions: read each from the input's run-time shape and concatenate. */
function runTimeShape(x: Tensor, target: readonly Dim[], ctx: EmitContext): string {
  const shape = ctx.fresh('shape');
  ctx.node('Shape', [ctx.name(x)], [shape]);
  const taken = new Set<number>();
  const pieces = target.map((d, i) => {
    if (typeof d === 'number' && d !== 0) return ctx.int64([d]);
    const j = d === 0 ? i : x.shape.findIndex((v, k) => v === d && !taken.has(k));
    if (j < 0) throw new GraphError('Reshape', `cannot resolve symbolic dim '${d}' of [${target.join(', ')}] from the input [${x.shape.join(', ')}] at run time; use reshapeLike`, [x]);
    taken.add(j);
    const piece = ctx.fresh('dim');
    ctx.node('Slice', [shape, ctx.int64([j]), ctx.int64([j + 1])], [piece]);
    return piece;
  });
  const result = ctx.fresh('target_shape');
  ctx.node('Concat', pieces, [result], { axis: { i: 0 } });
  return result;
}

export const shapeOps: OpTable = {
  Reshape: {
    infer: (inputs, attrs) => [{ dtype: one('Reshape', inputs).dtype, shape: reshapeShape(inputs[0], attrs.shape as Dim[]) }],
    emit: (node, ctx) => {
      const dims = onnxReshapeDims(node.inputs[0], node.attrs.shape as Dim[]);
      const shape = dims ? ctx.int64(dims) : runTimeShape(node.inputs[0], node.attrs.shape as Dim[], ctx);
      ctx.node('Reshape', [inp(ctx, node), shape], [out(ctx, node)]);
    },
    backward: ({ inputs: [x] }, [g]) => [isStatic(x.shape) ? reshape(g!, x.shape) : reshapeLike(g!, x)],
  },
  Transpose: {
    infer: (inputs, attrs) => {
      const x = one('Transpose', inputs);
      return [{ dtype: x.dtype, shape: (attrs.perm as number[]).map((p) => x.shape[p]) }];
    },
    emit: (node, ctx) => ctx.node('Transpose', [inp(ctx, node)], [out(ctx, node)], { perm: { ints: node.attrs.perm as number[] } }),
    backward: ({ attrs }, [g]) => {
      const perm = attrs.perm as number[];
      const inverse = perm.map((_, i) => perm.indexOf(i));
      return [transpose(g!, inverse)];
    },
  },
  Concat: {
    infer: (inputs, attrs) => {
      const axis = attrs.axis as number;
      const [first] = inputs;
      let total: Dim | null = null;
      for (const t of inputs) {
        if (t.dtype !== first.dtype) throw new GraphError('Concat', `dtypes differ (${inputs.map((x) => x.dtype).join(', ')})`, inputs);
        if (t.rank !== first.rank) throw new GraphError('Concat', `ranks differ (${inputs.map((x) => x.rank).join(', ')})`, inputs);
        t.shape.forEach((d, i) => {
          if (i !== axis && d !== first.shape[i] && !(typeof d === 'string' || typeof first.shape[i] === 'string')) {
            throw new GraphError('Concat', `dim ${i} differs (${d} vs ${first.shape[i]}); only axis ${axis} may differ`, inputs);
          }
        });
        const d = t.shape[axis];
        total = total === null ? d : typeof total === 'number' && typeof d === 'number' ? total + d : `${total}+${d}`;
      }
      const shape = [...first.shape];
      shape[axis] = total!;
      return [{ dtype: first.dtype, shape }];
    },
    emit: (node, ctx) => ctx.node('Concat', node.inputs.map((t) => ctx.name(t)), [out(ctx, node)], { axis: { i: node.attrs.axis as number } }),
    backward: ({ inputs, attrs }, [g], needs) => {
      const axis = attrs.axis as number;
      const sizes = inputs.map((t) => t.shape[axis]);
      const parts = sizes.every((s): s is number => typeof s === 'number')
        ? split(g!, sizes, axis)
        : applyMulti('SplitLike', [g!, ...inputs], { axis }); // sizes known only at run time
      return parts.map((p, i) => (needs[i] ? p : null));
    },
  },
  Slice: {
    infer: (inputs, attrs) => {
      const x = one('Slice', inputs);
      const shape = [...x.shape];
      const { starts, ends, axes } = attrs as { starts: number[]; ends: number[]; axes: number[] };
      axes.forEach((a, i) => {
        const d = x.shape[a];
        if (typeof d !== 'number') {
          // A symbolic dim sliced [0:end) stays symbolic only for the whole range; otherwise it must be known.
          const whole = starts[i] === 0 && ends[i] >= Number.MAX_SAFE_INTEGER;
          if (!whole && (starts[i] < 0 || ends[i] < 0)) throw new GraphError('Slice', `negative bounds on symbolic dim '${d}' (axis ${a})`, [x]);
          shape[a] = whole ? d : Math.max(0, ends[i] - starts[i]);
          return;
        }
        const [s, e] = clampRange(starts[i], ends[i], d);
        shape[a] = Math.max(0, e - s);
      });
      return [{ dtype: x.dtype, shape }];
    },
    emit: (node, ctx) => {
      const { starts, ends, axes } = node.attrs as { starts: number[]; ends: number[]; axes: number[] };
      const big = (v: number) => Math.max(Math.min(v, Number.MAX_SAFE_INTEGER), -Number.MAX_SAFE_INTEGER);
      ctx.node('Slice', [inp(ctx, node), ctx.int64(starts.map(big)), ctx.int64(ends.map(big)), ctx.int64(axes)], [out(ctx, node)]);
    },
    // Zero-pad the gradient back to the input's extent (needs numeric dims on the sliced axes).
    backward: ({ inputs: [x], attrs }, [g]) => {
      const { starts, ends, axes } = attrs as { starts: number[]; ends: number[]; axes: number[] };
      const pads = new Array(2 * x.rank).fill(0);
      axes.forEach((a, i) => {
        const d = x.shape[a];
        if (typeof d !== 'number') throw new GraphError('Slice', `backward needs a numeric dim on sliced axis ${a}, got '${d}'`, [x]);
        const [s, e] = clampRange(starts[i], ends[i], d);
        pads[a] = s;
        pads[x.rank + a] = d - Math.max(s, e);
      });
      return [pad(g!, pads)];
    },
  },
  Split: {
    infer: (inputs, attrs) => {
      const x = one('Split', inputs);
      const axis = attrs.axis as number;
      const sizes = attrs.sizes as number[];
      const d = x.shape[axis];
      const total = sizes.reduce((a, b) => a + b, 0);
      if (typeof d === 'number' && total !== d) throw new GraphError('Split', `sizes [${sizes}] add up to ${total}, but axis ${axis} has ${d}`, [x]);
      return sizes.map((s) => ({ dtype: x.dtype, shape: x.shape.map((v, i) => (i === axis ? s : v)) }));
    },
    emit: (node, ctx) =>
      ctx.node('Split', [inp(ctx, node), ctx.int64(node.attrs.sizes as number[])], node.outputs.map((t) => ctx.name(t)), { axis: { i: node.attrs.axis as number } }),
    backward: ({ outputs, attrs }, grads) => [concat(grads.map((g, i) => g ?? zerosLike(outputs[i])), attrs.axis as number)],
  },
  Unsqueeze: {
    infer: (inputs, attrs) => {
      const x = one('Unsqueeze', inputs);
      const shape: Dim[] = [...x.shape];
      for (const a of attrs.axes as number[]) shape.splice(a, 0, 1);
      return [{ dtype: x.dtype, shape }];
    },
    emit: (node, ctx) => ctx.node('Unsqueeze', [inp(ctx, node), ctx.int64(node.attrs.axes as number[])], [out(ctx, node)]),
    backward: ({ attrs }, [g]) => [squeeze(g!, attrs.axes as number[])],
  },
  Squeeze: {
    infer: (inputs, attrs) => {
      const x = one('Squeeze', inputs);
      const axes = attrs.axes as number[];
      for (const a of axes) if (x.shape[a] !== 1) throw new GraphError('Squeeze', `axis ${a} has size ${x.shape[a]}, not 1`, [x]);
      return [{ dtype: x.dtype, shape: x.shape.filter((_, i) => !axes.includes(i)) }];
    },
    emit: (node, ctx) => ctx.node('Squeeze', [inp(ctx, node), ctx.int64(node.attrs.axes as number[])], [out(ctx, node)]),
    backward: ({ attrs }, [g]) => [unsqueeze(g!, attrs.axes as number[])],
  },
  Expand: {
    infer: (inputs, attrs) => {
      const x = one('Expand', inputs);
      const target = attrs.shape as Dim[];
      return [{ dtype: x.dtype, shape: broadcastShapeList('Expand', [x.shape, target], [x]) }];
    },
    emit: (node, ctx) => {
      const x = node.inputs[0];
      const target = node.attrs.shape as Dim[];
      const lead = target.length - x.rank;
      // A symbolic target dim is written as 1 (Expand broadcasts both ways): the input must already have it.
      const dims = target.map((d, i) => {
        if (typeof d === 'number') return d;
        if (i >= lead && x.shape[i - lead] === d) return 1;
        throw new GraphError('Expand', `cannot expand to symbolic dim '${d}' at axis ${i} that the input lacks; use expandLike`, [x]);
      });
      ctx.node('Expand', [inp(ctx, node), ctx.int64(dims)], [out(ctx, node)]);
    },
    backward: ({ inputs: [x] }, [g]) => [unbroadcast(g!, x)],
  },
};


/** Python-style slice bounds clamped to [0, d]. */
export function clampRange(start: number, end: number, d: number): [number, number] {
  const norm = (v: number) => (v < 0 ? Math.max(0, v + d) : Math.min(v, d));
  return [norm(start), norm(end)];
}
