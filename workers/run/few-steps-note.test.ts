// A fusion or CTR run whose epoch is a few full batches says so in its data line, with a batch that gives 10 steps.
import { describe, expect, it } from 'vitest';
import { fewStepsNote } from './few-steps-note';

describe('fewStepsNote', () => {
  it('a 300-row file (240 training rows) in batches of 128: one step, 112 rows left out, batchSize=24 gives 10', () => {
    expect(fewStepsNote(240, 128)).toBe('1 optimizer step per epoch (240 training samples in full batches of 128: each epoch leaves out 112 of them, ' +
      'drawn anew each epoch), so each epoch trains little: --set batchSize=24 gives 10 steps per epoch');
  });

  it('says nothing when an epoch leaves out less than a tenth of the rows, none, or is one batch of all the rows', () => {
    expect(fewStepsNote(1_600, 128)).toBeNull(); // 12 steps
    expect(fewStepsNote(1_200, 128)).toBeNull(); // 9 steps, 48 rows (4%) left out
    expect(fewStepsNote(48, 8)).toBeNull(); // 6 steps, no row left out
    expect(fewStepsNote(64, 128)).toBeNull(); // smaller than a batch: the trainer's own note says it trains on all 64
  });

  it('counts steps in the plural and groups thousands', () => {
    expect(fewStepsNote(300, 128)).toMatch(/^2 optimizer steps per epoch \(300 training samples in full batches of 128: each epoch leaves out 44 of them, .*--set batchSize=30 gives 10 steps per epoch$/);
    expect(fewStepsNote(1_200, 1_024)).toMatch(/^1 optimizer step per epoch \(1,200 training samples in full batches of 1,024: each epoch leaves out 176 of them, .*--set batchSize=120 gives 10 steps per epoch$/);
  });
});
