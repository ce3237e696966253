import { describe, expect, it } from 'vitest';
import { TrainingSettings } from './run-form';
import { shortNumber, trainingChanges } from './training-changes';

const defaults = () => TrainingSettings.parse({}) as Record<string, unknown>;

describe('trainingChanges', () => {
  it('says nothing for the defaults', () => {
    expect(trainingChanges(defaults())).toEqual([]);
  });

  it('names each changed setting with its value, in the folded header’s words', () => {
    const t = defaults();
    const changed = { ...t, epochs: 3, batchSize: 64, optimizer: { ...(t.optimizer as object), kind: 'sgd', lr: 1e12 }, earlyStopping: undefined };
    expect(trainingChanges(changed).map((c) => c.text)).toEqual(['epochs 3', 'batch 64', 'optimizer sgd', 'lr 1e12', 'early stopping off']);
    expect(trainingChanges(changed).map((c) => c.path)).toEqual(['epochs', 'batchSize', 'optimizer.kind', 'optimizer.lr', 'earlyStopping']);
  });

  it('writes numbers as a person would', () => {
    expect([shortNumber(1e12), shortNumber(0.003), shortNumber(1.5e-5), shortNumber(128), shortNumber(0)]).toEqual(['1e12', '0.003', '1.5e-5', '128', '0']);
  });
});
