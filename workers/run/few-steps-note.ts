// The data line's note for a row-per-sample run (fusion, CTR) whose epoch is a handful of optimizer steps
// and leaves training rows out: every step takes a full batch, so a 300-row file (240 training rows) in
// batches of 128 trains one step per epoch on 128 rows, 10 steps in the default 10 epochs. That run scored
// accuracy 0.47 where batchSize=24 (10 steps per epoch) scored 0.77, and nothing said why. Forecasting
// gets its own warning before the run is queued (common/data/forecasting-window-fit.ts), not in this line.
import { MIN_STEPS_PER_EPOCH } from '../../common/data/forecasting-window-fit';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Null unless an epoch leaves out a tenth of the training rows or more (then it has fewer than
 * MIN_STEPS_PER_EPOCH steps: what it leaves out is less than a batch); else what happens and the batch size
 * that gives MIN_STEPS_PER_EPOCH steps per epoch. A 1,500-row file's 1,200 training rows (9 steps, 48 left
 * out) say nothing: noting every medium file would bury the note where it matters.
 */
export function fewStepsNote(trainRows: number, batchSize: number): string | null {
  const steps = Math.floor(trainRows / batchSize);
  const unused = trainRows - steps * batchSize;
  if (steps < 1 || unused * 10 < trainRows) return null;
  const batch = Math.max(1, Math.floor(trainRows / MIN_STEPS_PER_EPOCH));
  return `${steps} optimizer step${steps === 1 ? '' : 's'} per epoch (${fmt(trainRows)} training samples in full batches of ${fmt(batchSize)}: ` +
    `each epoch leaves out ${fmt(unused)} of them, drawn anew each epoch), so each epoch trains little: ` +
    `--set batchSize=${batch} gives ${fmt(Math.floor(trainRows / batch))} steps per epoch`;
}
