// Per-step metrics leave the trainer in batches (~every 100 ms), not one IPC message per step: at
// 10k steps/s one message per point would cost more than the training. Gate statistics come from the
// graphs as [K, ...] tensors per call; we send their mean over the call at its last step.
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

/** Mean over the K steps of a call of each statistic (scalar -> value, vector -> vector). */
export function gateStatPoints(stats: Record<string, StatTensor>, step: number, k: number, prefix = ''): GateStatPoint[] {
  const out: GateStatPoint[] = [];
  for (const [name, t] of Object.entries(stats)) {
    const data = Array.isArray(t) ? t : Array.from(t.data as ArrayLike<number>, Number);
    const width = Math.max(1, Math.floor(data.length / k));
    const mean = new Array<number>(width).fill(0);
    for (let i = 0; i < data.length; i++) mean[i % width] += data[i] / k;
    if (!mean.every(Number.isFinite)) continue;
    const split = splitStatName(name);
    const gate = prefix + split.gate, stat = split.stat;
    out.push(width === 1 ? { step, gate, stat, value: mean[0], vector: null } : { step, gate, stat, value: null, vector: mean });
  }
  return out;
}
