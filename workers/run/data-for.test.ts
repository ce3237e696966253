// A dataset run's data and config in the trainer: the inputs named by the columns the model kept, and a
// template error in a data-filled field naming the user's column, not only 'fields.N'.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../main/lab/import';
import { RunConfig } from '../../common/runs/config';
import { ConfigError } from '../../common/gates';
import { readDatasetCache } from '../data/cache';
import { checkDataShapedModel, dataFor, namingColumns, withDatasetId } from './data-for';

// A vocabulary over the templates' limit (16,777,216 values) needs a file of millions of rows; here every
// vocabulary the trainer checks is scaled by `vocabularies.times` before the real schema reads it.
const vocabularies = vi.hoisted(() => ({ times: 1 }));
vi.mock('../../common/models/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../common/models/index')>();
  const parseModelConfig: typeof real.parseModelConfig = (input) => {
    const m = input as Record<string, unknown>;
    return real.parseModelConfig(Array.isArray(m.fields) ? { ...m, fields: m.fields.map((v: number) => v * vocabularies.times) } : m);
  };
  return { ...real, parseModelConfig };
});

let home: string;
let columns: { name: string; type: string; role: string; modality: string | null }[];
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-data-for-'));
  // a click log: an impression id (one value per row) first, an all-empty 'notes' between user and device
  const lines = ['impression,user,notes,device,price,clicked'];
  for (let i = 0; i < 300; i++) lines.push(`imp${i},u${i % 23},,${i % 3 ? 'mobile' : 'desktop'},${(i % 11) + 0.5},${i % 3 ? 'yes' : 'no'}`);
  writeFileSync(join(home, 'clicks.csv'), lines.join('\n'));
  await importFile(join(home, 'clicks.csv'), join(home, 'clicks'));
  columns = readDatasetCache(join(home, 'clicks')).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'clicked' ? 'target' : 'feature', modality: null }));
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));
afterEach(() => { vocabularies.times = 1; });

const spec = (template: string) => ({
  runId: 7,
  config: RunConfig.parse({ model: { template }, data: { kind: 'dataset', datasetId: 1 } }),
  checkpointDir: join(home, 'ckpt'),
  dataset: { cacheDir: join(home, 'clicks'), columns },
});

describe('dataFor: a CTR run with fields left out', () => {
  it('sends the kept fields then the numeric input by name, in the model\'s order', async () => {
    const { data, config } = await dataFor(spec('finalmlp'));
    expect(data.describe).toContain('left out: impression (an id: one value per row), notes (all missing)');
    expect(config.model).toMatchObject({ fields: [24, 3], numeric: 1 });
    expect(data.inputs).toEqual({ fields: ['user', 'device', 'price'] });
    expect(data.label).toMatchObject({ column: 'clicked' });
  });

  it('a vocabulary over the limit names its column (the binding\'s first field, the id, is not the model\'s)', async () => {
    vocabularies.times = 2 ** 20; // user: 24 → 25,165,824 ids; device: 3 → 3,145,728 (under the limit)
    const failure = await dataFor(spec('lr')).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).message).toBe("template 'lr': field 'fields.0' (column 'user'): Too big: expected number to be <=16777216");
    expect((failure as ConfigError).fields).toEqual(['fields.0']);
  });
});

describe('dataFor: which column rule re-derives the model', () => {
  // 'site' is 'web' in every row: left out of runs created since 2026-11-30, kept (vocabulary 2) by older ones
  let site: (template: string, model?: Record<string, unknown>) => ReturnType<typeof spec>;
  beforeAll(async () => {
    const lines = ['user,site,device,price,clicked'];
    for (let i = 0; i < 300; i++) lines.push(`u${i % 23},web,${i % 3 ? 'mobile' : 'desktop'},${(i % 11) + 0.5},${i % 3 ? 'yes' : 'no'}`);
    writeFileSync(join(home, 'site.csv'), lines.join('\n'));
    await importFile(join(home, 'site.csv'), join(home, 'site'));
    const siteColumns = readDatasetCache(join(home, 'site')).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'clicked' ? 'target' : 'feature', modality: null }));
    site = (template, model: Record<string, unknown> = {}) => ({
      ...spec(template),
      config: RunConfig.parse({ model: { template, ...model }, data: { kind: 'dataset', datasetId: 2 } }),
      dataset: { cacheDir: join(home, 'site'), columns: siteColumns },
    });
  }, 60_000);
  // what the Models form fills in (site's 'web' + the unseen id), and what an older run's trainer built
  const withSite = { fields: [24, 2, 3], numeric: 1 };

  it('a new run leaves the constant field out although its config carries a shape that keeps it', async () => {
    const { data, config } = await dataFor(site('finalmlp', withSite));
    expect(data.describe).toContain('left out: site (constant)');
    expect(config.model).toMatchObject({ fields: [24, 3], numeric: 1 });
    expect(data.inputs).toEqual({ fields: ['user', 'device', 'price'] });
  });

  it('a resumed run (a checkpoint to load) and the analytics keep the inputs its model was built with', async () => {
    for (const [s, options] of [[{ ...site('finalmlp', withSite), resumeFrom: join(home, 'ckpt', 'epoch-1.ckpt') }, {}], [site('finalmlp', withSite), { modelBuilt: true }]] as const) {
      const { data, config } = await dataFor(s, options);
      expect(data.describe).not.toContain('site (constant)');
      expect(config.model).toMatchObject(withSite);
      expect(data.inputs).toEqual({ fields: ['user', 'site', 'device', 'price'] });
    }
  });
});

describe('a template error in a data-filled field names what the user chose', () => {
  const inputs = { fields: ['user', 'device_ip', 'device', 'price'] };

  it('each field\'s column, on every line of the error', () => {
    const model = { template: 'dnn', fields: [1, 16_777_300, 3], numeric: 1 };
    expect(() => checkDataShapedModel(model, inputs)).toThrow(new ConfigError([
      "template 'dnn': field 'fields.0' (column 'user'): Too small: expected number to be >=2",
      "template 'dnn': field 'fields.1' (column 'device_ip'): Too big: expected number to be <=16777216",
    ].join('\n'), ['fields.0', 'fields.1']));
  });

  it('a fusion modality too wide names the modality', () => {
    const model = { template: 'concat-fusion', modalities: [{ name: 'tabular', dim: 4 }, { name: 'text', dim: 2_000_000 }] };
    expect(() => checkDataShapedModel(model, undefined)).toThrow("template 'concat-fusion': field 'modalities.1.dim' (modality 'text'): Too big: expected number to be <=1048576");
  });

  it('unnamed inputs (a multi-hot run) keep the field as it is; other errors pass through; a valid config passes unchanged', () => {
    const model = { template: 'lr', fields: [24, 16_777_300], numeric: 5 };
    expect(() => checkDataShapedModel(model, undefined)).toThrow(/^template 'lr': field 'fields\.1': Too big/);
    const valid = { template: 'lr', fields: [24, 3], numeric: 1 };
    checkDataShapedModel(valid, inputs);
    expect(valid).toEqual({ template: 'lr', fields: [24, 3], numeric: 1 }); // no defaults written into the run's config
    expect(() => checkDataShapedModel({ template: 'nope' }, inputs)).toThrow(/^template 'nope' \(known templates: /);
  });

  it('an index past the model\'s fields is not named from the numeric inputs', () => {
    expect(namingColumns("template 'lr': field 'fields.3': x", { fields: [24, 3] }, inputs)).toBe("template 'lr': field 'fields.3': x");
  });
});

describe('a gated fusion whose roles give two modalities but whose data leaves one', () => {
  // 'ids' holds only review_id, one value per row: left out as an id, so only 'text' is left to fuse
  let fusion: (template: string) => ReturnType<typeof spec>;
  beforeAll(async () => {
    const words = ['great', 'broken', 'fine', 'refund', 'love', 'awful', 'box', 'battery'];
    const lines = ['review_id,note,label'];
    for (let i = 0; i < 300; i++) lines.push(`rev${i},${words[i % 8]} ${words[(i * 3) % 8]} ${words[(i * 5 + 1) % 8]} and the ${words[(i * 7 + 2) % 8]} after ${i % 17} days of use,${i % 2 ? 'yes' : 'no'}`);
    writeFileSync(join(home, 'reviews.csv'), lines.join('\n'));
    await importFile(join(home, 'reviews.csv'), join(home, 'reviews'));
    const modality: Record<string, string> = { review_id: 'ids', note: 'text' };
    const cols = readDatasetCache(join(home, 'reviews')).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'label' ? 'target' : 'feature', modality: modality[c.name] ?? null }));
    expect(cols.map((c) => c.type)).toEqual(['categorical', 'text', 'boolean']);
    fusion = (template) => ({ ...spec(template), config: RunConfig.parse({ model: { template }, data: { kind: 'dataset', datasetId: 5 } }), dataset: { cacheDir: join(home, 'reviews'), columns: cols } });
  }, 60_000);

  it('names the modality left, why the other went, and a roles command with the dataset id', async () => {
    for (const template of ['gmu', 'moe-fusion']) {
      const failure = await dataFor(fusion(template)).then(() => null, (e: unknown) => e);
      expect(failure).toBeInstanceOf(ConfigError);
      // one line: moe-fusion's "router.experts: Too small" follows from the modalities and is not repeated
      expect((failure as Error).message).toBe(`template '${template}': field 'modalities': ${template} fuses at least 2 modalities; for a one-modality dataset use concat-fusion, ` +
        'late-fusion or early-exit-mlp, or give another column group a modality (gatelab datasets roles 5 <column>=feature:<modality>) ' +
        "(the roles give 2 modalities, 'ids', 'text', but the data leaves one modality, 'text': left out: review_id (an id: one value per row), modality 'ids' (no column left))");
    }
  });

  it('a one-modality template trains on what is left', async () => {
    const { config } = await dataFor(fusion('concat-fusion'));
    expect((config.model as unknown as { modalities: { name: string }[] }).modalities.map((m) => m.name)).toEqual(['text']);
  });
});

describe('withDatasetId', () => {
  it('puts the dataset id into the commands a data message writes with ID, keeping the error\'s class', () => {
    const e = withDatasetId(new ConfigError('no modality left to fuse: … (gatelab datasets roles ID <column>=feature:<modality>); or gatelab datasets split ID --kind random', ['x']), 12);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).message).toBe('no modality left to fuse: … (gatelab datasets roles 12 <column>=feature:<modality>); or gatelab datasets split 12 --kind random');
    expect((e as ConfigError).fields).toEqual(['x']);
    expect((withDatasetId(new Error('gatelab datasets roles IDs'), 3) as Error).message).toBe('gatelab datasets roles IDs');
  });
});
