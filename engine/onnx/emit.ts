// IR -> ONNX ModelProto. One Emitter names every tensor uniquely (across subgraphs, so a Loop body can
// read an outer tensor by name), walks the graph in topological order and lets each op table entry
// write its ONNX nodes. Opset, IR version and domain are pinned in proto.ts.
import type { DType } from '../ir/dtype';
import { GraphError } from '../ir/errors';
import { topologicalOrder } from '../ir/graph';
import type { Node, SubGraph, Tensor, TensorData } from '../ir/tensor';
import type { EmitContext, OnnxAttr } from '../ops/op';
import { opTable } from '../ops/table';
import { IR_VERSION, OPSET, PRODUCER, onnx } from './proto';
import { tensorProto, utf8, valueInfo } from './tensor-proto';

type NodeProto = InstanceType<typeof onnx.NodeProto>;
type GraphProto = InstanceType<typeof onnx.GraphProto>;
type ModelProto = InstanceType<typeof onnx.ModelProto>;

export interface EmitModelOptions {
  /** Graph inputs (made with `input()`), in the order the model lists them. */
  inputs: readonly Tensor[];
  /** Graph outputs by name. */
  outputs: Readonly<Record<string, Tensor>>;
  /** Inputs whose values are baked in as initializers (trained weights in an export). */
  initializers?: readonly { tensor: Tensor; data: TensorData }[];
  /** Written to the model's metadata_props. */
  metadata?: Readonly<Record<string, string>>;
  graphName?: string;
}

const ARRAYS = { float32: Float32Array, float64: Float64Array, int64: BigInt64Array, bool: Uint8Array } as const;

class Emitter implements EmitContext {
  private readonly names = new Map<Tensor, string>();
  private readonly used = new Set<string>();
  /** The node list and constant cache of the graph being written (a stack: subgraphs nest). */
  private scope: { nodes: NodeProto[]; consts: Map<string, string> } = { nodes: [], consts: new Map() };

  reserve(name: string, t?: Tensor): void {
    if (this.used.has(name)) throw new GraphError('emitModel', `the name '${name}' is used twice (inputs and outputs need distinct names)`);
    this.used.add(name);
    if (t) this.names.set(t, name);
  }

  fresh(hint: string): string {
    const base = hint.replace(/[^A-Za-z0-9_]/g, '_');
    let name = base;
    for (let k = 1; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }

  has(t: Tensor): boolean {
    return this.names.has(t);
  }

  name(t: Tensor): string {
    const n = this.names.get(t);
    if (n === undefined) throw new GraphError('emitModel', `tensor ${t} has no name yet (emitted out of order: engine bug)`);
    return n;
  }

  node(opType: string, inputs: readonly string[], outputs: readonly string[], attrs: Record<string, OnnxAttr> = {}): void {
    const attribute = Object.entries(attrs).map(([name, v]) => this.attribute(name, v));
    this.scope.nodes.push(onnx.NodeProto.create({ opType, input: [...inputs], output: [...outputs], attribute, name: this.fresh(`n_${opType}`) }));
  }

  int64(values: readonly number[], isScalar = false): string {
    return this.constant('int64', isScalar ? [] : [values.length], values);
  }

  scalar(value: number, dtype: DType): string {
    return this.constant(dtype, [], [value]);
  }

  table(key: string, dtype: 'float32' | 'float64', dims: readonly number[], make: () => Float32Array | Float64Array): string {
    const id = `table:${key}`;
    const cached = this.scope.consts.get(id);
    if (cached) return cached;
    const name = this.fresh('table');
    this.node('Constant', [], [name], { value: { t: { dtype, dims: [...dims], data: make() } } });
    this.scope.consts.set(id, name);
    return name;
  }

  private constant(dtype: DType, dims: number[], values: readonly number[]): string {
    const key = `${dtype}[${dims}]${values.join(',')}`;
    const cached = this.scope.consts.get(key);
    if (cached) return cached;
    const data = dtype === 'int64' ? BigInt64Array.from(values, (v) => BigInt(v)) : new ARRAYS[dtype](values as number[]);
    const name = this.fresh(dtype === 'int64' ? 'const_i64' : 'const');
    this.node('Constant', [], [name], { value: { t: { dtype, dims, data } } });
    this.scope.consts.set(key, name);
    return name;
  }

  private attribute(name: string, v: OnnxAttr) {
    const T = onnx.AttributeProto.AttributeType;
    if ('i' in v) return onnx.AttributeProto.create({ name, type: T.INT, i: v.i });
    if ('f' in v) return onnx.AttributeProto.create({ name, type: T.FLOAT, f: v.f });
    if ('ints' in v) return onnx.AttributeProto.create({ name, type: T.INTS, ints: [...v.ints] });
    if ('floats' in v) return onnx.AttributeProto.create({ name, type: T.FLOATS, floats: [...v.floats] });
    if ('s' in v) return onnx.AttributeProto.create({ name, type: T.STRING, s: utf8(v.s) });
    if ('g' in v) return onnx.AttributeProto.create({ name, type: T.GRAPH, g: this.subgraph(v.g, name) });
    return onnx.AttributeProto.create({ name, type: T.TENSOR, t: tensorProto('', v.t.dtype, v.t.dims, v.t.data) });
  }

  /** Writes the nodes that compute `outputs`, stopping at `stopAt` (already named), into the current scope. */
  writeNodes(outputs: readonly Tensor[], stopAt: ReadonlySet<Tensor>): void {
    const { nodes, leaves } = topologicalOrder(outputs, stopAt);
    for (const leaf of leaves) {
      if (this.names.has(leaf)) continue;
      if (leaf.source.kind === 'input') {
        throw new GraphError('emitModel', `the outputs depend on input '${leaf.source.name}' ${leaf.dtype}[${leaf.shape.join(', ')}], which is not listed in inputs or initializers`);
      }
      if (leaf.source.kind === 'constant') {
        // Small constants (the scalars of `mul(x, 2)`...) are shared: one Constant node per value.
        const data = leaf.source.data;
        const key = data.length <= 16 ? `${leaf.dtype}[${leaf.shape}]${Array.from(data as ArrayLike<number | bigint>).join(',')}` : null;
        const shared = key === null ? undefined : this.scope.consts.get(key);
        if (shared) { this.names.set(leaf, shared); continue; }
        const name = this.fresh('const');
        this.names.set(leaf, name);
        this.node('Constant', [], [name], { value: { t: { dtype: leaf.dtype, dims: leaf.shape as number[], data } } });
        if (key !== null) this.scope.consts.set(key, name);
      }
    }
    for (const node of nodes) this.writeNode(node);
  }

  private writeNode(node: Node): void {
    const def = opTable[node.op];
    if (!def) throw new GraphError(node.op, `unknown op '${node.op}'`, node.inputs);
    for (const o of node.outputs) if (!this.names.has(o)) this.names.set(o, this.fresh(node.op.toLowerCase()));
    if (def.emit) def.emit(node, this);
    else this.node(node.op, node.inputs.map((t) => this.name(t)), node.outputs.map((t) => this.name(t)));
  }

  /** A Loop/If body: its own inputs and outputs; captured outer tensors are read by their outer names. */
  private subgraph(sub: SubGraph, hint: string): GraphProto {
    const outer = this.scope;
    this.scope = { nodes: [], consts: new Map() };
    try {
      const inputs = sub.inputs.map((t) => {
        this.names.set(t, this.fresh(t.source.kind === 'input' ? t.source.name : 'body_in'));
        return valueInfo(this.name(t), t.dtype, t.shape);
      });
      const stop = new Set([...sub.inputs, ...sub.captures]);
      for (const c of sub.captures) this.name(c); // the outer graph must have emitted every capture
      // A value computed in the body is written under its output name directly. An Identity is not free:
      // ORT copied the Adam state through it on every Loop step (≈1.7 ms of a 25 ms GMU step). Only
      // pass-throughs (body inputs, captures, constants) and a value output twice get one, since an output
      // must be produced inside the body.
      const outNames = sub.outputs.map((_, i) => this.fresh(`${hint}_out${i}`));
      const direct = new Map<Tensor, string>();
      sub.outputs.forEach((t, i) => {
        if (t.source.kind === 'op' && !stop.has(t) && !this.names.has(t) && !direct.has(t)) { direct.set(t, outNames[i]); this.names.set(t, outNames[i]); }
      });
      this.writeNodes(sub.outputs, stop);
      const outputs = sub.outputs.map((t, i) => {
        if (direct.get(t) !== outNames[i]) this.node('Identity', [this.name(t)], [outNames[i]]);
        return valueInfo(outNames[i], t.dtype, t.shape);
      });
      return onnx.GraphProto.create({ name: this.fresh(hint), node: this.scope.nodes, input: inputs, output: outputs });
    } finally {
      this.scope = outer;
    }
  }

  get nodes(): NodeProto[] {
    return this.scope.nodes;
  }
}

/** Builds the ONNX ModelProto (use `emitModel` for the bytes). */
export function buildModelProto(opts: EmitModelOptions): ModelProto {
  const entries = Object.entries(opts.outputs);
  if (entries.length === 0) throw new GraphError('emitModel', 'the model has no outputs: pass at least one tensor in `outputs`');
  const e = new Emitter();
  const baked = new Map((opts.initializers ?? []).map((i) => [i.tensor, i.data]));
  for (const t of [...opts.inputs, ...baked.keys()]) {
    if (t.source.kind !== 'input') throw new GraphError('emitModel', `inputs and initializers must be input() tensors, got ${t}`);
    if (!e.has(t)) e.reserve(t.source.name, t);
  }
  // Outputs produced by a node take the output's name directly; anything else goes through an Identity.
  const direct = new Map<Tensor, string>();
  for (const [name, t] of entries) {
    if (t.source.kind === 'op' && !direct.has(t) && !e.has(t)) { direct.set(t, name); e.reserve(name, t); } else e.reserve(name);
  }
  e.writeNodes(entries.map(([, t]) => t), new Set());
  for (const [name, t] of entries) if (direct.get(t) !== name) e.node('Identity', [e.name(t)], [name]);

  const initializer = [...baked].map(([t, data]) => {
    const dims = t.shape.map((d) => {
      if (typeof d !== 'number') throw new GraphError('emitModel', `initializer '${e.name(t)}' has symbolic dim '${d}'; initializers need numeric shapes`);
      return d;
    });
    if (data.length !== dims.reduce((a, b) => a * b, 1)) throw new GraphError('emitModel', `initializer '${e.name(t)}' has ${data.length} values for shape [${dims.join(', ')}]`);
    return tensorProto(e.name(t), t.dtype, dims, data);
  });
  const graph = onnx.GraphProto.create({
    name: opts.graphName ?? 'gatelab',
    node: e.nodes,
    input: opts.inputs.filter((t) => !baked.has(t)).map((t) => valueInfo(e.name(t), t.dtype, t.shape)),
    output: entries.map(([name, t]) => valueInfo(name, t.dtype, t.shape)),
    initializer,
  });
  return onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: PRODUCER,
    opsetImport: [{ domain: '', version: OPSET }],
    graph,
    metadataProps: Object.entries(opts.metadata ?? {}).map(([key, value]) => ({ key, value })),
  });
}

/** IR -> serialized ONNX model (opset 17, IR version 8, standard domain only). */
export function emitModel(opts: EmitModelOptions): Uint8Array {
  return onnx.ModelProto.encode(buildModelProto(opts)).finish();
}
