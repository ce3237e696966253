// Compare's names for a run's settings are the Models form's labels (the same zod schemas), so a user reads
// in Compare the words they look for in the form.
import { describe, expect, it } from 'vitest';
import { configKeyLabel, labelledDiff } from './config-labels';
import { formFieldLabel } from './user-errors';

describe('configKeyLabel', () => {
  it('names Training keys as the Training form does', () => {
    expect(configKeyLabel('optimizer.lr')).toBe('Optimizer learning rate');
    expect(configKeyLabel('optimizer.lr')).toBe(formFieldLabel('optimizer.lr')); // the label the form's field carries
    expect(configKeyLabel('schedule.warmupSteps')).toBe('Schedule warm-up steps');
    expect(configKeyLabel('batchSize')).toBe('Batch size');
    expect(configKeyLabel('schedule.kind')).toBe('Learning-rate schedule'); // a kind picker by its group
  });

  it('names model keys by the compared template’s schema, gates and routers included', () => {
    expect(configKeyLabel('model.kernel', ['dlinear'])).toBe('Moving-average kernel');
    expect(configKeyLabel('model.ffDim', ['tsmixer-gated'])).toBe('Feed-forward width');
    expect(configKeyLabel('model.gate.kind', ['tsmixer-gated'])).toBe('Gate kind');
    expect(configKeyLabel('model.gate.granularity', ['tsmixer-gated'])).toBe('Gate granularity');
    expect(configKeyLabel('model.router.k', ['moe-forecaster'])).toBe('Router experts per token (k)');
  });

  it('names the keys no form field holds as the app shows them, and never shows a dotted key', () => {
    expect(configKeyLabel('data.datasetId')).toBe('Dataset');
    expect(configKeyLabel('seed')).toBe('Seed');
    expect(configKeyLabel('model.template')).toBe('Template');
    expect(configKeyLabel('model.someNewField', ['dlinear'])).toBe('Some new field');
    for (const k of ['optimizer.beta1', 'earlyStopping.patience', 'model.patch.stride', 'model.lookback']) expect(configKeyLabel(k, ['tsmixer-gated'])).not.toMatch(/\./);
  });
});

describe('labelledDiff', () => {
  it('labels each row and keeps its key; two keys of one label keep their keys apart', () => {
    const rows = labelledDiff([{ key: 'optimizer.lr', values: ['0.1', '0.2'] }, { key: 'model.a.x', values: [] }, { key: 'model.b.x', values: [] }], ['dlinear']);
    expect(rows[0]).toEqual({ key: 'optimizer.lr', values: ['0.1', '0.2'], label: 'Optimizer learning rate' });
    expect(rows.slice(1).map((r) => r.label)).toEqual(['A x', 'B x']);
    const same = labelledDiff([{ key: 'template' }, { key: 'model.template' }]);
    expect(same.map((r) => r.label)).toEqual(['Template (template)', 'Template (model.template)']);
  });
});
