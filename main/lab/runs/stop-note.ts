// Why a finished run stopped, in words: "stopped early at step 70: validation loss did not improve for
// 3 epochs; test uses the best weights, from step 40". The trainer says why it stopped (its 'finished'
// message: early stopping, the max-steps cap, every epoch done, a cancel); trainer-link.ts stores that with
// the run (RunStop, migration 0006) and the Runs view, `gatelab runs`/`show` and the HTML report say it.
// A run held before its trainer started gets its own wording: "stopped at step 0" read as if it had trained.
import type { RunStop } from '../store/runs';

interface StopConfig {
  epochs?: number;
  maxSteps?: number;
  earlyStopping?: { patience?: number; minDelta?: number };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Which weights the test metrics (and an export) come from, when the run kept a best checkpoint. */
function testedWith(stop: RunStop): string {
  if (stop.bestStep === null) return '';
  if (stop.bestStep === stop.step) return '; its final weights were the best on validation (test uses them)';
  return `; test uses the best weights, from step ${stop.bestStep}`;
}

/**
 * The epoch (1-based) whose end the best-on-validation weights were kept at: best checkpoints are taken at
 * epoch ends, and every epoch has the same number of steps. null when the steps do not say it exactly.
 */
function bestEpoch(stop: RunStop): number | null {
  if (stop.bestStep === null || stop.epoch <= 0 || stop.step % stop.epoch !== 0) return null;
  const perEpoch = stop.step / stop.epoch;
  return perEpoch > 0 && stop.bestStep % perEpoch === 0 && stop.bestStep > 0 ? stop.bestStep / perEpoch : null;
}

/**
 * The prefix of a held run's stop reason: a queued run held paused before its trainer started (the CLI
 * command that queued it was stopped or exited) stores "not started: <why>" (queue-holds.ts heldUpdate,
 * which writes the same prefix). Such a run did not stop at a step; it never ran, or never ran again.
 */
export const HELD_REASON_PREFIX = 'not started: ';

/** A held run's note: "held before it started: <why>" (or, for a requeued run with progress, "…before it resumed from step N"). */
function describeHeld(stop: RunStop): string {
  const why = stop.reason.slice(HELD_REASON_PREFIX.length);
  return stop.step > 0 ? `held before it resumed from step ${stop.step}: ${why}` : `held before it started: ${why}`;
}

/** The sentence for a stored stop reason (null: the run has not finished, or finished before migration 0006). */
export function describeStop(stop: RunStop | null | undefined, config: unknown): string | null {
  if (!stop) return null;
  if (stop.reason.startsWith(HELD_REASON_PREFIX)) return describeHeld(stop);
  const c = (config ?? {}) as StopConfig;
  switch (stop.reason) {
    case 'early-stopping': {
      const patience = c.earlyStopping?.patience ?? 0;
      const by = c.earlyStopping?.minDelta ? ` by more than ${c.earlyStopping.minDelta}` : '';
      // The patience can run out on the last epoch: the run trained every epoch, nothing was cut short.
      if (c.epochs !== undefined && stop.epoch >= c.epochs) {
        const best = bestEpoch(stop);
        const epochs = (n: number) => (n === 1 ? 'epoch' : `${n} epochs`);
        const why = best === null
          ? `validation loss did not improve${by} in the last ${epochs(patience)}`
          : `the best on validation was epoch ${best}, and validation loss did not improve${by} in the ${epochs(stop.epoch - best)} after it`;
        return `trained all ${plural(stop.epoch, 'epoch')} (step ${stop.step}); ${why} (the early-stopping patience ran out at the last epoch)${testedWith(stop)}`;
      }
      return `stopped early at step ${stop.step}: validation loss did not improve${by} for ${plural(patience, 'epoch')} (the early-stopping patience)${testedWith(stop)}`;
    }
    case 'max-steps': {
      // The stored epoch counts epochs completed: "after 0 full epochs of 10" read as if nothing trained.
      // With none complete the run was inside the first; with some, the cap may fall on an epoch's end or
      // inside the next (the stop does not say which), so only the completed ones are named.
      const of = c.epochs ? ` of ${c.epochs}` : '';
      const where = stop.epoch === 0 ? `within epoch 1${of}` : `with ${stop.epoch}${of} epochs complete`;
      return `stopped at the step limit (max steps ${c.maxSteps ?? stop.step}) after ${plural(stop.step, 'step')}, ${where}${testedWith(stop)}`;
    }
    case 'epochs':
      return `trained all ${plural(stop.epoch, 'epoch')} (step ${stop.step})${testedWith(stop)}`;
    case 'cancelled':
      return `cancelled at step ${stop.step}`;
    default:
      return `stopped at step ${stop.step} (${stop.reason})${testedWith(stop)}`;
  }
}
