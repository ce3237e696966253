// A reload of the window keeps the Models form (a walk-through reloaded and got Max steps blank and Seeds 3
// back, so the next Start trained 10 full epochs). What is read back is checked: a template, field or
// value this build no longer takes is dropped, never crashing the form; the form of a deleted dataset goes.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { TEMPLATES, defaultModelConfig, templateJsonSchema, type TemplateId } from '../../common/models';
import { LabError, type ColumnInfo, type DatasetDetail, type Template } from '../../common/lab-api';
import { handlerLab } from './runs-test-lab';
import { ModelsStore } from './models.svelte';
import { FORM_KEY, readForm, writeForm, type StoredForm } from './models-form-memory';
import { TrainingSettings } from './run-form';

/** sessionStorage as a page sees it, one per test (a reload: a new store over the same storage). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(k: string) { return this.items.get(k) ?? null; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  removeItem(k: string) { this.items.delete(k); }
  setItem(k: string, v: string) { this.items.set(k, String(v)); }
}

const templates: Template[] = TEMPLATES.map((t) => ({
  id: t.id, family: t.family, description: t.description, baseline: t.baseline, gates: t.gates,
  schema: templateJsonSchema(t.id as TemplateId) as Record<string, unknown>,
  defaults: defaultModelConfig(t.id as TemplateId) as unknown as Record<string, unknown>,
}));
const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role']): ColumnInfo => ({
  name, type, role, modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null,
});
const loads: DatasetDetail = {
  id: '3', name: 'loads', rows: 2000, columns: 3, source: 'loads.csv', family: 'forecasting', createdAt: '2026-01-01T00:00:00Z', bytes: 1000, issues: [],
  columnInfo: [col('time', 'datetime', 'time'), col('a', 'float', 'feature'), col('b', 'float', 'feature')],
};

function lab(datasets: DatasetDetail[]) {
  const held = new Map(datasets.map((d) => [d.id, d]));
  return handlerLab({
    'templates.list': () => templates,
    'gates.list': () => [],
    'splits.list': () => [],
    'datasets.get': ({ id }) => {
      const d = held.get(id);
      if (!d) throw new LabError('not-found', `dataset ${id} not found`);
      return d;
    },
    'models.size': () => ({ params: 1, flopsPerStep: 1 }),
  }).lab;
}

/** A page of the app: the store over `storage`, its templates loaded and its dataset adopted, as the view does. */
async function page(storage: Storage, datasets: DatasetDetail[] = [loads]): Promise<ModelsStore> {
  const l = lab(datasets);
  const models = new ModelsStore(l, storage);
  await models.load();
  if (!models.datasetId) models.datasetId = datasets[0]?.id ?? null;
  const id = models.datasetId!;
  await l.invoke('datasets.get', { id }).then((d) => models.adoptDataset(d), () => models.forgetDataset(id));
  return models;
}

describe('the Models form across a reload', () => {
  it('comes back as the user left it: template, gate and model fields, Training, seeds, an emptied field', async () => {
    const storage = new MemoryStorage();
    const before = await page(storage);
    before.setFamily('forecasting');
    before.choose('tsmixer-gated');
    before.setConfig({ ...before.config, blocks: 3, lookback: null, gate: { ...(before.config.gate as object), granularity: 'element' } });
    before.setTraining({ ...before.training, maxSteps: 50, epochs: 2 });
    before.seeds = 4;
    before.name = 'quick look';
    flushSync();

    const after = await page(storage);
    expect(after.templateId).toBe('tsmixer-gated');
    expect(after.datasetId).toBe('3');
    expect(after.config).toMatchObject({ blocks: 3, lookback: null, channels: 2, gate: { granularity: 'element' } });
    expect(after.training).toMatchObject({ maxSteps: 50, epochs: 2 });
    expect(after.seeds).toBe(4);
    expect(after.name).toBe('quick look');
    // the emptied Lookback is still empty and still named: Start stays off for the same reason
    expect(after.errors.lookback).toBe('Lookback is needed');
  });

  it('starts a first visit at one seed, so the first Start trains one run, not three', async () => {
    const first = await page(new MemoryStorage());
    expect(first.seeds).toBe(1);
    expect(first.seedsError).toBeNull();
  });

  it('keeps an emptied Seeds box empty, and a family chosen against the dataset\'s own', async () => {
    const storage = new MemoryStorage();
    const before = await page(storage);
    before.setFamily('recsys');
    before.seeds = null;
    flushSync();
    const after = await page(storage);
    expect(after.family).toBe('recsys');
    expect(after.template?.family).toBe('recsys');
    expect(after.seeds).toBeNull();
    expect(after.seedsError).toMatch(/how many seeds/);
  });

  it('drops the form of a dataset deleted meanwhile: the family\'s defaults, nothing of the old form', async () => {
    const storage = new MemoryStorage();
    const gone: DatasetDetail = { ...loads, id: '9', name: 'old loads' };
    const before = await page(storage, [gone]);
    before.choose('moe-forecaster');
    before.setTraining({ ...before.training, maxSteps: 50 });
    before.seeds = 7;
    flushSync();

    const after = await page(storage, [loads]); // '9' was deleted
    expect(after.datasetId).toBeNull();
    expect(after.goneDataset?.id).toBe('9');
    expect(after.seeds).toBe(1); // the first visit's one seed
    expect(after.training).toEqual(TrainingSettings.parse({}));
    expect(after.templateId).toBe('tsmixer-gated'); // the forecasting tab's first gated template, at its defaults
    expect(after.config.blocks).toBe((defaultModelConfig('tsmixer-gated') as { blocks: number }).blocks);
  });
});

describe('readForm', () => {
  const form = (o: Partial<StoredForm> = {}): StoredForm => ({
    family: 'forecasting', templateId: 'tsmixer-gated', datasetId: '3', splitId: null, config: defaultModelConfig('tsmixer-gated') as unknown as Record<string, unknown>,
    training: TrainingSettings.parse({}) as Record<string, unknown>, seeds: 3, selectedGate: 'gate', name: '', ...o,
  });
  const roundTrip = (f: StoredForm) => {
    const s = new MemoryStorage();
    writeForm(s, f);
    return readForm(s);
  };

  it('reads every template\'s defaults back as they were', () => {
    for (const t of templates) {
      const f = form({ family: t.family, templateId: t.id, config: t.defaults, selectedGate: t.gates[0] ?? null });
      expect(roundTrip(f), t.id).toEqual(JSON.parse(JSON.stringify(f)));
    }
  });

  it('drops fields the schema no longer has and values of another type (their defaults instead)', () => {
    const f = roundTrip(form({ config: { ...form().config, oldField: 4, blocks: 'three', gate: { kind: 'sigmoid', retired: true, scale: 'x' } }, training: { ...form().training, epochs: {} } }))!;
    expect(f.config).not.toHaveProperty('oldField');
    expect(f.config.blocks).toBe((defaultModelConfig('tsmixer-gated') as { blocks: number }).blocks);
    expect(f.config.gate).not.toHaveProperty('retired');
    expect((f.config.gate as { scale: unknown }).scale).toBe(1);
    expect(f.training.epochs).toBe(10);
  });

  it('drops a template this build does not have, and reads nothing from what is not a stored form', () => {
    expect(roundTrip(form({ templateId: 'retired-template' }))).toMatchObject({ templateId: null, config: {}, selectedGate: null, datasetId: '3' });
    const s = new MemoryStorage();
    for (const raw of ['{not json', '[]', JSON.stringify({ v: 99, family: 'forecasting' }), JSON.stringify({ v: 1, family: 'vision' })]) {
      s.setItem(FORM_KEY, raw);
      expect(readForm(s), raw).toBeNull();
    }
    expect(readForm(null)).toBeNull();
  });
});
