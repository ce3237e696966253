// A gate's advice names its own field relative to the gate (`--set load=0`); the refusal of a whole run
// config names the field in full (model.router.load), so its flag must be the one to paste for that slot,
// whichever command (train, sweep) or the app prints it.
import { describe, expect, it } from 'vitest';
import { parseNewRunConfig } from './new-run-config';

const refusal = (input: unknown): string => {
  try {
    parseNewRunConfig(input);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the config to be refused');
};

describe('the --set flag in a nested field’s refusal', () => {
  it('is qualified by the slot that holds the gate: --set router.load=0, never --set load=0', () => {
    const message = refusal({ model: { template: 'moe-dnn', router: { kind: 'topk-router', noisy: false, load: 0.1 } } });
    expect(message).toContain('run config: model.router.load: the CV² load loss needs noisy top-k gating');
    expect(message).toContain('--set router.load=0 (the importance loss balances without noise)');
    expect(message).not.toMatch(/--set load=/);
  });

  it('leaves a top-level field’s message as the schema wrote it', () => {
    expect(refusal({ model: { template: 'gmu', textBuckets: 8 } })).toMatch(/^run config: model\.textBuckets: 8 is out of range/);
  });
});
