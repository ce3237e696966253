// The Models form's data-shaped fields follow the form and the dataset as the trainer and the lab will:
// a fusion modality's width follows the form's textBuckets and maxCategories (the size is measured with
// them), MoE fusion gets one expert per modality even when a vector's width is only known at run time, and
// a dataset deleted while chosen is no longer chosen. Against a stand-in lab (real dispatch and schemas):
// what is under test is the store, not the lab.
import { describe, expect, it } from 'vitest';
import { TEMPLATES, defaultModelConfig, templateJsonSchema, type TemplateId } from '../../common/models';
import { LabError, type ColumnInfo, type DatasetDetail, type Template } from '../../common/lab-api';
import { handlerLab } from './runs-test-lab';
import { ModelsStore } from './models.svelte';

const templates: Template[] = TEMPLATES.map((t) => ({
  id: t.id, family: t.family, description: t.description, baseline: t.baseline, gates: t.gates,
  schema: templateJsonSchema(t.id as TemplateId) as Record<string, unknown>,
  defaults: defaultModelConfig(t.id as TemplateId) as unknown as Record<string, unknown>,
}));

const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'], modality: string | null, o: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name, type, role, modality, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null, ...o,
});
const dataset = (id: string, name: string, columnInfo: ColumnInfo[]): DatasetDetail => ({
  id, name, rows: 240, columns: columnInfo.length, source: `${name}.csv`, family: null, createdAt: '2026-01-01T00:00:00Z', bytes: 1000, columnInfo, issues: [],
});

// reviews: a text column, a 12-valued city and a price, a yes/no target (as data-shape.test.ts's file)
const reviews = dataset('7', 'reviews', [
  col('review', 'text', 'feature', 'text', { distinct: 240 }),
  col('city', 'categorical', 'feature', 'tabular', { distinct: 12 }),
  col('price', 'float', 'feature', 'tabular', { min: 0.5, max: 8.5 }),
  col('liked', 'categorical', 'target', null, { distinct: 2 }),
]);
// the same with an image embedding (a vector column): its width is in the cache, not in the statistics
const withImages = dataset('8', 'reviews with photos', [...reviews.columnInfo, col('photo', 'vector', 'feature', 'image')]);

/** A lab holding `datasets` (a deleted one answers not-found, as the lab does); models.size answers from the modalities it is sent. */
function lab(datasets: DatasetDetail[]) {
  const held = new Map(datasets.map((d) => [d.id, d]));
  const fake = handlerLab({
    'templates.list': () => templates,
    'gates.list': () => [],
    'splits.list': () => [],
    'datasets.get': ({ id }) => {
      const d = held.get(id);
      if (!d) throw new LabError('not-found', `dataset ${id} not found`);
      return d;
    },
    'models.size': ({ config }) => ({ params: ((config.modalities ?? []) as { dim: number }[]).reduce((n, m) => n + m.dim, 0), flopsPerStep: 1 }),
  });
  return { ...fake, remove: (id: string) => held.delete(id) };
}

async function formOn(d: DatasetDetail, template: string, l = lab([d])): Promise<ModelsStore> {
  const models = new ModelsStore(l.lab);
  await models.load();
  models.datasetId = d.id;
  models.adoptDataset(d);
  models.setFamily('fusion');
  models.choose(template);
  return models;
}

const sizeRequests = (l: ReturnType<typeof lab>) => l.calls.filter((c) => c.channel === 'models.size').map((c) => (c.payload as { config: Record<string, unknown> }).config);

describe('the fusion widths follow the form’s text buckets and categorical cap', () => {
  it('re-derives the modalities (and the size measured with them) when textBuckets or maxCategories is edited', async () => {
    const l = lab([reviews]);
    const models = await formOn(reviews, 'gmu', l);
    expect(models.config.modalities).toEqual([{ name: 'text', dim: 4096 }, { name: 'tabular', dim: 12 + 1 + 1 }]);
    models.setConfig({ ...models.config, textBuckets: 64, maxCategories: 5 });
    // the trainer's encoding: 64 hashed buckets; the 5 most frequent cities, one "other", the price
    expect(models.config.modalities).toEqual([{ name: 'text', dim: 64 }, { name: 'tabular', dim: 5 + 1 + 1 }]);
    expect(models.dataShape?.shown.modalities).toBe('text (64), tabular (7)');
    await models.measure();
    expect(sizeRequests(l).at(-1)?.modalities).toEqual([{ name: 'text', dim: 64 }, { name: 'tabular', dim: 7 }]);
    expect(models.size?.params).toBe(71);
    // back to the defaults: back to the default widths
    models.setConfig({ ...models.config, textBuckets: 4096, maxCategories: 1000 });
    expect(models.config.modalities).toEqual([{ name: 'text', dim: 4096 }, { name: 'tabular', dim: 14 }]);
  });
});

describe('MoE fusion has one expert per modality, counted even when a width is known only at run time', () => {
  it('sets router.experts to the number of modalities with a vector column among them, and the form stays valid', async () => {
    const models = await formOn(withImages, 'moe-fusion');
    expect((models.config.modalities as { name: string }[]).map((m) => m.name)).toEqual(['text', 'tabular', 'image']);
    expect((models.config.router as { experts: number }).experts).toBe(3);
    expect(models.errors).toEqual({});
    expect(models.valid).toBe(true);
    // the vector's width is the run's to read: the form says so rather than showing a width
    expect(models.dataShape?.widthsAtRunTime).toEqual(['image']);
    expect(models.dataShape?.shown.modalities).toBe('text (4096), tabular (14), image (width at run time)');
  });

  it('keeps the count when the router kind is switched (the new kind comes with its default of 2 experts)', async () => {
    const models = await formOn(withImages, 'moe-fusion');
    models.setConfig({ ...models.config, router: { kind: 'sinkhorn-router', experts: 2 } });
    expect(models.config.router).toMatchObject({ kind: 'sinkhorn-router', experts: 3 });
    expect(models.errors).toEqual({});
  });
});

describe('a chosen dataset deleted meanwhile', () => {
  it('is no longer chosen, and the form says which one is gone', async () => {
    const l = lab([reviews]);
    const models = await formOn(reviews, 'gmu', l);
    l.remove(reviews.id);
    l.emit('datasets.changed', { id: reviews.id });
    await expect.poll(() => models.datasetId).toBeNull();
    expect(models.dataset).toBeNull();
    expect(models.goneDataset).toEqual({ id: '7', name: 'reviews' });
    expect(await models.start()).toBeNull(); // nothing to start on
    // another dataset adopted: the note goes
    models.datasetId = withImages.id;
    models.adoptDataset(withImages);
    expect(models.goneDataset).toBeNull();
  });
});
