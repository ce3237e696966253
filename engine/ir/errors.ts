// Errors raised while building or emitting a graph. They name the op, the tensors and their shapes, and
// the line of the model code that built the op, so a user reading "MatMul: inner dimensions differ"
// can see which of their tensors is wrong and where it was made.
import type { Tensor } from './tensor';

export const describeShape = (shape: readonly (number | string)[]): string => `[${shape.join(', ')}]`;

export const describeTensor = (t: Tensor): string => t.toString();

/** Engine internals: frames from these files are skipped when looking for the caller's line. */
const INTERNAL = /\/engine\/(ir|ops|onnx|testing)\/[^/]+$|\/engine\/autodiff\.ts$|\/engine\/index\.ts$|node_modules|^node:|^internal\//;

/** "engine/gates/glu.ts:34:7": the first stack frame outside the engine core (null when unknown). */
export function callSite(): string | null {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const m = line.match(/\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/);
    if (!m) continue;
    const file = m[1].replace(/^file:\/\//, '').split('?')[0];
    if (INTERNAL.test(file) && !/\.test\.ts$/.test(file)) continue;
    // From the last runtime folder in the path (so /work/main/engine/x.ts gives engine/x.ts).
    const short = file.match(/^.*\/((?:engine|workers|main|common|renderer|bench)\/.*)$/);
    return `${short ? short[1] : file}:${m[2]}:${m[3]}`;
  }
  return null;
}

export class GraphError extends Error {
  /** Where the model code made the failing op (file:line:column), when the stack tells. */
  readonly site: string | null;

  constructor(
    readonly op: string,
    message: string,
    readonly tensors: readonly Tensor[] = [],
  ) {
    const list = tensors.length ? `\n  inputs: ${tensors.map((t, i) => `#${i} ${describeTensor(t)}`).join('; ')}` : '';
    const site = callSite();
    super(`${op}: ${message}${list}${site ? `\n  at ${site}` : ''}`);
    this.name = 'GraphError';
    this.site = site;
  }
}
