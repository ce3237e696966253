// Control flow: ONNX Loop and If. Their bodies are subgraphs that may read outer tensors (captures,
// which the emitter writes in the enclosing graph). No backward: training graphs differentiate one
// step, then wrap it in a Loop.
import { GraphError } from '../ir/errors';
import { findCaptures } from '../ir/graph';
import { Tensor, peekNextTensorId, type Dim, type SubGraph } from '../ir/tensor';
import { applyMulti } from './apply';
import { input, scalar } from './builders';
import type { OpTable } from './op';

export interface LoopResult {
  /** The loop-carried values after the last iteration. */
  states: Tensor[];
  /** Per-iteration values stacked along a new leading axis of length tripCount. */
  scans: Tensor[];
}
export type LoopBody = (iter: Tensor, states: Tensor[]) => { states: Tensor[]; scans?: Tensor[] };

let bodyCount = 0;

/** ONNX Loop: runs `body` tripCount times (iter is an int64 scalar counting from 0). */
export function loop(tripCount: Tensor | number, initialStates: readonly Tensor[], body: LoopBody): LoopResult {
  const trip = tripCount instanceof Tensor ? tripCount : scalar(tripCount, 'int64');
  if (trip.dtype !== 'int64' || trip.rank !== 0) throw new GraphError('Loop', `tripCount must be an int64 scalar, got ${trip}`, [trip]);
  const firstInnerId = peekNextTensorId();
  const k = bodyCount++;
  const iter = input(`loop${k}_iter`, 'int64', []);
  const cond = input(`loop${k}_cond`, 'bool', []);
  const stateIns = initialStates.map((s, i) => input(`loop${k}_state${i}`, s.dtype, s.shape));
  const result = body(iter, stateIns);
  if (result.states.length !== initialStates.length) {
    throw new GraphError('Loop', `the body returned ${result.states.length} states for ${initialStates.length} initial states`, initialStates);
  }
  result.states.forEach((s, i) => {
    if (s.dtype !== initialStates[i].dtype || s.rank !== initialStates[i].rank) {
      throw new GraphError('Loop', `state ${i} enters as ${initialStates[i]} but the body returns ${s}`, [initialStates[i], s]);
    }
  });
  const scans = result.scans ?? [];
  const outputs = [cond, ...result.states, ...scans];
  const inputs = [iter, cond, ...stateIns];
  const sub: SubGraph = { kind: 'subgraph', inputs, outputs, captures: findCaptures(inputs, outputs, firstInnerId) };
  const outs = applyMulti('Loop', [trip, ...initialStates], { body: sub, states: initialStates.length });
  return { states: outs.slice(0, initialStates.length), scans: outs.slice(initialStates.length) };
}

/** ONNX If: the tensors of `thenBranch` when `cond` (a bool scalar) is true, else those of `elseBranch`. */
export function ifThenElse(cond: Tensor, thenBranch: () => Tensor[], elseBranch: () => Tensor[]): Tensor[] {
  if (cond.dtype !== 'bool' || cond.rank !== 0) throw new GraphError('If', `the condition must be a bool scalar, got ${cond}`, [cond]);
  const branch = (fn: () => Tensor[]): SubGraph => {
    const first = peekNextTensorId();
    const outputs = fn();
    return { kind: 'subgraph', inputs: [], outputs, captures: findCaptures([], outputs, first) };
  };
  const thenGraph = branch(thenBranch);
  const elseGraph = branch(elseBranch);
  return applyMulti('If', [cond], { then_branch: thenGraph, else_branch: elseGraph });
}

const mergeDim = (a: Dim, b: Dim, i: number): Dim => (a === b ? a : `?if_dim${i}`);

export const controlOps: OpTable = {
  Loop: {
    infer: (inputs, attrs) => {
      const body = attrs.body as SubGraph;
      const n = attrs.states as number;
      const trip = inputs[0];
      const tripDim: Dim = trip.source.kind === 'constant' ? Number(trip.source.data[0]) : '?loop_trips';
      const states = body.outputs.slice(1, 1 + n).map((t, i) => ({
        dtype: t.dtype,
        shape: t.shape.map((d, j) => mergeDim(d, inputs[1 + i].shape[j], j)),
      }));
      const scans = body.outputs.slice(1 + n).map((t) => ({ dtype: t.dtype, shape: [tripDim, ...t.shape] }));
      return [...states, ...scans];
    },
    emit: (node, ctx) =>
      ctx.node('Loop', [ctx.name(node.inputs[0]), '', ...node.inputs.slice(1).map((t) => ctx.name(t))], node.outputs.map((t) => ctx.name(t)), {
        body: { g: node.attrs.body as SubGraph },
      }),
  },
  If: {
    infer: (inputs, attrs) => {
      const a = (attrs.then_branch as SubGraph).outputs;
      const b = (attrs.else_branch as SubGraph).outputs;
      if (a.length !== b.length) throw new GraphError('If', `the branches return ${a.length} and ${b.length} tensors`, inputs);
      return a.map((t, i) => {
        const e = b[i];
        if (t.dtype !== e.dtype || t.rank !== e.rank) throw new GraphError('If', `output ${i} is ${t} in one branch and ${e} in the other`, [t, e]);
        return { dtype: t.dtype, shape: t.shape.map((d, j) => mergeDim(d, e.shape[j], j)) };
      });
    },
    emit: (node, ctx) =>
      ctx.node('If', [ctx.name(node.inputs[0])], node.outputs.map((t) => ctx.name(t)), {
        then_branch: { g: node.attrs.then_branch as SubGraph },
        else_branch: { g: node.attrs.else_branch as SubGraph },
      }),
  },
};
