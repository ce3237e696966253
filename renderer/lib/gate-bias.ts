// A sigmoid gate's initial bias far from 0 saturates it: at |b| = 10 the sigmoid is within 5e-5 of 0 or 1
// and so is its gradient σ(b)(1 − σ(b)), so the gate starts stuck open (or shut) and barely learns. The
// lab accepts any finite bias (a user may want a gate pinned on purpose), so the form warns rather than
// refuses, beside the field, saying what the value does.

/** |b| past which a sigmoid gate's gradient at the start is below 5e-5 (σ′(10) ≈ 4.5e-5). */
export const SATURATING_BIAS = 10;

const sigmoid = (b: number) => 1 / (1 + Math.exp(-b));
const short = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? String(Number(x.toPrecision(4))) : Number(x.toPrecision(2)).toExponential().replace('e+', 'e')); // 1e6 as 1e6, not 1.0e6

/** The warning for `<gate>.initBias`, keyed by that path, or {} when the bias leaves the gate trainable. */
export function gateBiasNotes(gateField: string | null, gate: Record<string, unknown> | null): Record<string, string> {
  const b = gate?.initBias;
  if (!gateField || typeof b !== 'number' || !Number.isFinite(b) || Math.abs(b) <= SATURATING_BIAS) return {};
  const open = b > 0;
  // as a float32 run computes it (σ′ = y(1 − y) from the output y): past b ≈ 17, y rounds to 1 and the gradient is exactly 0
  const y = Math.fround(sigmoid(b));
  const slope = Math.fround(y * Math.fround(1 - y));
  const gradient = slope === 0 ? 'is 0 in float32' : `is ${short(slope)}`;
  return {
    [`${gateField}.initBias`]: `Init bias ${short(b)} starts the gate saturated ${open ? 'open (σ ≈ 1: it passes everything)' : 'shut (σ ≈ 0: it passes nothing)'}, and its gradient ${gradient}, ` +
      `so it barely learns: |bias| ≤ ${SATURATING_BIAS} keeps it trainable (e.g. ${open ? '3 to start mostly open' : '−3 to start mostly shut'}). Runs can start with it.`,
  };
}
