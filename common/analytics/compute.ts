// Conditional-compute accounting: FLOPs actually executed per sample at inference when skipped work is
// skipped (experts a token is not routed to, blocks after an early exit, inputs of closed hard gates),
// against the dense model that computes everything.
import { z } from 'zod';

export const FlopsSummary = z.object({
  /** FLOPs of one forward pass for one sample when nothing is skipped (matrix products, 2 per MAC). */
  dense: z.number(),
  mean: z.number(),
  p50: z.number(),
  p95: z.number(),
  /** 1 − mean/dense. */
  saved: z.number(),
});
export type FlopsSummary = z.infer<typeof FlopsSummary>;

/** Where the savings come from, per conditional gate. */
export const ConditionalGate = z.object({
  gate: z.string(),
  kind: z.enum(['router', 'exit', 'hard']),
  /** FLOPs this gate can skip per sample at most (all experts / blocks after the first exit / consumer rows). */
  skippable: z.number(),
  /** Mean FLOPs per sample it actually skipped. */
  skipped: z.number(),
});
export type ConditionalGate = z.infer<typeof ConditionalGate>;

export const ComputeReport = z.object({
  flops: FlopsSummary,
  gates: z.array(ConditionalGate),
});
export type ComputeReport = z.infer<typeof ComputeReport>;

/** One point of an early-exit compute–accuracy curve. */
export const ExitCurvePoint = z.object({
  threshold: z.number(),
  metric: z.number(),
  meanFlops: z.number(),
  /** Fraction of samples leaving at each exit. */
  exitRates: z.array(z.number()),
});
export type ExitCurvePoint = z.infer<typeof ExitCurvePoint>;

export const ExitCurve = z.object({
  metric: z.string(),
  denseFlops: z.number(),
  points: z.array(ExitCurvePoint),
  /** The threshold the model was trained with (the chosen operating point). */
  chosen: z.number(),
});
export type ExitCurve = z.infer<typeof ExitCurve>;

/** mean, p50, p95 of per-sample FLOPs against the dense count. */
export function summarizeFlops(perSample: ArrayLike<number>, dense: number): FlopsSummary {
  const sorted = Float64Array.from(perSample).sort();
  const n = sorted.length;
  const mean = n ? sorted.reduce((a, b) => a + b, 0) / n : dense;
  const at = (q: number) => (n ? sorted[Math.min(n - 1, Math.ceil(q * n) - 1)] : dense); // nearest-rank percentile
  return { dense, mean, p50: at(0.5), p95: at(0.95), saved: dense > 0 ? 1 - mean / dense : 0 };
}
