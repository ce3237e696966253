import { describe, expect, it } from 'vitest';
import { qualifiedSetFlags } from './cli-words';
import { parseNewRunConfig } from '../../common/runs/new-run-config';

describe('a gate’s refusal in CLI words', () => {
  it('names the flag to paste for the slot that holds the gate (--set router.load=0, not "set Load to 0")', () => {
    let message = '';
    try {
      parseNewRunConfig({ model: { template: 'moe-dnn', router: { kind: 'topk-router', noisy: false, load: 0.1 } } });
    } catch (e) {
      message = (e as Error).message;
    }
    const cli = qualifiedSetFlags(message);
    expect(cli).toContain('run config: model.router.load: the CV² load loss needs noisy top-k gating');
    expect(cli).toContain('--set router.load=0 (the importance loss balances without noise)');
    expect(cli).not.toMatch(/set Load to/);
  });

  it('leaves a top-level field and another field’s flag as they are', () => {
    expect(qualifiedSetFlags('run config: model.horizon: --set horizon=60')).toBe('run config: model.horizon: --set horizon=60');
    expect(qualifiedSetFlags('run config: model.router.k: --set experts=8')).toBe('run config: model.router.k: --set experts=8');
  });
});
