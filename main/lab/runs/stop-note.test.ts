import { describe, expect, it } from 'vitest';
import { describeStop } from './stop-note';

describe('why a finished run stopped, in words', () => {
  const config = { epochs: 8, maxSteps: 80, earlyStopping: { patience: 3, minDelta: 0 } };
  it('names early stopping, its patience and the weights the test used', () => {
    expect(describeStop({ reason: 'early-stopping', step: 70, epoch: 7, bestStep: 40 }, config))
      .toBe('stopped early at step 70: validation loss did not improve for 3 epochs (the early-stopping patience); test uses the best weights, from step 40');
    expect(describeStop({ reason: 'early-stopping', step: 70, epoch: 7, bestStep: 40 }, { earlyStopping: { patience: 1, minDelta: 0.01 } }))
      .toBe('stopped early at step 70: validation loss did not improve by more than 0.01 for 1 epoch (the early-stopping patience); test uses the best weights, from step 40');
  });
  it('says a run whose patience ran out on its last epoch trained all its epochs, and which epoch was best', () => {
    // 8 epochs of 8 steps; best at epoch 5 (step 40), then 3 epochs without improvement: the 8th was the last anyway
    expect(describeStop({ reason: 'early-stopping', step: 64, epoch: 8, bestStep: 40 }, config))
      .toBe('trained all 8 epochs (step 64); the best on validation was epoch 5, and validation loss did not improve in the 3 epochs after it (the early-stopping patience ran out at the last epoch); test uses the best weights, from step 40');
    expect(describeStop({ reason: 'early-stopping', step: 64, epoch: 8, bestStep: 56 }, { epochs: 8, earlyStopping: { patience: 1, minDelta: 0.01 } }))
      .toBe('trained all 8 epochs (step 64); the best on validation was epoch 7, and validation loss did not improve by more than 0.01 in the epoch after it (the early-stopping patience ran out at the last epoch); test uses the best weights, from step 56');
    // no best checkpoint kept: the epochs are still all trained, with no best epoch to name
    expect(describeStop({ reason: 'early-stopping', step: 64, epoch: 8, bestStep: null }, config))
      .toBe('trained all 8 epochs (step 64); validation loss did not improve in the last 3 epochs (the early-stopping patience ran out at the last epoch)');
  });
  it('tells the max-steps cap and every epoch done apart', () => {
    expect(describeStop({ reason: 'max-steps', step: 80, epoch: 7, bestStep: 80 }, config))
      .toBe('stopped at the step limit (max steps 80) after 80 steps, with 7 of 8 epochs complete; its final weights were the best on validation (test uses them)');
    // the quick look (Max steps 100 of a 140-step epoch): no epoch complete, inside the first one
    expect(describeStop({ reason: 'max-steps', step: 100, epoch: 0, bestStep: 100 }, { epochs: 10, maxSteps: 100 }))
      .toBe('stopped at the step limit (max steps 100) after 100 steps, within epoch 1 of 10; its final weights were the best on validation (test uses them)');
    expect(describeStop({ reason: 'epochs', step: 64, epoch: 8, bestStep: 48 }, config)).toBe('trained all 8 epochs (step 64); test uses the best weights, from step 48');
    expect(describeStop({ reason: 'cancelled', step: 5, epoch: 0, bestStep: null }, config)).toBe('cancelled at step 5');
  });
  it('says a run held before it started was held, not stopped at step 0, and a requeued one where it will resume', () => {
    const why = 'the gatelab command that queued this run (process 4242) exited before starting it; resume it: gatelab resume 7';
    expect(describeStop({ reason: `not started: ${why}`, step: 0, epoch: 0, bestStep: null }, config)).toBe(`held before it started: ${why}`);
    // an interrupted run put back in the queue, then held before its trainer came back
    expect(describeStop({ reason: 'not started: the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume 7', step: 300, epoch: 3, bestStep: null }, config))
      .toBe('held before it resumed from step 300: the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume 7');
    // any other reason the trainer gives keeps the step it stopped at
    expect(describeStop({ reason: 'diverged', step: 12, epoch: 1, bestStep: 10 }, config)).toBe('stopped at step 12 (diverged); test uses the best weights, from step 10');
  });
  it('says nothing for a run that has not finished (or finished before the reason was kept)', () => {
    expect(describeStop(null, config)).toBeNull();
    expect(describeStop(undefined, config)).toBeNull();
  });
});
