import { describe, expect, it } from 'vitest';
import { configDiff, flatten, summariseValue } from './config-diff';
import { toCsv } from './csv';

describe('summariseValue', () => {
  it('shows a text without JSON quotes, numbers and lists as they are, long ones summarised', () => {
    expect(summariseValue('"relu"')).toBe('relu');
    expect(summariseValue('"sensor + camera"')).toBe('sensor + camera');
    expect(summariseValue('""')).toBe('""');
    expect(summariseValue('0.003')).toBe('0.003');
    expect(summariseValue('[64]')).toBe('[64]');
    expect(summariseValue(JSON.stringify(Array.from({ length: 20 }, (_, i) => i)))).toBe('[20 items]');
    expect(summariseValue(JSON.stringify('x'.repeat(60)))).toBe(`${'x'.repeat(39)}…`);
    expect(summariseValue(undefined)).toBe('—');
  });
});

describe('config diff', () => {
  it('flattens nested configs to dotted keys', () => {
    expect(flatten({ a: 1, gate: { kind: 'sigmoid', scale: 2 }, hidden: [64, 32] })).toEqual({ a: '1', 'gate.kind': '"sigmoid"', 'gate.scale': '2', hidden: '[64,32]' });
  });

  it('keeps only keys that differ, including keys one run lacks', () => {
    const d = configDiff([
      { lr: 0.001, gate: { kind: 'sigmoid', enabled: true }, seed: 1 },
      { lr: 0.001, gate: { kind: 'sigmoid', enabled: false }, seed: 2, extra: 1 },
    ]);
    expect(d).toEqual([
      { key: 'extra', values: [undefined, '1'] },
      { key: 'gate.enabled', values: ['true', 'false'] },
      { key: 'seed', values: ['1', '2'] },
    ]);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and leaves non-finite numbers empty', () => {
    expect(toCsv(['run', 'step', 'value'], [['a,b', 1, 0.5], ['say "hi"', 2, NaN]])).toBe('run,step,value\n"a,b",1,0.5\n"say ""hi""",2,\n');
  });
});

describe('settingsOf', () => {
  it('leaves out what the dataset decides (a regression\'s targetScale, a fusion run\'s modalities and classes), keeping the user\'s settings', async () => {
    const { settingsOf } = await import('./config-diff');
    const a = settingsOf('concat-fusion', { optimizer: { lr: 0.001 }, model: { template: 'concat-fusion', hidden: 64, classes: 1, modalities: [{ name: 'a', width: 3 }], targetScale: { mean: 2549117.6234567901, std: 151234.5 } } });
    const b = settingsOf('concat-fusion', { optimizer: { lr: 0.01 }, model: { template: 'concat-fusion', hidden: 64, classes: 1, modalities: [{ name: 'b', width: 5 }], targetScale: { mean: 0.5, std: 0.2 } } });
    expect(configDiff([a, b]).map((d) => d.key)).toEqual(['optimizer.lr']);
    // a forecast's channels are its dataset's; its lookback is a setting
    expect(settingsOf('dlinear', { model: { channels: 7, lookback: 96 } })).toEqual({ model: { lookback: 96 } });
    expect(settingsOf('dlinear', { seed: 1 })).toEqual({ seed: 1 });
  });
});
