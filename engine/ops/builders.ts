// The functions models call. Each is a thin, validated call into the op table (ops/table.ts).
// Numbers are accepted wherever a tensor is, and become scalars of the other operand's dtype.
import type { DType } from '../ir/dtype';
import { GraphError } from '../ir/errors';
import { normalizeAxes, normalizeAxis } from '../ir/shape';
import { Tensor, type Dim, type Shape, type TensorData } from '../ir/tensor';
import { apply, applyMulti } from './apply';

export type TensorLike = Tensor | number;

// ---- leaves ---------------------------------------------------------------------------------------

/** A graph input: fed at run time under `name` (shape entries may be symbols such as 'batch'). */
export function input(name: string, dtype: DType, shape: Shape): Tensor {
  if (!name) throw new GraphError('input', 'an input needs a non-empty name');
  return new Tensor(dtype, [...shape], { kind: 'input', name });
}

const ARRAYS = { float32: Float32Array, float64: Float64Array, int64: BigInt64Array, bool: Uint8Array } as const;

/** A constant tensor; `data` may be a plain number array (bigint conversion is done for int64). */
export function constant(data: TensorData | readonly number[], dtype: DType, shape: readonly number[]): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  let typed: TensorData;
  if (Array.isArray(data)) {
    const bad = dtype === 'int64' ? (data as number[]).find((v) => !Number.isSafeInteger(v)) : undefined;
    if (bad !== undefined) throw new GraphError('constant', `int64 values must be integers, got ${bad}`);
    typed = dtype === 'int64' ? BigInt64Array.from(data as number[], (v) => BigInt(v)) : new ARRAYS[dtype](data as number[]);
  } else typed = data as TensorData;
  if (typed.length !== size) throw new GraphError('constant', `${typed.length} values do not fill shape [${shape.join(', ')}] (${size} elements)`);
  if (!(typed instanceof ARRAYS[dtype])) throw new GraphError('constant', `data is a ${typed.constructor.name}, dtype ${dtype} needs a ${ARRAYS[dtype].name}`);
  return new Tensor(dtype, [...shape], { kind: 'constant', data: typed });
}

export const scalar = (value: number | boolean, dtype: DType): Tensor => constant([Number(value)], dtype, []);

const lift = (x: TensorLike, like: Tensor): Tensor => (x instanceof Tensor ? x : scalar(x, like.dtype));
function pair(a: TensorLike, b: TensorLike, op: string): [Tensor, Tensor] {
  if (a instanceof Tensor) return [a, lift(b, a)];
  if (b instanceof Tensor) return [lift(a, b), b];
  throw new GraphError(op, `needs at least one tensor operand (got ${a} and ${b})`);
}

// ---- elementwise ----------------------------------------------------------------------------------

export const add = (a: TensorLike, b: TensorLike) => apply('Add', pair(a, b, 'Add'));
export const sub = (a: TensorLike, b: TensorLike) => apply('Sub', pair(a, b, 'Sub'));
export const mul = (a: TensorLike, b: TensorLike) => apply('Mul', pair(a, b, 'Mul'));
export const div = (a: TensorLike, b: TensorLike) => apply('Div', pair(a, b, 'Div'));
export const pow = (a: TensorLike, b: TensorLike) => apply('Pow', pair(a, b, 'Pow'));
export const max = (a: TensorLike, b: TensorLike) => apply('Max', pair(a, b, 'Max'));
export const min = (a: TensorLike, b: TensorLike) => apply('Min', pair(a, b, 'Min'));
export const greater = (a: TensorLike, b: TensorLike) => apply('Greater', pair(a, b, 'Greater'));
export const less = (a: TensorLike, b: TensorLike) => apply('Less', pair(a, b, 'Less'));
export const greaterOrEqual = (a: TensorLike, b: TensorLike) => apply('GreaterOrEqual', pair(a, b, 'GreaterOrEqual'));
export const lessOrEqual = (a: TensorLike, b: TensorLike) => apply('LessOrEqual', pair(a, b, 'LessOrEqual'));
export const equal = (a: TensorLike, b: TensorLike) => apply('Equal', pair(a, b, 'Equal'));
export const and = (a: Tensor, b: Tensor) => apply('And', [a, b]);
export const or = (a: Tensor, b: Tensor) => apply('Or', [a, b]);
export const not = (a: Tensor) => apply('Not', [a]);

export const neg = (x: Tensor) => apply('Neg', [x]);
export const sqrt = (x: Tensor) => apply('Sqrt', [x]);
export const exp = (x: Tensor) => apply('Exp', [x]);
export const log = (x: Tensor) => apply('Log', [x]);
export const abs = (x: Tensor) => apply('Abs', [x]);
export const sign = (x: Tensor) => apply('Sign', [x]);
export const relu = (x: Tensor) => apply('Relu', [x]);
export const sigmoid = (x: Tensor) => apply('Sigmoid', [x]);
export const tanh = (x: Tensor) => apply('Tanh', [x]);
export const softplus = (x: Tensor) => apply('Softplus', [x]);
export const erf = (x: Tensor) => apply('Erf', [x]);
export const elu = (x: Tensor, alpha = 1) => apply('Elu', [x], { alpha });
/** Clamp to [lo, hi]; either bound may be omitted (undefined). */
export const clip = (x: Tensor, lo?: number, hi?: number) => apply('Clip', [x], { min: lo ?? -Infinity, max: hi ?? Infinity });
export const identity = (x: Tensor) => apply('Identity', [x]);
/** x in the forward pass; no gradient flows back through it. */
export const stopGradient = (x: Tensor) => apply('StopGradient', [x]);

/** Elementwise choice: cond ? a : b (broadcasting). */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb] = pair(a, b, 'Where');
  return apply('Where', [cond, ta, tb]);
}

export const cast = (x: Tensor, dtype: DType) => (x.dtype === dtype ? x : apply('Cast', [x], { to: dtype }));

// ---- matrix products ------------------------------------------------------------------------------

/** numpy matmul: batched, broadcasting batch dims; 1-D operands are promoted and the extra axis dropped. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.rank === 0 || b.rank === 0) throw new GraphError('MatMul', 'operands must have rank >= 1', [a, b]);
  const a2 = a.rank === 1 ? unsqueeze(a, [0]) : a;
  const b2 = b.rank === 1 ? unsqueeze(b, [1]) : b;
  let y = apply('MatMul', [a2, b2]);
  if (b.rank === 1) y = squeeze(y, [-1]);
  if (a.rank === 1) y = squeeze(y, [-2]);
  return y;
}

/** x[..., in] @ w[in, out] + b[out]: one Gemm (over flattened rows when x has more than 2 dims). */
export function linear(x: Tensor, w: Tensor, b?: Tensor): Tensor {
  if (w.rank !== 2) throw new GraphError('linear', `weight must be [in, out], got [${w.shape.join(', ')}]`, b ? [x, w, b] : [x, w]);
  if (x.rank === 2) return apply('Gemm', b ? [x, w, b] : [x, w], { transA: 0, transB: 0 });
  // [..., in] with at most one symbolic leading dim: flatten the rows into one Gemm (bias fused, no
  // transposes in the backward), then restore the leading dims.
  const lead = x.shape.slice(0, -1);
  if (x.rank > 2 && typeof w.shape[1] === 'number' && lead.filter((d) => typeof d !== 'number').length <= 1) {
    const rows = apply('Gemm', b ? [reshape(x, [-1, x.shape[x.rank - 1]]), w, b] : [reshape(x, [-1, x.shape[x.rank - 1]]), w], { transA: 0, transB: 0 });
    return reshape(rows, [...lead, w.shape[1]]);
  }
  const y = matmul(x, w);
  return b ? add(y, b) : y;
}

/** ONNX Gemm: op(a) @ op(b) + c, op transposing when asked. */
export const gemm = (a: Tensor, b: Tensor, c?: Tensor, transA = false, transB = false) =>
  apply('Gemm', c ? [a, b, c] : [a, b], { transA: transA ? 1 : 0, transB: transB ? 1 : 0 });

// ---- reductions and normalisers -------------------------------------------------------------------

const reduceAxes = (op: string, x: Tensor, axes?: number | readonly number[]): number[] =>
  axes === undefined || (Array.isArray(axes) && axes.length === 0)
    ? x.shape.map((_, i) => i)
    : normalizeAxes(op, typeof axes === 'number' ? [axes] : (axes as number[]), x.rank, [x]);

/** Sum over `axes` (all axes when omitted or empty). */
export const reduceSum = (x: Tensor, axes?: number | readonly number[], keepdims = false) =>
  apply('ReduceSum', [x], { axes: reduceAxes('ReduceSum', x, axes), keepdims });
export const reduceMean = (x: Tensor, axes?: number | readonly number[], keepdims = false) =>
  apply('ReduceMean', [x], { axes: reduceAxes('ReduceMean', x, axes), keepdims });
export const reduceMax = (x: Tensor, axes?: number | readonly number[], keepdims = false) =>
  apply('ReduceMax', [x], { axes: reduceAxes('ReduceMax', x, axes), keepdims });

export const softmax = (x: Tensor, axis = -1) => apply('Softmax', [x], { axis: normalizeAxis('Softmax', axis, x.rank, [x]) });
export const logSoftmax = (x: Tensor, axis = -1) => apply('LogSoftmax', [x], { axis: normalizeAxis('LogSoftmax', axis, x.rank, [x]) });
/** Running sum along `axis`; `exclusive` starts at 0, `reverse` runs from the end. */
export const cumsum = (x: Tensor, axis: number, exclusive = false, reverse = false) =>
  apply('CumSum', [x], { axis: normalizeAxis('CumSum', axis, x.rank, [x]), exclusive, reverse });

// ---- shape ----------------------------------------------------------------------------------------

/** Entries: a number, 0 (copy the input's dim), -1 (infer one), or a symbolic Dim of the input. */
export const reshape = (x: Tensor, shape: readonly Dim[]) => apply('Reshape', [x], { shape: [...shape] });
/** Reshape x to `like`'s (run-time) shape. */
export const reshapeLike = (x: Tensor, like: Tensor) => apply('ReshapeLike', [x, like]);
export const transpose = (x: Tensor, perm?: readonly number[]) =>
  apply('Transpose', [x], { perm: perm ? normalizeAxesKeepOrder('Transpose', perm, x) : x.shape.map((_, i) => x.rank - 1 - i) });
export function concat(xs: readonly Tensor[], axis: number): Tensor {
  if (xs.length === 0) throw new GraphError('Concat', 'needs at least one tensor');
  if (xs.length === 1) return xs[0];
  return apply('Concat', xs, { axis: normalizeAxis('Concat', axis, xs[0].rank, xs) });
}
/** x[starts:ends] along `axes` (default: the first axes); negative indices count from the end. */
export function slice(x: Tensor, starts: readonly number[], ends: readonly number[], axes?: readonly number[]): Tensor {
  const ax = axes ? axes.map((a) => normalizeAxis('Slice', a, x.rank, [x])) : starts.map((_, i) => i);
  if (starts.length !== ends.length || starts.length !== ax.length) {
    throw new GraphError('Slice', `starts [${starts}], ends [${ends}] and axes [${ax}] must have the same length`, [x]);
  }
  return apply('Slice', [x], { starts: [...starts], ends: [...ends], axes: ax });
}
export const split = (x: Tensor, sizes: readonly number[], axis = 0) =>
  applyMulti('Split', [x], { sizes: [...sizes], axis: normalizeAxis('Split', axis, x.rank, [x]) });
export const unsqueeze = (x: Tensor, axes: readonly number[]) =>
  apply('Unsqueeze', [x], { axes: normalizeAxes('Unsqueeze', axes, x.rank + axes.length, [x]) });
export const squeeze = (x: Tensor, axes: readonly number[]) => apply('Squeeze', [x], { axes: normalizeAxes('Squeeze', axes, x.rank, [x]) });
/** numpy broadcast_to (bidirectional as ONNX Expand). */
export const expand = (x: Tensor, shape: readonly Dim[]) => apply('Expand', [x], { shape: [...shape] });
/** Broadcast x to the run-time shape of `like`. */
export const expandLike = (x: Tensor, like: Tensor) => apply('ExpandLike', [x, like]);
export const zerosLike = (x: Tensor) => apply('ZerosLike', [x]);
/** int64 scalar: the number of elements of x at run time. */
export const size = (x: Tensor) => apply('Size', [x]);
/** int64 [rank]: the run-time shape of x. */
export const shapeOf = (x: Tensor) => apply('Shape', [x]);
/** Zero padding: pads = [begin_0, ..., begin_n, end_0, ..., end_n] (ONNX order). */
export const pad = (x: Tensor, pads: readonly number[]) => apply('Pad', [x], { pads: [...pads] });

function normalizeAxesKeepOrder(op: string, perm: readonly number[], x: Tensor): number[] {
  const out = perm.map((a) => normalizeAxis(op, a, x.rank, [x]));
  if (out.length !== x.rank || new Set(out).size !== x.rank) throw new GraphError(op, `perm [${perm}] is not a permutation of ${x.rank} axes`, [x]);
  return out;
}

// ---- indexing -------------------------------------------------------------------------------------

/** Rows (or slices along `axis`) of x picked by integer indices: embeddings. */
export const gather = (x: Tensor, indices: Tensor, axis = 0) => apply('Gather', [x, indices], { axis: normalizeAxis('Gather', axis, x.rank, [x, indices]) });
export const gatherElements = (x: Tensor, indices: Tensor, axis: number) =>
  apply('GatherElements', [x, indices], { axis: normalizeAxis('GatherElements', axis, x.rank, [x, indices]) });
/** A copy of `data` with `updates` added (reduction 'add') or written ('none') at `indices` along axis. */
export const scatterElements = (data: Tensor, indices: Tensor, updates: Tensor, axis: number, reduction: 'none' | 'add' = 'add') =>
  apply('ScatterElements', [data, indices, updates], { axis: normalizeAxis('ScatterElements', axis, data.rank, [data, indices, updates]), reduction });
export const scatterND = (data: Tensor, indices: Tensor, updates: Tensor, reduction: 'none' | 'add' = 'add') =>
  apply('ScatterND', [data, indices, updates], { reduction });
/** The k largest values along axis (sorted) and their int64 indices. */
export function topK(x: Tensor, k: number, axis = -1): [Tensor, Tensor] {
  const [values, indices] = applyMulti('TopK', [x], { k, axis: normalizeAxis('TopK', axis, x.rank, [x]) });
  return [values, indices];
}

export * from './composites';
export { ifThenElse, loop, type LoopBody, type LoopResult } from './control';
