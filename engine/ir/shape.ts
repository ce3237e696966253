// Shape arithmetic shared by the op table: numpy broadcasting with symbolic dims, axis normalisation.
import type { Dim, Shape, Tensor } from './tensor';
import { GraphError, describeShape } from './errors';

/** One broadcast dimension, or null when the two cannot broadcast. Symbols match only themselves or 1. */
export function broadcastDim(a: Dim, b: Dim): Dim | null {
  if (a === b) return a;
  if (a === 1) return b;
  if (b === 1) return a;
  // A symbol against a number > 1: the symbol must equal that number at run time; keep the number.
  if (typeof a === 'string' && typeof b === 'number') return b;
  if (typeof b === 'string' && typeof a === 'number') return a;
  // Two symbols: a user's names ('batch' vs 'seq') must agree, but a symbol the engine derived
  // ('n+m', 'batch*3', '?loop_trips') cannot be compared statically: trust it, keep the other name.
  if (isDerivedDim(a as string)) return b;
  if (isDerivedDim(b as string)) return a;
  return null;
}

/** Engine-made symbols (from concat, reshape -1, Loop, If, Range) contain one of ? + * /. */
export const isDerivedDim = (d: string): boolean => /[?+*/]/.test(d);

/** numpy broadcasting of several tensors' shapes; throws a GraphError naming the op and the shapes. */
export const broadcastShapes = (op: string, tensors: readonly Tensor[]): Dim[] => broadcastShapeList(op, tensors.map((t) => t.shape), tensors);

/** numpy broadcasting of shapes; `context` are the tensors an error message names. */
export function broadcastShapeList(op: string, shapes: readonly Shape[], context: readonly Tensor[]): Dim[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    let d: Dim = 1;
    for (const s of shapes) {
      const k = i - (rank - s.length);
      if (k < 0) continue;
      const next = broadcastDim(d, s[k]);
      if (next === null) {
        throw new GraphError(op, `shapes ${shapes.map((x) => describeShape(x)).join(' and ')} do not broadcast (axis ${i - rank} has ${d} vs ${s[k]})`, context);
      }
      d = next;
    }
    out.push(d);
  }
  return out;
}

/** Axis in [-rank, rank) to [0, rank). */
export function normalizeAxis(op: string, axis: number, rank: number, tensors: readonly Tensor[] = []): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new GraphError(op, `axis ${axis} is out of range for a rank-${rank} tensor`, tensors);
  }
  return axis < 0 ? axis + rank : axis;
}

export function normalizeAxes(op: string, axes: readonly number[], rank: number, tensors: readonly Tensor[] = []): number[] {
  const out = axes.map((a) => normalizeAxis(op, a, rank, tensors));
  if (new Set(out).size !== out.length) throw new GraphError(op, `axes ${describeShape(axes)} repeat an axis`, tensors);
  return out.sort((a, b) => a - b);
}

export const sameShape = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** Number of elements when every dim is a number, else null. */
export function staticSize(shape: Shape): number | null {
  let n = 1;
  for (const d of shape) {
    if (typeof d !== 'number') return null;
    n *= d;
  }
  return n;
}

export const isStatic = (shape: Shape): shape is readonly number[] => shape.every((d) => typeof d === 'number');
