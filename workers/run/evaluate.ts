// Evaluation of the current parameters on a whole split (validation or test), in chunks through the
// eval graph (any batch size): the loss, the task metrics and the mean gate statistics. A chunk is at most
// 4,096 samples and ~128 MB of input plus the forward's intermediates (eval-chunk.ts: ONNX Runtime's arena
// holds those, and a wide file's evaluation sized by its input alone grew the trainer to 2.5 GB). Its
// batch is gathered from the part's source when it runs and the metrics are streamed
// (metric-stream.ts): evaluation holds one chunk, whatever the number of windows.
// `at`: a kept checkpoint's parameters and step instead of the session's (schedules follow the step).
import type { TrainSession, HostTensor, EvalPoint } from '../train-session';
import { rangeBatch, sampleBytes, type RunData, type Rows } from './run-data';
import { evalChunkRows } from './eval-chunk';
import { MetricStream } from './metric-stream';
import { ChannelErrors, type ChannelError } from './channel-errors';
import { classNamesOf, type ClassBreakdown } from './class-metrics';
import { unscaleValue, type ScalerState } from '../../common/data';

/** Scaled values back in their column's units (a z-scored rating → rating points), in float64. */
function inUnits(values: ArrayLike<number | bigint>, scaler: ScalerState | undefined): ArrayLike<number | bigint> {
  return scaler ? Float64Array.from(values as ArrayLike<number>, (v) => unscaleValue(scaler, Number(v))) : values;
}

export interface Evaluation {
  metrics: Record<string, number>;
  /** Forecasting: the main task's MSE and MAE of each channel (same units as `mse`/`mae`: the scaled values). */
  channels?: ChannelError[];
  /** Classification: the main task's precision, recall, F1 and support per class and the confusion matrix. */
  classes?: ClassBreakdown;
  /** Statistic name -> mean over the split (flattened). */
  stats: Record<string, number[]>;
}

export async function evaluateSplit(session: TrainSession, data: RunData, rows: Rows, at?: EvalPoint): Promise<Evaluation> {
  let lossSum = 0;
  const main = new MetricStream(data.task, data.classes, { r2: data.r2 });
  // A secondary output is scored only when the model has it and the data has its target in every chunk.
  const secondary = (data.secondary ?? []).map((s) => ({ ...s, stream: new MetricStream(s.task), present: true }));
  const statSums: Record<string, number[]> = {};
  const perChannel = data.task === 'regression' && data.channels?.length ? new ChannelErrors(data.channels) : undefined;
  const chunk = evalChunkRows(session.compiled.definition, sampleBytes(rows), session.compiled.dtype);
  for (let from = 0; from < rows.rows; from += chunk) {
    const to = Math.min(rows.rows, from + chunk);
    const batch: Record<string, HostTensor> = rangeBatch(rows, from, to);
    const r = await session.evaluate(batch, at);
    lossSum += r.loss * (to - from);
    const p = r.predictions[data.prediction]?.data;
    if (!p) throw new Error(`the model has no prediction '${data.prediction}' (it has: ${Object.keys(r.predictions).join(', ')})`);
    const target = batch[data.target];
    if (!target) throw new Error(`the split has no target '${data.target}' (it has: ${Object.keys(batch).join(', ')})`);
    main.add(p, target.data);
    perChannel?.add(p, target.data);
    for (const s of secondary) {
      const q = r.predictions[s.prediction]?.data;
      const t = batch[s.target]?.data;
      if (q && t && s.present) s.stream.add(inUnits(q, s.unscale), inUnits(t, s.unscale));
      else s.present = false;
    }
    for (const [name, t] of Object.entries(r.stats)) {
      const acc = (statSums[name] ??= new Array(t.data.length).fill(0));
      for (let i = 0; i < t.data.length; i++) acc[i] += Number(t.data[i]) * (to - from);
    }
  }
  const metrics: Record<string, number> = { loss: lossSum / rows.rows, ...main.result() };
  for (const s of secondary) {
    if (!s.present || s.stream.seen !== rows.rows) continue; // the model has no such output
    const m = s.stream.result();
    for (const [k, v] of Object.entries(m)) metrics[`${s.name}_${k}`] = v;
    if (m.mse !== undefined) metrics[`${s.name}_rmse`] = Math.sqrt(m.mse);
  }
  const stats = Object.fromEntries(Object.entries(statSums).map(([n, s]) => [n, s.map((v) => v / rows.rows)]));
  const classes = data.task === 'regression' ? undefined : main.classBreakdown(classNamesOf(data));
  return { metrics, stats, ...(perChannel ? { channels: perChannel.result() } : {}), ...(classes ? { classes } : {}) };
}
