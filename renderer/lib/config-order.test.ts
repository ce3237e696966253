// Compare's "Config differences" follow the Models form from top to bottom, so a row is found in the form
// where the table has it: dataset, template, gates, hyperparameters, Training, class weights, seeds.
import { describe, expect, it } from 'vitest';
import { inFormOrder } from './config-order';
import { labelledDiff } from './config-labels';

const rows = (keys: string[]) => keys.map((key) => ({ key }));

describe('inFormOrder', () => {
  it('orders a TSMixer comparison as the form shows its fields, not by key', () => {
    const keys = ['batchSize', 'data.datasetId', 'dtype', 'epochs', 'loss.classWeights', 'model.dropout', 'model.ffDim', 'model.gate.kind', 'model.gate.threshold',
      'model.lookback', 'optimizer.kind', 'optimizer.lr', 'schedule.kind', 'seed'];
    const ordered = labelledDiff(inFormOrder(rows(keys), ['tsmixer-gated']), ['tsmixer-gated']).map((r) => r.label);
    expect(ordered).toEqual([
      'Dataset',
      'Gate kind', 'Gate threshold', // the gate panel, its kind picker first
      'Lookback', 'Feed-forward width', 'Dropout', // Hyperparameters, in the template's order
      'Epochs', 'Batch size', 'Optimizer kind', 'Optimizer learning rate', 'Learning-rate schedule', // Training
      'Class weights', 'Seed', 'Precision (dtype)',
    ]);
  });

  it('puts the template before its fields and each template’s fields in its own schema order', () => {
    const keys = ['model.kernel', 'model.template', 'model.lookback', 'model.horizon'];
    expect(inFormOrder(rows(keys), ['dlinear']).map((r) => r.key)).toEqual(['model.template', 'model.lookback', 'model.horizon', 'model.kernel']);
  });

  it('keeps keys no form field holds after the form’s, in key order, and loses no row', () => {
    const keys = ['zeta', 'alpha', 'model.someNewField', 'model.kernel', 'epochs'];
    expect(inFormOrder(rows(keys), ['dlinear']).map((r) => r.key)).toEqual(['model.kernel', 'model.someNewField', 'epochs', 'alpha', 'zeta']);
  });
});
