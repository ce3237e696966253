// What an op table entry is, and `apply`, the one place nodes are made (a tape of one step).
// Each entry says, side by side: the output types (infer), the ONNX nodes (emit), the gradient (backward).
import type { DType } from '../ir/dtype';
import type { Attrs, Node, Shape, SubGraph, Tensor, TensorData } from '../ir/tensor';

export interface OutputType {
  dtype: DType;
  shape: Shape;
}

/** An ONNX attribute value, typed as ONNX wants it (an int and a float differ on the wire). */
export type OnnxAttr =
  | { i: number }
  | { f: number }
  | { ints: readonly number[] }
  | { floats: readonly number[] }
  | { s: string }
  | { g: SubGraph }
  | { t: { dtype: DType; dims: readonly number[]; data: TensorData } };

/** What an op's `emit` may do: name tensors, add ONNX nodes to the graph being written, make constants. */
export interface EmitContext {
  /** The ONNX name of an IR tensor (its producer was already emitted). */
  name(t: Tensor): string;
  /** A fresh, unique ONNX name for an intermediate value. */
  fresh(hint: string): string;
  /** Adds one ONNX node. */
  node(opType: string, inputs: readonly string[], outputs: readonly string[], attrs?: Record<string, OnnxAttr>): void;
  /** The name of an int64 constant (a 1-D list, or a scalar when `scalar`). */
  int64(values: readonly number[], scalar?: boolean): string;
  /** The name of a scalar constant of a dtype. */
  scalar(value: number, dtype: DType): string;
  /**
   * The name of a large constant, built once per graph scope and shared by every node that asks for the
   * same `key` (dropout's mask tables): `make` runs only the first time.
   */
  table(key: string, dtype: 'float32' | 'float64', dims: readonly number[], make: () => Float32Array | Float64Array): string;
}

export interface OpDef {
  /** Output dtypes and shapes; throws GraphError naming the op and the inputs when they do not fit. */
  infer(inputs: readonly Tensor[], attrs: Attrs): OutputType[];
  /** Writes the node as ONNX; the default maps it 1:1 to the ONNX op of the same name with no attributes. */
  emit?(node: Node, ctx: EmitContext): void;
  /**
   * Gradients of the inputs given the gradients of the outputs (null: that output does not reach the loss).
   * `needs[i]` says whether input i wants one (skip work otherwise). Null result: no gradient.
   * Absent: the op is not differentiable and autodiff refuses to go through it.
   */
  backward?(node: Node, grads: readonly (Tensor | null)[], needs: readonly boolean[]): (Tensor | null)[];
}

export type OpTable = Record<string, OpDef>;
