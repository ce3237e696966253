import { describe, expect, it } from 'vitest';
import { configDiff, flatten } from './config-diff';
import { toCsv } from './csv';

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
