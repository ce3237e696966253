// `gatelab train`'s words (audit of issue #4's CLI contract): every refusal under --json ends stdout with its
// JSON line, a misspelt template or field names what was meant, the run's own fields are found however
// they are written, and values are refused with what the field takes. All are refused before a run is
// queued, so these run in-process without training.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { parseArgs } from './args';
import { runConfigFromArgs } from './train';
import { unknownTemplateMessage, canonicalTemplateId } from '../../common/models';
import { parseNewRunConfig } from '../../common/runs/new-run-config';

const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);

describe('gatelab train --json refuses with a JSON line', () => {
  it('also for the mistakes found before train runs: an unknown option, a --set without key=value', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-words-'));
    try {
      for (const [argv, error] of [
        [['--epoch', '1'], /unknown option --epoch \(did you mean --epochs\?\)/],
        [['--set', 'lookback'], /--set takes key=value \(got 'lookback'/],
        [['--set'], /--set needs key=value/],
        [['--template', 'dlinear', 'extra'], /unexpected argument 'extra'/],
      ] as const) {
        const r = await gatelab(['train', '--home', home, ...argv, '--json']);
        expect(r.code).toBe(2);
        expect(lastJson(r.out)).toEqual({ command: 'train', run: null, status: 'error', test: {}, error: expect.stringMatching(error) });
      }
      // without --json: stderr only, as before
      const plain = await gatelab(['train', '--home', home, '--set']);
      expect([plain.code, plain.out, plain.err]).toEqual([2, '', expect.stringMatching(/^gatelab train: --set needs key=value/)]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('template names', () => {
  it('takes another case or separator of an id as that id', () => {
    expect(['DLinear', 'dcn_v2', 'DCN-V2', 'TSMixer_Gated'].map(canonicalTemplateId)).toEqual(['dlinear', 'dcn-v2', 'dcn-v2', 'tsmixer-gated']);
    expect(runConfigFromArgs(parseArgs(['--template', 'DLinear'])).model).toEqual({ template: 'dlinear' });
    expect(canonicalTemplateId('tsmixer')).toBeUndefined(); // a paper's name is suggested, not taken: it is another model
  });

  it('names the nearest template for a typo and the template implementing a paper’s model', () => {
    expect(unknownTemplateMessage('dlinaer')).toMatch(/^unknown template 'dlinaer' \(did you mean 'dlinear'\?\); known templates: linear, /);
    expect(unknownTemplateMessage('tsmixer')).toContain("(did you mean 'tsmixer-gated'?)");
    expect(unknownTemplateMessage('PatchTST')).toContain("(did you mean 'patch-transformer-gated'?)");
    expect(unknownTemplateMessage('tft')).toContain("(did you mean 'tft-lite'?)");
    expect(unknownTemplateMessage('resnet')).not.toContain('did you mean');
  });
});

/** The refusal of `gatelab train --template T --set ...` (the run config's check, as train's catch prints it). */
function refusal(template: string, ...sets: string[]): string {
  const config = runConfigFromArgs(parseArgs(['--template', template, ...sets.flatMap((s) => ['--set', s])]));
  try {
    parseNewRunConfig(config);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('run fields by any spelling', () => {
  it('finds the run’s camelCase fields from snake_case, kebab-case and the usual names', () => {
    const config = runConfigFromArgs(parseArgs(['--set', 'weight_decay=0.1', '--set', 'clip-norm=2', '--set', 'batch_size=64', '--set', 'max_steps=5', '--set', 'learning_rate=0.01']));
    expect(config).toMatchObject({ optimizer: { weightDecay: 0.1, clipNorm: 2, lr: 0.01 }, batchSize: 64, maxSteps: 5 });
    expect(config.model).toBeUndefined();
  });
});

describe('a field the template has elsewhere', () => {
  it('is named by its path, with the kind it needs', () => {
    expect(refusal('moe-forecaster', 'num_experts=8')).toMatch(/'model\.num_experts' \(template moe-forecaster has no field 'num_experts'; did you mean 'router\.experts'\?\)/);
    expect(refusal('moe-forecaster', 'temperature=0.5')).toMatch(/did you mean 'router\.temperature'\?/);
    expect(refusal('moe-forecaster', 'load_balance_weight=0.1')).toMatch(/did you mean 'router\.loadBalance\.weight'\?/);
    expect(refusal('moe-forecaster', 'router.k=2')).toMatch(/model\.router has no field 'k'; 'k' is a field of router\.kind=topk-router: set the kind first or together \(--set router\.kind=topk-router --set router\.k=…\)/);
    expect(refusal('moe-forecaster', 'top-k=2')).toMatch(/'k' is a field of router\.kind=topk-router.*did you mean 'router\.k'\?/);
    expect(refusal('moe-forecaster', 'router.kind=topk-router', 'router.k=2')).toBe('accepted');
    expect(refusal('tsmixer-gated', 'patch_len=16')).toMatch(/did you mean 'patch\.length'\?/);
    expect(refusal('patch-transformer-gated', 'patch_len=8')).toMatch(/did you mean 'patchLen'\?/);
    expect(refusal('patch-transformer-gated', 'hidden=32')).toMatch(/did you mean 'dModel'\?/);
  });

  it('is not guessed from a name merely close to a section of the run', () => {
    const message = refusal('tft-lite', 'mode=channel-mixing');
    expect(message).toMatch(/'model\.mode' \(template tft-lite has no field 'mode'\)/);
    expect(message).not.toContain("'model'?");
  });
});

describe('a value a field does not take', () => {
  it('is said with the value given and what the field takes', () => {
    expect(refusal('dlinear', 'lr=-1')).toBe('run config: optimizer.lr: -1 is out of range: it takes a number > 0');
    expect(refusal('dlinear', 'batch-size=0')).toBe('run config: batchSize: 0 is out of range: it takes a whole number from 1 to 1,048,576');
    expect(refusal('dlinear', 'revin=yes')).toMatch(/^run config: model\.revin: "yes" is not true or false: template dlinear takes true or false/);
    expect(refusal('moe-forecaster', 'router.kind=top-k')).toMatch(/^run config: model\.router\.kind: "top-k" is not a kind it has: template moe-forecaster takes softmax-router, topk-router or sinkhorn-router/);
    const epochs = runConfigFromArgs(parseArgs(['--template', 'dlinear', '--epochs', '1.5']));
    expect(() => parseNewRunConfig(epochs)).toThrow('run config: epochs: 1.5 is not a whole number: it takes a whole number from 1 to 100,000');
  });

  it('names the key as the user typed it (train’s refusal line)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-words-'));
    try {
      const r = await gatelab(['train', '--home', home, '--template', 'dlinear', '--set', 'batch-size=0', '--json']);
      expect(r.code).toBe(2);
      expect(lastJson(r.out).error).toBe('run config: batchSize (--set batch-size=0): 0 is out of range: it takes a whole number from 1 to 1,048,576');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('a field the run would ignore', () => {
  it('is refused, saying why and what to set', () => {
    expect(refusal('dlinear', 'positiveAtLeast=4')).toMatch(/^run config: model\.positiveAtLeast: a forecasting run has no label to threshold/);
    expect(refusal('dlinear', 'individual=true', 'mode=channel-mixing')).toMatch(/individual=true has no effect in channel-mixing mode.*--set mode=channel-independent/);
    expect(refusal('dlinear', 'individual=true')).toBe('accepted');
  });
});
