// Which prediction a knockout row is scored on. Most models have one task: every gate is scored on the
// run's main metric (AUC, accuracy, MSE). MMoE has one gate per task (`gate.task0` weighs the experts for
// the click tower, `gate.task1` for the rating tower): a knockout of the rating gate leaves the click
// exactly as it was, so scored on the click AUC it read as "delta 0", a gate that does nothing. Each task
// gate is scored on its own task instead, with the metric the run reports for it (workers/run/evaluate.ts:
// the rating tower's rating_rmse, in the units the run scores it in).
import { unscaleValue, type ScalerState } from '../../common/data';
import type { RunData } from '../run/run-data';
import { addOneChannelErrors } from '../run/channel-errors';
import { sampleScores, type SampleScores } from './sample-metric';

export interface TaskScorer extends SampleScores {
  /** The model output scored and the test column it is scored against. */
  prediction: string;
  target: string;
  /** Forecasting: the one channel scored (a target role's), when not every channel is. */
  channel?: string;
}

/** The run's main task: its prediction against its target, on the run's main metric. */
export function mainScorer(data: RunData): TaskScorer {
  return { ...sampleScores(data.task, data.classes), prediction: data.prediction, target: data.target };
}

/** MMoE's task gates are named `<gate>.task<i>` (engine/gates mmoeGates): task 0 is the main task. */
const TASK_GATE = /\.task(\d+)$/;

/**
 * The scorer of a gate's knockouts: a task gate of a task after the first is scored on that task's output
 * (the run's `secondary` tasks, in model order), RMSE for a regression as the run reports it; every other
 * gate on the main task. A task the data does not score (no rating column) falls back to the main task.
 */
export function scorerFor(gate: string, data: RunData, main: TaskScorer): TaskScorer {
  const task = TASK_GATE.exec(gate);
  const secondary = task && Number(task[1]) > 0 ? data.secondary?.[Number(task[1]) - 1] : undefined;
  if (!secondary) return main;
  const s = sampleScores(secondary.task, 2, { root: secondary.task === 'regression' });
  const inUnits = secondary.unscale ? unscaled(s, secondary.unscale) : s;
  return { ...inUnits, name: `${secondary.name}_${s.name}`, prediction: secondary.prediction, target: secondary.target };
}

/** Scores in the target's own units: the tower learns the z-scored rating, the run reports rating points. */
function unscaled(s: SampleScores, scaler: ScalerState): SampleScores {
  const units = (v: ArrayLike<number | bigint>) => Float64Array.from(v as ArrayLike<number>, (x) => unscaleValue(scaler, Number(x)));
  return { ...s, score: (pred, target, n, out, from) => s.score({ data: units(pred.data), width: pred.width }, units(target), n, out, from) };
}

/**
 * Forecasting with a target role among several channels: each target channel's own MSE over the horizon
 * (workers/run/channel-errors.ts scores the test channels the same way). The run's headline test mse is
 * the mean of every channel (the target role selects none: workers/data/run-data.ts), so the rows keep
 * that metric and these are said beside it. One channel: the headline is the target's already, none.
 */
export function channelScorers(data: RunData, targets: readonly string[] = []): TaskScorer[] {
  const channels = data.channels ?? [];
  if (data.task !== 'regression' || channels.length < 2) return [];
  const C = channels.length;
  return targets.filter((name) => channels.includes(name)).map((name) => {
    const c = channels.indexOf(name);
    const s = sampleScores('regression');
    return {
      ...s, prediction: data.prediction, target: data.target, channel: name, name: `mse of '${name}'`,
      // a window's forecast is [horizon, channels], channel last: this channel's errors read as the test
      // channels' are (channel-errors.ts), its values only (not every channel's to keep one)
      score: (pred, target, n, out, from) => {
        const w = pred.width, H = w / C, se = new Float64Array(C);
        for (let k = 0; k < n; k++) {
          se[c] = 0;
          addOneChannelErrors(pred.data, target, k * w, (k + 1) * w, c, se);
          out[from + k] = se[c] / H;
        }
      },
    };
  });
}
