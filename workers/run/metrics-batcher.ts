// Per-step metrics leave the trainer in batches (~every 100 ms), not one IPC message per step: at
// 10k steps/s one message per point would cost more than the training. Gate statistics come from the
// graphs as [K, ...] tensors per call (one row per step, the Loop's scan outputs): see gateStatPoints for
// which of those rows are sent.
import type { FromTrainer, GateStatPoint, MetricPoint } from '../../common/trainer-protocol';

export const FLUSH_MS = 100;

export class MetricsBatcher {
  private points: MetricPoint[] = [];
  private gates: GateStatPoint[] = [];
  private last = performance.now();

  constructor(private readonly emit: (e: FromTrainer) => void, private readonly intervalMs = FLUSH_MS) {}

  add(p: MetricPoint): void {
    // JSON cannot carry NaN: a non-finite value is stopped by the NaN check before it gets here.
    if (Number.isFinite(p.value)) this.points.push(p);
  }

  addGateStats(points: GateStatPoint[]): void {
    this.gates.push(...points);
  }

  maybeFlush(): void {
    if (performance.now() - this.last >= this.intervalMs) this.flush();
  }

  flush(): void {
    this.last = performance.now();
    if (this.points.length) this.emit({ type: 'metrics', points: this.points });
    if (this.gates.length) this.emit({ type: 'gate-stats', points: this.gates });
    this.points = [];
    this.gates = [];
  }
}

/** "router.entropy" -> gate "router", stat "entropy"; a name without a dot is its own gate with stat "value". */
export function splitStatName(name: string): { gate: string; stat: string } {
  const i = name.lastIndexOf('.');
  return i > 0 ? { gate: name.slice(0, i), stat: name.slice(i + 1) } : { gate: name, stat: 'value' };
}

type StatTensor = { data: ArrayLike<number | bigint> } | number[];

/**
 * The gate statistics of one training call of `k` steps that ended at step `lastStep` (the steps are
 * lastStep-k+1 … lastStep), from the graph's [k, ...] outputs; `k` = 1 for an evaluation's plain outputs.
 *
 * Every stored point is the statistic's value AT its step, never a mean over the call: a scheduled value
 * (the router temperature τ) or a trend would otherwise be drawn at a step where it never had that value,
 * and the number of points would depend on K, which follows machine load.
 * - Scalars (mean openness, entropy, τ, auxiliary losses): one point per step, like the loss curve.
 * - Vectors (openness histogram, expert load, per-channel openness): one point per call, the last step's
 *   row. They are 4–10+ numbers each and a step's batch already estimates them; per step they would
 *   multiply the rows the lab stores and sends to the app K-fold for little more to see
 *   (a call is ~100 ms of training).
 * A point holding NaN or ±Infinity is left out (JSON cannot carry it; the trainer's NaN check stops a
 * diverged run anyway).
 */
export function gateStatPoints(stats: Record<string, StatTensor>, lastStep: number, k: number, prefix = ''): GateStatPoint[] {
  const out: GateStatPoint[] = [];
  const first = lastStep - k + 1;
  for (const [name, t] of Object.entries(stats)) {
    const data = Array.isArray(t) ? t : Array.from(t.data as ArrayLike<number>, Number);
    const width = data.length / k;
    if (!Number.isInteger(width) || width < 1) {
      throw new Error(`gate statistic '${name}' has ${data.length} values for a call of ${k} steps: expected ${k} rows of equal length`);
    }
    const split = splitStatName(name);
    const gate = prefix + split.gate, stat = split.stat;
    if (width === 1) {
      for (let i = 0; i < k; i++) if (Number.isFinite(data[i])) out.push({ step: first + i, gate, stat, value: data[i], vector: null });
    } else {
      const last = data.slice((k - 1) * width, k * width);
      if (last.every(Number.isFinite)) out.push({ step: lastStep, gate, stat, value: null, vector: last });
    }
  }
  return out;
}
