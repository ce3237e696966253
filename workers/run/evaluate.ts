// Evaluation of the current parameters on a whole split (validation or test), in chunks through the
// eval graph (any batch size): the loss, the task metrics and the mean gate statistics.
// `at`: a kept checkpoint's parameters and step instead of the session's (schedules follow the step).
import type { TrainSession, HostTensor, EvalPoint } from '../train-session';
import { sliceRows, type RunData, type Rows } from './run-data';
import { taskMetrics } from './eval-metrics';

const CHUNK = 4096;

export interface Evaluation {
  metrics: Record<string, number>;
  /** Statistic name -> mean over the split (flattened). */
  stats: Record<string, number[]>;
}

export async function evaluateSplit(session: TrainSession, data: RunData, rows: Rows, at?: EvalPoint): Promise<Evaluation> {
  let lossSum = 0;
  const preds: number[] = [];
  const secondary = (data.secondary ?? []).map((s) => ({ ...s, preds: [] as number[] }));
  const statSums: Record<string, number[]> = {};
  for (let from = 0; from < rows.rows; from += CHUNK) {
    const to = Math.min(rows.rows, from + CHUNK);
    const part = sliceRows(rows, from, to);
    const batch: Record<string, HostTensor> = {};
    for (const [n, c] of Object.entries(part.columns)) batch[n] = { data: c.data, dims: [to - from, ...c.shape] };
    const r = await session.evaluate(batch, at);
    lossSum += r.loss * (to - from);
    const p = r.predictions[data.prediction]?.data;
    if (!p) throw new Error(`the model has no prediction '${data.prediction}' (it has: ${Object.keys(r.predictions).join(', ')})`);
    for (let i = 0; i < p.length; i++) preds.push(Number(p[i]));
    for (const s of secondary) {
      const q = r.predictions[s.prediction]?.data;
      if (q) for (let i = 0; i < q.length; i++) s.preds.push(Number(q[i]));
    }
    for (const [name, t] of Object.entries(r.stats)) {
      const acc = (statSums[name] ??= new Array(t.data.length).fill(0));
      for (let i = 0; i < t.data.length; i++) acc[i] += Number(t.data[i]) * (to - from);
    }
  }
  const target = rows.columns[data.target].data;
  const targets = Array.from(target as ArrayLike<number | bigint>, Number);
  const metrics: Record<string, number> = { loss: lossSum / rows.rows, ...taskMetrics(data.task, preds, targets, data.classes) };
  for (const s of secondary) {
    if (s.preds.length !== rows.rows || !rows.columns[s.target]) continue; // the model has no such output
    const t = Array.from(rows.columns[s.target].data as ArrayLike<number | bigint>, Number);
    const m = taskMetrics(s.task, s.preds, t);
    for (const [k, v] of Object.entries(m)) metrics[`${s.name}_${k}`] = v;
    if (m.mse !== undefined) metrics[`${s.name}_rmse`] = Math.sqrt(m.mse);
  }
  const stats = Object.fromEntries(Object.entries(statSums).map(([n, s]) => [n, s.map((v) => v / rows.rows)]));
  return { metrics, stats };
}
