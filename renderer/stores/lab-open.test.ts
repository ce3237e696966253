// After `gatelab serve` restarts, the tab reconnects; the events sent while it was down are lost. The
// Models form must show the lab as it is now (the chosen dataset's roles and splits edited meanwhile),
// as datasets and runs do, not what it read before the restart.
import { describe, expect, it, vi } from 'vitest';
import { handlerLab } from './runs-test-lab';
import { createStores } from './index';
import { readAgainOnOpen } from './lab-open';
import { LabError, type ColumnInfo, type DatasetDetail, type SplitInfo, type Template } from '../../common/lab-api';
import { TEMPLATES, defaultModelConfig, templateJsonSchema } from '../../common/models';

const TEMPLATE_LIST: Template[] = TEMPLATES.filter((t) => t.family === 'forecasting').map((t) => ({
  id: t.id, family: t.family, description: t.description, baseline: t.baseline, gates: t.gates,
  schema: templateJsonSchema(t.id) as Record<string, unknown>, defaults: defaultModelConfig(t.id) as unknown as Record<string, unknown>,
}));
const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role']): ColumnInfo => ({
  name, type, role, modality: null, missing: 0, distinct: 100, min: null, max: null, mean: 0, std: 1, histogram: null,
});
const summary = { id: '1', name: 'loads', rows: 1000, columns: 4, source: 'loads.csv', family: 'forecasting', createdAt: '2026-01-01T00:00:00Z', bytes: 1000 };
const split = (id: string, name: string): SplitInfo => ({
  id, datasetId: '1', name, kind: 'chronological', spec: {}, counts: { train: 700, val: 100, test: 200, unused: 0 }, seed: null, createdAt: '2026-01-01T00:00:00Z',
});

/** A lab whose dataset 1 and its splits can change while no event reaches the window (the socket is down). */
function restartingLab() {
  const lab = {
    columns: [col('date', 'datetime', 'time'), col('a', 'float', 'feature'), col('b', 'float', 'feature'), col('c', 'float', 'feature')],
    splits: [] as SplitInfo[],
    datasetGone: false,
  };
  const detail = (): DatasetDetail => ({ ...summary, columnInfo: lab.columns, issues: [] });
  const { lab: api, calls, emit } = handlerLab({
    'system.info': () => ({ version: 'test', face: 'test', platform: 'linux', cores: 2, home: '/tmp/lab', executionProviders: [], unavailable: [], notice: null }),
    'settings.get': () => ({ executionProvider: 'cpu', threads: 1, concurrentRuns: 1, theme: 'system' }),
    'datasets.list': () => (lab.datasetGone ? [] : [summary]),
    'datasets.get': ({ id }) => {
      if (lab.datasetGone || id !== '1') throw new LabError('not-found', `no dataset '${id}'`);
      return detail();
    },
    'splits.list': () => lab.splits,
    'runs.list': () => [],
    'templates.list': () => TEMPLATE_LIST,
    'gates.list': () => [],
    'models.size': () => ({ params: 1000, flopsPerStep: 5000 }),
  });
  return { lab, api, calls, emit };
}

/** The stores of a window whose Models form is open on dataset 1 with DLinear. */
async function modelsOpenOnDataset(api: ReturnType<typeof restartingLab>['api']) {
  const stores = createStores(api);
  await readAgainOnOpen(stores);
  await stores.models.load(); // the Models view opened
  stores.models.datasetId = '1';
  stores.models.adoptDataset(await api.invoke('datasets.get', { id: '1' }));
  stores.models.choose('dlinear');
  return stores;
}

describe('a window reconnecting to the lab', () => {
  it('reads the Models form’s dataset and splits again, as it does datasets and runs', async () => {
    const { lab, api } = restartingLab();
    const stores = await modelsOpenOnDataset(api);
    expect(stores.models.config.channels).toBe(3);
    expect(stores.models.splits).toEqual([]);

    // while serve was down: column c was set to ignore (the CLI) and a split was made; no event came
    lab.columns = lab.columns.map((c) => (c.name === 'c' ? { ...c, role: 'ignore' } : c));
    lab.splits = [split('7', 'last-year')];
    expect(stores.models.config.channels).toBe(3); // nothing told the window

    await readAgainOnOpen(stores); // the socket opened again
    expect(stores.models.dataset?.columnInfo.find((c) => c.name === 'c')?.role).toBe('ignore');
    expect(stores.models.config.channels).toBe(2);
    expect(stores.models.splits.map((s) => s.name)).toEqual(['last-year']);
    // what the user chose stays
    expect(stores.models.templateId).toBe('dlinear');
    expect(stores.models.datasetId).toBe('1');
  });

  it('lets go of a dataset deleted while it was away, so the form picks another instead of showing the old one', async () => {
    const { lab, api } = restartingLab();
    const stores = await modelsOpenOnDataset(api);
    lab.datasetGone = true;
    await readAgainOnOpen(stores);
    expect(stores.models.datasetId).toBeNull();
    expect(stores.models.dataset).toBeNull();
    expect(stores.datasets.list).toEqual([]);
  });

  it('follows a role edit made elsewhere while connected (the lab’s datasets.changed), without a reconnect', async () => {
    const { lab, api, emit } = restartingLab();
    const stores = await modelsOpenOnDataset(api);
    lab.columns = lab.columns.map((c) => (c.name === 'a' ? { ...c, role: 'ignore' } : c));
    emit('datasets.changed', { id: '1' });
    await vi.waitFor(() => expect(stores.models.config.channels).toBe(2));
    expect(stores.models.templateId).toBe('dlinear');
  });

  it('does not read the Models form before it was opened (the view reads it then), and reads it once when both ask', async () => {
    const { api, calls } = restartingLab();
    const stores = createStores(api);
    await readAgainOnOpen(stores);
    expect(calls.filter((c) => c.channel === 'templates.list')).toEqual([]);
    await Promise.all([stores.models.load(), readAgainOnOpen(stores)]);
    expect(calls.filter((c) => c.channel === 'templates.list')).toHaveLength(1);
    expect(stores.models.templates.map((t) => t.id)).toContain('dlinear');
  });
});
