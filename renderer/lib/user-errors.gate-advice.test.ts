// A gate's advice is in CLI words (`--set load=0`); the form and the app's error boxes say it with labels.
import { describe, expect, it } from 'vitest';
import { inAppWords } from './user-errors';
import { validateConfig } from '../stores/models-validation';
import { parseModelConfig } from '../../common/models';

describe('a gate’s CLI advice in the app', () => {
  it('is "set Load to 0" under the Load field', () => {
    const config = parseModelConfig({ template: 'moe-dnn' }) as Record<string, unknown>;
    const errors = validateConfig('moe-dnn', { ...config, router: { ...(config.router as object), noisy: false, load: 0.1 } });
    expect(inAppWords(errors['router.load'])).toContain('set Load to 0 (the importance loss balances without noise)');
  });
  it('is "set Router load to 0" in the lab’s refusal of the whole config', () => {
    const msg = 'run config: model.router.load: the CV² load loss needs noisy top-k gating; so this loss would not train the router: --set router.load=0 (the importance loss balances without noise)';
    expect(inAppWords(msg)).toMatch(/set (Router )?[Ll]oad to 0 \(the importance/);
  });
});
