// The lab's advice in the app's words: a `--set` flag becomes the form's label and value, from the real
// message the lab gives when a split's training part is too short (common/data/forecasting-rows.ts).
import { describe, expect, it } from 'vitest';
import { LabError } from '../../common/lab-api';
import { windowMisfit } from '../../common/data/forecasting-rows';
import { inAppWords, plainLabError, PlainLabError } from './user-errors';
import { setFlagsInWords } from './field-labels';

describe('--set advice in the form’s words', () => {
  it('"set Horizon to 60" for the training part too short for lookback + horizon, with the field it names', () => {
    const lab = `runs.start: ${windowMisfit({ train: [0, 411], val: [411, 500], test: [500, 600] }, 'train', 336, 96)}`;
    expect(lab).toContain('(--set model.horizon=');
    const err = plainLabError(new LabError('invalid-payload', lab));
    expect(err.message).toMatch(/^the training part \(rows 0\.\.411, 411 rows\) is shorter than lookback 336 \+ horizon 96: .*What fits this split: horizon ≤ (\d+) with lookback 336 \(set Horizon to \1\)\. Or use a longer file or larger parts$/);
    expect(err.message).not.toContain('--set');
    expect(err).toBeInstanceOf(PlainLabError);
    const value = /horizon ≤ (\d+)/.exec(err.message)![1];
    expect((err as PlainLabError).advice).toEqual([{ path: 'horizon', value, label: 'Horizon' }]);
    expect(err.code).toBe('invalid-payload');
  });

  it('flags in a row are one sentence; Training fields get their form labels', () => {
    expect(inAppWords('shorten both, e.g. lookback 40 with horizon 10 (--set model.lookback=40 --set model.horizon=10)')).toBe('shorten both, e.g. lookback 40 with horizon 10 (set Lookback to 40 and Horizon to 10)');
    expect(inAppWords('too slow: try --set batchSize=32 or --set optimizer.lr=0.0001.')).toBe('too slow: try set Batch size to 32 or set Optimizer learning rate to 0.0001.');
    expect(inAppWords('(--set maxSteps=500)')).toBe('(set Max steps to 500)');
  });

  it('leaves placeholders and keys the form has no field for as written (ui-hints.ts words those)', () => {
    const kept = [
      'set a threshold with `--set positiveAtLeast=T` (label = value ≥ T)',
      'a rating with a threshold (--set positiveAtLeast=4)',
      "Use a split by time of dataset 'x': --set data.splitId=3",
      'Use fewer text buckets (--set textBuckets=...)',
    ];
    for (const m of kept) expect(setFlagsInWords(m)).toBe(m);
    const e = new LabError('invalid-payload', kept[1]);
    expect(plainLabError(e)).toBe(e);
  });
});
