// Sliding windows for forecasting: a sample at target start t reads inputs [t - lookback, t) and
// predicts [t, t + horizon). Windows of the validation and test parts may look back into the part
// before them (the Informer/Time-Series-Library protocol), so each part keeps all its targets.
export interface WindowState {
  kind: 'windows';
  lookback: number;
  horizon: number;
  stride: number;
}

/**
 * Target start rows of every window whose targets lie in [start, end). The inputs may begin before
 * `start` only when `reachBack` (validation/test), and never before row 0.
 */
export function windowStarts(range: [number, number], w: Omit<WindowState, 'kind'>, reachBack: boolean): Int32Array {
  const [start, end] = range;
  const first = reachBack ? Math.max(start, w.lookback) : start + w.lookback;
  const last = end - w.horizon; // inclusive
  if (last < first) return new Int32Array(0);
  const n = Math.floor((last - first) / w.stride) + 1;
  return Int32Array.from({ length: n }, (_, i) => first + i * w.stride);
}

/**
 * Gathers windows into [B, lookback, C] inputs and [B, horizon, C] targets (row-major, Float32)
 * from per-channel series (already scaled).
 */
export function gatherWindows(
  channels: ArrayLike<number>[],
  starts: ArrayLike<number>,
  lookback: number,
  horizon: number,
): { inputs: Float32Array; targets: Float32Array } {
  const C = channels.length;
  const B = starts.length;
  const inputs = new Float32Array(B * lookback * C);
  const targets = new Float32Array(B * horizon * C);
  for (let b = 0; b < B; b++) {
    const t = starts[b];
    for (let c = 0; c < C; c++) {
      const s = channels[c];
      for (let i = 0; i < lookback; i++) inputs[(b * lookback + i) * C + c] = s[t - lookback + i];
      for (let i = 0; i < horizon; i++) targets[(b * horizon + i) * C + c] = s[t + i];
    }
  }
  return { inputs, targets };
}
