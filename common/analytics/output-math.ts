// A model output read in the task's terms, one rule for every face that shows predictions: Try it's rows
// (renderer/lib/try-rows.ts), its What if and `gatelab knockout --rows` (knockout-rows.ts rowTerms). A
// binary model's logit is a probability σ(logit); a multi-class model's logits are a top class and its
// softmax probability; a forecast (or any vector) is compared with its target by the mean squared error.

/** σ(x), written so that a large |x| neither overflows nor loses the small side (σ(-800) is 0, not NaN). */
export const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** Softmax with the max subtracted first, so logits in the hundreds do not overflow. */
export function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** The class id with the highest logit (the first on a tie) and its softmax probability. */
export function topClass(logits: readonly number[]): { id: number; probability: number } {
  const p = softmax(logits);
  const id = p.indexOf(Math.max(...p));
  return { id, probability: p[id] };
}

/** Mean squared error of a prediction against its target; null when there is nothing to compare (empty, or lengths differ). */
export function meanSquaredError(a: readonly number[], b: readonly number[]): number | null {
  if (!a.length || a.length !== b.length) return null;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s / a.length;
}
