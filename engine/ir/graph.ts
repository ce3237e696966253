// Walking a graph: the topological order of the nodes that produce some outputs, and the outer-scope
// tensors a subgraph (Loop/If body) captures. Edges are object references, so a walk is all it takes.
import type { AttrValue, Node, SubGraph, Tensor } from './tensor';

const isSubGraph = (v: AttrValue): v is SubGraph => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as SubGraph).kind === 'subgraph';

/** The subgraphs a node carries (Loop body, If branches). */
export const subGraphsOf = (node: Node): SubGraph[] => Object.values(node.attrs).filter(isSubGraph);

/** Tensors a node needs before it can run: its inputs and what its subgraphs capture. */
export const dependenciesOf = (node: Node): Tensor[] => [...node.inputs, ...subGraphsOf(node).flatMap((g) => g.captures)];

export interface Ordered {
  /** Nodes in an order where every node comes after the producers of its dependencies. */
  nodes: Node[];
  /** Inputs and constants reached (excluding `stopAt`), in first-seen order. */
  leaves: Tensor[];
}

/** Topological order of everything `outputs` depend on; the walk does not go past `stopAt`. */
export function topologicalOrder(outputs: readonly Tensor[], stopAt: ReadonlySet<Tensor> = new Set()): Ordered {
  const nodes: Node[] = [];
  const leaves: Tensor[] = [];
  const seenNodes = new Set<Node>();
  const seenLeaves = new Set<Tensor>();
  // Iterative DFS (graphs of thousands of nodes would overflow the stack when recursing).
  const stack: { node: Node; expanded: boolean }[] = [];
  const visit = (t: Tensor) => {
    if (stopAt.has(t)) return;
    const node = t.node;
    if (!node) {
      if (!seenLeaves.has(t)) { seenLeaves.add(t); leaves.push(t); }
      return;
    }
    if (!seenNodes.has(node)) stack.push({ node, expanded: false });
  };
  for (const out of outputs) {
    visit(out);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (seenNodes.has(top.node)) { stack.pop(); continue; }
      if (top.expanded) {
        stack.pop();
        seenNodes.add(top.node);
        nodes.push(top.node);
        continue;
      }
      top.expanded = true;
      for (const dep of [...dependenciesOf(top.node)].reverse()) visit(dep);
    }
  }
  return { nodes, leaves };
}

/**
 * The outer-scope tensors a body built between `firstInnerId` and now reads: tensors created before the
 * body started (ids are increasing) that the body's outputs depend on, plus the captures of nested bodies.
 */
export function findCaptures(bodyInputs: readonly Tensor[], bodyOutputs: readonly Tensor[], firstInnerId: number): Tensor[] {
  const inner = new Set(bodyInputs);
  const captures = new Set<Tensor>();
  const seen = new Set<Tensor>();
  const stack = [...bodyOutputs];
  while (stack.length) {
    const t = stack.pop()!;
    if (seen.has(t) || inner.has(t)) continue;
    seen.add(t);
    if (t.id < firstInnerId) { captures.add(t); continue; }
    const node = t.node;
    if (!node) continue; // a constant made inside the body: emitted inside it
    stack.push(...dependenciesOf(node));
  }
  return [...captures];
}
