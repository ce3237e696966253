import { describe, expect, it } from 'vitest';
import { configLeaves, namingTypedKeys, overridePath, setFields, spelledConfig } from './config-keys';
import { parseNewRunConfig } from './new-run-config';

describe('a typed key lands where the run config has it', () => {
  it('shorthands, snake/kebab case, section kinds, and model fields', () => {
    expect(overridePath('lr', 1e-3)).toBe('optimizer.lr');
    expect(overridePath('learning_rate', 1e-3)).toBe('optimizer.lr');
    expect(overridePath('batch_size', 64)).toBe('batchSize');
    expect(overridePath('batch-size', 64)).toBe('batchSize');
    expect(overridePath('optimizer.weight_decay', 0.1)).toBe('optimizer.weightDecay');
    expect(overridePath('early_stopping.min-delta', 0.1)).toBe('earlyStopping.minDelta');
    expect(overridePath('optimizer', 'sgd')).toBe('optimizer.kind');
    expect(overridePath('optimizer', { kind: 'sgd' })).toBe('optimizer');
    expect(overridePath('lookback', 336)).toBe('model.lookback');
    // below the model the key is taken as typed: a misspelling is refused with the nearest field, not guessed
    expect(overridePath('model.gate.temp_erature', 1)).toBe('model.gate.temp_erature');
  });
});

describe('a config object read as --set reads its keys', () => {
  it('moves each key where it lands, and leaves a config spelt as the run config spells it unchanged', () => {
    expect(spelledConfig({ lr: 1e-3, batch_size: 64, lookback: 336, optimizer: { weight_decay: 0.1 }, model: { template: 'dlinear' } })).toEqual({
      optimizer: { lr: 1e-3, weightDecay: 0.1 }, batchSize: 64, model: { lookback: 336, template: 'dlinear' },
    });
    const canonical = {
      name: 'x', seed: 3, epochs: 2, optimizer: { kind: 'sgd', lr: 0.1 }, earlyStopping: { patience: 1 }, loss: { classWeights: [1, 2] },
      model: { template: 'moe-dnn', router: { kind: 'topk-router', k: 2 } }, data: { kind: 'dataset', datasetId: 4, columns: [{ name: 'a', type: 'numeric', role: 'feature', modality: null }] },
    };
    expect(spelledConfig(canonical)).toEqual(canonical);
    expect(parseNewRunConfig(spelledConfig({ batch_size: 32, lr: 0.01, patience: 2 }))).toMatchObject({ batchSize: 32, optimizer: { lr: 0.01 }, earlyStopping: { patience: 2 } });
  });

  it('a later key wins as a later --set does; an empty section wipes nothing; samples alone is synthetic data', () => {
    expect(setFields({}, [['lr', 1], ['optimizer.lr', 2]])).toEqual({ optimizer: { lr: 2 } });
    expect(spelledConfig({ lr: 1, optimizer: {} })).toEqual({ optimizer: { lr: 1 } });
    expect(spelledConfig({ samples: 4096 })).toEqual({ data: { kind: 'synthetic', samples: 4096 } });
    expect(configLeaves({ a: { b: [1, 2], c: {} } })).toEqual([['a.b', [1, 2]], ['a.c', {}]]);
  });
});

describe('a refusal names the field as the user typed it', () => {
  it('adds their words to the field the config names, only for keys spelt otherwise', () => {
    const said = (key: string, value: unknown) => ({ key, value, said: `'${key}' in lr.json` });
    const msg = 'run config: batchSize: 0 is out of range: it takes a whole number from 1 to 1,048,576';
    expect(namingTypedKeys(msg, [said('batch_size', 0)])).toBe("run config: batchSize ('batch_size' in lr.json): 0 is out of range: it takes a whole number from 1 to 1,048,576");
    expect(namingTypedKeys(msg, [said('batchSize', 0), said('lookback', 0)])).toBe(msg);
  });
});
