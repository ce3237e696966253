// Switching family tabs keeps each tab's form for the session. The walk-through lost a patch-transformer
// with lookback 800: Forecasting → CTR → Forecasting came back as tsmixer-gated with 336, and the next Start
// trained that instead. Against a stand-in lab (real dispatch and schemas): what is under test is the store.
import { describe, expect, it } from 'vitest';
import type { DatasetDetail } from '../../common/lab-api';
import { handlerLab } from './runs-test-lab';
import { ModelsStore } from './models.svelte';
import { FamilyMemory } from './models-family-memory';
import { labTemplates as templates, statlessColumn as col } from '../fixtures/lab-templates';

const loads: DatasetDetail = {
  id: '3', name: 'loads', rows: 20000, columns: 3, source: 'loads.csv', family: 'forecasting', createdAt: '2026-01-01T00:00:00Z', bytes: 1000, issues: [],
  columnInfo: [col('time', 'datetime', 'time'), col('a', 'float', 'feature'), col('b', 'float', 'feature')],
};

/** The form on `loads` with its templates loaded, and the Start requests it sends. */
async function form(available = templates) {
  const started: { template: string; config: Record<string, unknown> }[] = [];
  const { lab } = handlerLab({
    'templates.list': () => available,
    'gates.list': () => [],
    'splits.list': () => [],
    'datasets.get': () => loads,
    'models.size': () => ({ params: 1, flopsPerStep: 1 }),
    'runs.start': (req) => (started.push({ template: req.template, config: req.config as Record<string, unknown> }), { runIds: ['1'], group: null }),
  });
  const models = new ModelsStore(lab, null);
  await models.load();
  models.datasetId = loads.id;
  models.adoptDataset(loads);
  return { models, started };
}

describe('each family tab keeps its form for the session', () => {
  it('Forecasting → CTR → Forecasting: the patch-transformer with lookback 800 comes back, and Start trains it', async () => {
    const { models, started } = await form();
    expect(models.family).toBe('forecasting');
    models.choose('patch-transformer-gated');
    models.setConfig({ ...models.config, lookback: 800 });
    models.name = 'long window';

    models.setFamily('recsys');
    expect(models.template?.family).toBe('recsys');
    models.setFamily('forecasting');

    expect(models.templateId).toBe('patch-transformer-gated');
    expect(models.config).toMatchObject({ lookback: 800, channels: 2 }); // channels: the dataset's, as before
    expect(models.name).toBe('long window');
    await models.start();
    expect(started).toEqual([expect.objectContaining({ template: 'patch-transformer-gated', config: expect.objectContaining({ lookback: 800 }) })]);
  });

  it("the CTR tab's edits come back too; a tab never visited starts on its first gated template", async () => {
    const { models } = await form();
    models.setFamily('recsys');
    models.choose('moe-dnn');
    models.setConfig({ ...models.config, embeddingDim: 24 });
    models.setFamily('fusion');
    expect(models.template?.baseline).toBe(false);
    expect(models.template?.family).toBe('fusion');
    models.setFamily('recsys');
    expect(models.templateId).toBe('moe-dnn');
    expect(models.config.embeddingDim).toBe(24);
  });

  it('clicking the tab in use keeps its edits (it reset them to the defaults)', async () => {
    const { models } = await form();
    models.choose('patch-transformer-gated');
    models.setConfig({ ...models.config, lookback: 800 });
    models.setFamily('forecasting');
    expect(models.templateId).toBe('patch-transformer-gated');
    expect(models.config.lookback).toBe(800);
  });
});

describe('FamilyMemory', () => {
  it('keeps a copy, and forgets a template the lab no longer has', () => {
    const memory = new FamilyMemory();
    const config = { lookback: 800 };
    memory.keep('forecasting', { templateId: 'patch-transformer-gated', config, selectedGate: null, name: '', fromRun: null });
    config.lookback = 1; // a later edit of the form belongs to the tab in use
    expect(memory.recall('forecasting', templates)?.config).toEqual({ lookback: 800 });
    // a lab of another version came back after a restart without that template: the tab's default instead
    expect(memory.recall('forecasting', templates.filter((t) => t.id !== 'patch-transformer-gated'))).toBeNull();
    expect(memory.recall('recsys', templates)).toBeNull();
  });
});
