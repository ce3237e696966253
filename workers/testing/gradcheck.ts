// Gradient checking in onnxruntime-node: engine/testing/gradcheck.ts with ORT as the runner.
// Usage in a test: `const r = await checkGradients((x, w) => matmul(x, w), [{ name: 'x', shape: [2, 3] }, ...]);
// expect(r.maxError).toBeLessThan(1e-6);` (inputs are float64 unless said; see CheckedInput).
import type { Tensor } from '../../engine/ir/tensor';
import { gradcheck, type CheckedInput, type GradcheckResult } from '../../engine/testing/gradcheck';
import { GraphRunner } from './run-graph';

export type { CheckedInput, GradcheckResult };

export function checkGradients(
  fn: (...xs: Tensor[]) => Tensor | readonly Tensor[],
  inputs: readonly CheckedInput[],
  opts: { seed?: number; h?: number } = {},
): Promise<GradcheckResult> {
  return gradcheck(fn, inputs, (model) => GraphRunner.load(model), opts);
}

/** A one-line summary of a result for an assertion message. */
export const describeGradcheck = (r: GradcheckResult): string =>
  Object.entries(r.errors).map(([k, e]) => `${k}: ${e.toExponential(2)}`).join(', ');
