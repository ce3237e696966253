// Where a model's forward FLOPs go: every matrix product of the inference graph for ONE sample, with
// the parameters its weight operand comes from. Grouping those by parameter name (e.g. `expert2.*`,
// `block1.*`) tells the accounting how much work a gate can skip. Counts 2 FLOPs per multiply-add, as
// engine/models modelSize does, so dense counts agree with the model builder's.
import type { Node, Tensor } from '../ir/tensor';
import { topologicalOrder } from '../ir/graph';
import { input } from '../ops/builders';
import { namedParams } from '../nn/params';
import { specDtype, type ModelDefinition } from '../train/model';
import { withGateHook } from './hook';

export interface MatmulCost {
  node: Node;
  flops: number;
  /** Parameter names the weight operand is made of (empty: an activation × activation product, e.g. attention scores). */
  params: string[];
}

export interface ForwardCosts {
  /** FLOPs of one forward pass for one sample (all matrix products). */
  total: number;
  matmuls: MatmulCost[];
  /** The forward's predictions (one sample), for walking from gate values to the products they feed. */
  predictions: Record<string, Tensor>;
}

// Ops a weight passes through on its way to a product without becoming an activation.
const WEIGHT_PATH = new Set(['Reshape', 'Transpose', 'Unsqueeze', 'Squeeze', 'Slice', 'Cast', 'Identity', 'Mul', 'Concat', 'Expand']);

/** Parameter inputs a weight operand is built from (through reshapes and masks only). */
function weightParams(t: Tensor, isParam: (t: Tensor) => string | null): string[] {
  const out = new Set<string>();
  const stack = [t];
  const seen = new Set<Tensor>();
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    const name = isParam(x);
    if (name) { out.add(name); continue; }
    const n = x.node;
    if (n && WEIGHT_PATH.has(n.op)) stack.push(...n.inputs);
  }
  return [...out];
}

/** FLOPs of one MatMul/Gemm node with symbolic dims counted as 1 (the graph is built for one sample). */
export function matmulFlops(n: Node): number {
  const a = n.inputs[0];
  const k = (n.op === 'Gemm' && n.attrs.transA ? a.shape[0] : a.shape[a.rank - 1]) as number;
  const outSize = n.outputs[0].shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
  return 2 * k * outSize;
}

/** Costs of the matrix products of `outputs` (any graph; `paramName` says which leaves are parameters). */
export function costsOf(outputs: readonly Tensor[], paramName: (t: Tensor) => string | null): { total: number; matmuls: MatmulCost[] } {
  const { nodes } = topologicalOrder(outputs);
  const matmuls: MatmulCost[] = [];
  for (const node of nodes) {
    if (node.op !== 'MatMul' && node.op !== 'Gemm') continue;
    const params = weightParams(node.inputs[1], paramName);
    matmuls.push({ node, flops: matmulFlops(node), params: params.length ? params : weightParams(node.inputs[0], paramName) });
  }
  return { total: matmuls.reduce((s, m) => s + m.flops, 0), matmuls };
}

/** The model's inference forward for a batch of one, and the costs of its matrix products. */
export function forwardCosts(def: ModelDefinition): ForwardCosts {
  const bound = namedParams('float32');
  const inputs: Record<string, Tensor> = {};
  for (const [name, spec] of Object.entries(def.inputs)) inputs[name] = input(name, specDtype(spec, 'float32'), [1, ...spec.shape]);
  const out = def.forward(bound.ctx, inputs);
  const params = new Map(bound.tensors.map((t, i) => [t, bound.layout().params[i].name]));
  const { total, matmuls } = costsOf(Object.values(out.predictions), (t) => params.get(t) ?? null);
  return { total, matmuls, predictions: out.predictions };
}

/**
 * FLOPs per group, where `groupOf(paramName)` names the group of a parameter (or null: not conditional).
 * A product belongs to the group of its weight's parameters (the first that has a group).
 */
export function groupFlops(costs: Pick<ForwardCosts, 'matmuls'>, groupOf: (param: string) => string | null): Map<string, number> {
  const by = new Map<string, number>();
  for (const m of costs.matmuls) {
    const g = m.params.map(groupOf).find((x) => x !== null);
    if (g) by.set(g, (by.get(g) ?? 0) + m.flops);
  }
  return by;
}

/** The expert index of a parameter named `...expert<i>.<...>`, the convention of the zoo's MoE templates. */
export function expertGroup(param: string): string | null {
  const m = /(?:^|\.)expert(\d+)\./.exec(param);
  return m ? `expert${m[1]}` : null;
}

/**
 * FLOPs of the matrix products each gate's value feeds first (following its value forward through
 * elementwise and shape ops until a product): what a closed unit of a hard gate lets the model skip.
 */
export function gateConsumerFlops(def: ModelDefinition): Map<string, number> {
  const bound = namedParams('float32');
  const inputs: Record<string, Tensor> = {};
  for (const [name, spec] of Object.entries(def.inputs)) inputs[name] = input(name, specDtype(spec, 'float32'), [1, ...spec.shape]);
  const values = new Map<string, Tensor>();
  const out = withGateHook((gate, _kind, value) => { values.set(gate, value); return value; }, () => def.forward(bound.ctx, inputs));
  const { nodes } = topologicalOrder(Object.values(out.predictions));
  const consumers = new Map<Tensor, Node[]>();
  for (const n of nodes) for (const t of n.inputs) consumers.set(t, [...(consumers.get(t) ?? []), n]);
  const result = new Map<string, number>();
  for (const [gate, value] of values) {
    let flops = 0;
    const seen = new Set<Node>();
    const stack = [value];
    while (stack.length) {
      for (const n of consumers.get(stack.pop()!) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        if (n.op === 'MatMul' || n.op === 'Gemm') flops += matmulFlops(n);
        else stack.push(...n.outputs);
      }
    }
    result.set(gate, flops);
  }
  return result;
}
