// A finished run whose stored row is damaged (its config no longer JSON) still needs the copy of the data it
// trained on: nothing can tell otherwise until the row is restored, and a copy deleted meanwhile cannot be
// made again. Neither the start-up sweep nor a retype may delete it, and the damaged row must not stop the
// lab opening (`gatelab datasets`, import, train, the app and serve all open through openLabDatasets).
// Real SQLite labs in temp homes; the row is damaged with SQL as in store/damaged-rows.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type Dataset, type LabDatasets } from './index';
import { retypeDataset } from './retype';
import { cacheForRun, keptRunIds } from './trained-caches';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-kept-damaged-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  vi.restoreAllMocks();
  rmSync(home, { recursive: true, force: true });
});

const keptCopies = (d: Dataset) => readdirSync(dirname(d.cachePath)).filter((n) => n.startsWith('cache.trained-')).map((n) => join(dirname(d.cachePath), n));

async function datasetWithRun(status: 'completed' | 'paused' = 'completed'): Promise<{ dataset: Dataset; run: number }> {
  const file = join(home, 'shop.csv');
  writeFileSync(file, `size,colour,label\n${Array.from({ length: 30 }, (_, i) => `${1 + (i % 5)},${['red', 'blue'][i % 2]},${i % 3 === 0 ? 1 : 0}`).join('\n')}\n`);
  const { dataset } = await lab.registry.importDataset(file, { roles: { label: 'target' } });
  return { dataset, run: addRun(dataset, status) };
}

function addRun(dataset: Dataset, status: 'completed' | 'paused'): number {
  const run = lab.store.runs.create({ datasetId: dataset.id, config: { data: { columns: dataset.columns.map((c) => ({ name: c.name, type: c.type, role: c.role })) } } });
  lab.store.runs.setStatus(run, status);
  return run;
}

const configOf = (run: number) => (lab.store.db.prepare('SELECT config FROM runs WHERE id = ?').get(run) as { config: string }).config;
const setConfig = (run: number, config: string) => lab.store.db.prepare('UPDATE runs SET config = ? WHERE id = ?').run(config, run);

async function reopen(): Promise<void> {
  lab.close();
  lab = await openLabDatasets(labPaths(home), { demos: false });
}

describe('a finished run whose stored row is damaged keeps the data it trained on', () => {
  it('the lab opens without a word about it, and the start-up sweep keeps its copy; restored, the run reads that copy', async () => {
    const { dataset, run } = await datasetWithRun();
    await retypeDataset(lab.registry, dataset.id, { size: 'categorical' });
    const [copy] = keptCopies(dataset);
    expect(keptRunIds(copy)).toEqual([run]);
    const config = configOf(run);
    setConfig(run, '{broken');

    const warn = vi.spyOn(console, 'warn');
    await reopen(); // threw "Corrupt JSON in runs.config of run 1" before: every face of the lab was shut
    expect(warn).not.toHaveBeenCalled();
    expect(lab.registry.list().map((d) => d.id)).toEqual([dataset.id]);
    expect(existsSync(copy)).toBe(true);
    expect(keptRunIds(copy)).toEqual([run]);
    expect(configOf(run)).toBe('{broken'); // left as it was

    setConfig(run, config);
    await reopen();
    expect(cacheForRun(lab.registry.get(dataset.id)!, lab.store.runs.get(run)!)).toBe(copy);
  });

  it('a retype while its row is damaged keeps the old cache for it (not for a damaged paused run); restored, the run reads it', async () => {
    const { dataset, run } = await datasetWithRun();
    const paused = addRun(dataset, 'paused');
    const config = configOf(run);
    setConfig(run, '{broken');
    setConfig(paused, '[');

    await retypeDataset(lab.registry, dataset.id, { size: 'categorical' });
    const copies = keptCopies(dataset);
    expect(copies).toHaveLength(1);
    // the paused run resumes on the new types, as the retype says: a copy listing it would be handed to its resume
    expect(keptRunIds(copies[0])).toEqual([run]);

    setConfig(run, config);
    expect(cacheForRun(lab.registry.get(dataset.id)!, lab.store.runs.get(run)!)).toBe(copies[0]);
  });

  it('two retypes while its row is damaged keep two copies; restored, the one it did not train on is pruned', async () => {
    const { dataset, run } = await datasetWithRun();
    const config = configOf(run);
    await retypeDataset(lab.registry, dataset.id, { size: 'categorical' });
    const [trainedOn] = keptCopies(dataset);
    setConfig(run, '{broken');
    // its snapshot cannot be read: the second retype cannot tell which copy it needs, so it keeps this one too
    await retypeDataset(lab.registry, dataset.id, { colour: 'text' });
    expect(keptCopies(dataset).map(keptRunIds)).toEqual([[run], [run]]);

    setConfig(run, config);
    await reopen();
    expect(keptCopies(dataset)).toEqual([trainedOn]);
    expect(cacheForRun(lab.registry.get(dataset.id)!, lab.store.runs.get(run)!)).toBe(trainedOn);
  });

  it('a damaged row of another dataset keeps nothing here', async () => {
    const { dataset, run } = await datasetWithRun();
    lab.store.db.prepare('UPDATE runs SET dataset_id = NULL WHERE id = ?').run(run); // a run of no dataset now
    setConfig(run, '{broken');
    await retypeDataset(lab.registry, dataset.id, { size: 'categorical' });
    expect(keptCopies(dataset)).toEqual([]);
  });
});
