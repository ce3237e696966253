// Per-sample FLOPs actually executed when skipped work is skipped, from the gate values the analytics
// eval graph reports per sample:
//   routers      an expert whose weight for a token is exactly 0 is not run for that token;
//   early exits  blocks after a sample's exit are not run (nor their heads and gates);
//   zero gates   a hard gate's closed unit (value exactly 0) removes its share of the rows of the next
//                matrix product (its consumer).
// Everything is relative to the dense forward of forwardCosts (one sample, all matrix products).
import type { ConditionalGate } from '../../common/analytics';

/**
 * Router: weights [samples, tokensPerSample…, E] flattened. expertFlops[e] is expert e's FLOPs for a whole
 * sample (all its tokens). Returns FLOPs skipped per sample.
 */
export function routerSkips(expertFlops: readonly number[], weights: ArrayLike<number>, samples: number): Float64Array {
  const E = expertFlops.length;
  const perSample = weights.length / samples;
  if (!Number.isInteger(perSample) || perSample % E !== 0) {
    throw new Error(`router weights have ${weights.length} values, which is not samples (${samples}) × tokens × experts (${E})`);
  }
  const tokens = perSample / E;
  const out = new Float64Array(samples);
  for (let n = 0; n < samples; n++) {
    let skipped = 0;
    for (let t = 0; t < tokens; t++) {
      const row = (n * tokens + t) * E;
      for (let e = 0; e < E; e++) if (weights[row + e] === 0) skipped += expertFlops[e] / tokens;
    }
    out[n] = skipped;
  }
  return out;
}

/**
 * Early exit: stageFlops[i] is the work of stage i (block, head, gate); exitAt[n] the stage sample n left
 * at. Returns FLOPs skipped per sample (the stages after its exit).
 */
export function exitSkips(stageFlops: readonly number[], exitAt: ArrayLike<number>): Float64Array {
  const after = stageFlops.map((_, i) => stageFlops.slice(i + 1).reduce((a, b) => a + b, 0));
  return Float64Array.from(exitAt, (i) => after[i]);
}

/** The stage each sample leaves at: the first whose gate value exceeds the threshold, else the last. */
export function exitStages(gates: readonly ArrayLike<number>[], samples: number, threshold: number): Int32Array {
  const out = new Int32Array(samples).fill(gates.length);
  for (let n = 0; n < samples; n++) {
    for (let i = 0; i < gates.length; i++) if (gates[i][n] > threshold) { out[n] = i; break; }
  }
  return out;
}

/** Zero gate: values [samples, units…] flattened; consumerFlops the FLOPs of the products it feeds. */
export function zeroGateSkips(consumerFlops: number, values: ArrayLike<number>, samples: number): Float64Array {
  const units = values.length / samples;
  const out = new Float64Array(samples);
  for (let n = 0; n < samples; n++) {
    let zeros = 0;
    for (let u = 0; u < units; u++) if (values[n * units + u] === 0) zeros++;
    out[n] = (consumerFlops * zeros) / units;
  }
  return out;
}

/** Per-sample executed FLOPs = dense − Σ skips, and each gate's share. */
export function executedFlops(dense: number, skips: { gate: string; kind: ConditionalGate['kind']; skippable: number; perSample: Float64Array }[], samples: number) {
  const perSample = new Float64Array(samples).fill(dense);
  const gates: ConditionalGate[] = skips.map((s) => {
    let sum = 0;
    for (let n = 0; n < samples; n++) { perSample[n] -= s.perSample[n]; sum += s.perSample[n]; }
    return { gate: s.gate, kind: s.kind, skippable: s.skippable, skipped: samples ? sum / samples : 0 };
  });
  return { perSample, gates };
}
