// A symbolic tensor: a value in a graph being built. Edges are object references (a tensor points at
// the node that produced it); names exist only for graph inputs, parameters and outputs.
import type { DType } from './dtype';

/** A dimension: a number, or a symbol such as 'batch' that ONNX Runtime binds at run time. */
export type Dim = number | string;
export type Shape = readonly Dim[];

/** Values a constant or an initializer holds. Integers as bigint in BigInt64Array. */
export type TensorData = Float32Array | Float64Array | BigInt64Array | Uint8Array;

export type TensorSource =
  | { kind: 'input'; name: string }
  | { kind: 'constant'; data: TensorData }
  | { kind: 'op'; node: Node; index: number };

let nextId = 1;

/** The id the next tensor will get: tensors made after this call have ids >= it (used to find captures). */
export const peekNextTensorId = (): number => nextId;

export class Tensor {
  readonly id = nextId++;
  constructor(
    readonly dtype: DType,
    readonly shape: Shape,
    readonly source: TensorSource,
  ) {}

  get rank(): number {
    return this.shape.length;
  }

  /** The node that produced this tensor, or null for inputs and constants. */
  get node(): Node | null {
    return this.source.kind === 'op' ? this.source.node : null;
  }

  toString(): string {
    const what = this.source.kind === 'input' ? `input '${this.source.name}'`
      : this.source.kind === 'constant' ? 'constant' : `${this.source.node.op} output ${this.source.index}`;
    return `${what} ${this.dtype}[${this.shape.join(', ')}]`;
  }
}

/** Attribute values an op may carry (ints, floats, int lists, strings, and subgraphs for Loop/If). */
export type AttrValue = number | string | boolean | readonly Dim[] | SubGraph;
export type Attrs = Readonly<Record<string, AttrValue>>;

/** A graph nested in a node (Loop/If bodies): its own inputs, its outputs; may capture outer tensors. */
export interface SubGraph {
  readonly kind: 'subgraph';
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  /** Outer-scope tensors the body reads: the emitter emits them in the enclosing graph first. */
  readonly captures: readonly Tensor[];
}

export interface Node {
  readonly id: number;
  readonly op: string;
  readonly inputs: readonly Tensor[];
  readonly attrs: Attrs;
  readonly outputs: readonly Tensor[];
}
