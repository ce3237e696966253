// Changing column types after import, with a real store and importer in a temp home: the dataset is parsed
// again from its stored original, keeps its id, name, roles and splits, and a change that cannot be made
// leaves the old cache and the store exactly as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from './index';
import { openDatasetCache } from '../import/index';
import { recoverInterruptedRetypes, retypeDataset } from './retype';
import { DatasetNameTaken } from './dataset-name';
import { isRefusal } from '../runs/refusal';
import { Lab } from '../lab';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ETTH1 = '/work/shared/data/forecasting/ETTh1.csv';

// flag holds only 0 and 1 (inferred boolean); note is mostly dates with two words among them.
const CSV = 'when,flag,count,note,y\n2024-01-01,0,3,soon,1.5\n2024-01-02,1,4,2024-01-05,2.5\n2024-01-03,1,5,later,3.5\n2024-01-04,0,6,2024-02-01,4.5\n';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

async function importSmall(): Promise<number> {
  const file = join(home, 'clicks.csv');
  writeFileSync(file, CSV);
  const { dataset } = await lab.registry.importDataset(file, { roles: { y: 'target', count: { role: 'feature', modality: 'counts' } } });
  return dataset.id;
}

const values = (cachePath: string, column: string) => {
  const c = openDatasetCache(cachePath).column(column);
  return Array.from(c.values, (v) => (c.dictionary ? (v < 0 ? null : c.dictionary[v]) : v));
};
/** A .npy file as np.save writes it (version 1.0). */
function npy(descr: string, shape: number[], data: Float32Array): Buffer {
  const header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`.padEnd(117, ' ') + '\n';
  const pre = Buffer.from([0x93, ...Buffer.from('NUMPY', 'latin1'), 1, 0, header.length & 0xff, header.length >> 8]);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}
const siblings = (cachePath: string) => readdirSync(dirname(cachePath)).filter((n) => n !== 'cache' && !n.startsWith('source')).sort();

describe('retypeDataset', () => {
  it('reads a 0/1 column as int, then categorical, then back to boolean, keeping id, name, roles, modality and target', async () => {
    const id = await importSmall();
    const before = lab.registry.get(id)!;
    expect(before.columns.find((c) => c.name === 'flag')).toMatchObject({ type: 'boolean', inferredType: 'boolean', typeOverride: null });

    const asInt = await retypeDataset(lab.registry, id, { flag: 'int' });
    expect(asInt.changed).toEqual([{ column: 'flag', from: 'boolean', to: 'int' }]);
    expect(asInt.dataset.columns.find((c) => c.name === 'flag')).toMatchObject({ type: 'int', inferredType: 'boolean', typeOverride: 'int' });
    expect(asInt.dataset.columns.find((c) => c.name === 'flag')!.stats).toMatchObject({ min: 0, max: 1, mean: 0.5 });
    expect(values(asInt.dataset.cachePath, 'flag')).toEqual([0, 1, 1, 0]);
    expect(asInt.message).toContain("'flag' is now int (was boolean)");
    expect(asInt.message).toContain('Paused runs resume on the new types');

    const asCategory = await retypeDataset(lab.registry, id, { flag: 'categorical' });
    const flag = asCategory.dataset.columns.find((c) => c.name === 'flag')!;
    expect(flag).toMatchObject({ type: 'categorical', typeOverride: 'categorical' });
    expect(flag.stats).toMatchObject({ cardinality: 2, missing: 0 });
    expect(values(asCategory.dataset.cachePath, 'flag')).toEqual(['0', '1', '1', '0']);

    const back = await retypeDataset(lab.registry, id, { flag: null });
    expect(back.dataset.columns.find((c) => c.name === 'flag')).toMatchObject({ type: 'boolean', typeOverride: null });
    expect(values(back.dataset.cachePath, 'flag')).toEqual(['false', 'true', 'true', 'false']);

    const after = lab.registry.get(id)!;
    expect(after).toMatchObject({ id, name: before.name, rows: 4, sourceHash: before.sourceHash, cacheDir: before.cacheDir });
    expect(after.columns.map((c) => [c.name, c.role, c.modality])).toEqual(before.columns.map((c) => [c.name, c.role, c.modality]));
    expect(after.columns.find((c) => c.name === 'y')!.role).toBe('target');
    expect(siblings(after.cachePath)).toEqual([]); // no scratch or parked cache left behind
  });

  it('refuses a type the values do not fit under reject: counts them, quotes one with its line, and changes nothing', async () => {
    const id = await importSmall();
    const before = lab.registry.get(id)!;
    const noteBefore = values(before.cachePath, 'note');
    const refusal = retypeDataset(lab.registry, id, { note: 'datetime' });
    await expect(refusal).rejects.toThrow("column 'note' cannot be datetime: 2 of 4 values do not read as datetime, e.g. line 2: 'soon'");
    await expect(refusal).rejects.toThrow(/nothing was changed\. Choose another type, or apply it with the import's drop \(drop those rows\) or impute/);
    const after = lab.registry.get(id)!;
    expect(after.columns).toEqual(before.columns);
    expect(after.validation).toEqual(before.validation);
    expect(values(after.cachePath, 'note')).toEqual(noteBefore);
    expect(noteBefore).toEqual(['soon', '2024-01-05', 'later', '2024-02-01']);
    expect(siblings(after.cachePath)).toEqual([]);
  });

  it('applies the drop policy when asked, but not when it would change the rows a stored split assigns', async () => {
    const id = await importSmall();
    const split = await createSplit(lab.registry, id, 'mine', { kind: 'random', ratios: { train: 0.5, val: 0.25, test: 0.25 }, seed: 1 });
    await expect(retypeDataset(lab.registry, id, { note: 'datetime' }, { onInvalid: 'drop' }))
      .rejects.toThrow(`policy 'drop' keeps 2 of the dataset's 4 rows, and its stored split 'mine' (id ${split.id}) assigns rows by position`);
    expect(lab.registry.get(id)!.rows).toBe(4);

    // impute keeps every row (a datetime is never imputed: the two words become missing values)
    const imputed = await retypeDataset(lab.registry, id, { note: 'datetime' }, { onInvalid: 'impute' });
    expect(imputed.dataset.rows).toBe(4);
    expect(imputed.dataset.columns.find((c) => c.name === 'note')).toMatchObject({ type: 'datetime', typeOverride: 'datetime' });
    expect(imputed.dataset.columns.find((c) => c.name === 'note')!.stats).toMatchObject({ missing: 2 });
    expect((imputed.dataset.importOptions as { onInvalid?: string }).onInvalid).toBe('impute');
    expect((imputed.dataset.validation as { issues: { kind: string; column: string | null; count: number }[] }).issues)
      .toContainEqual(expect.objectContaining({ kind: 'unparsable', column: 'note', count: 2 }));
    expect(imputed.message).toContain("2 values did not read: policy 'impute' filled them");
    expect(lab.store.splits.list(id)).toHaveLength(1);
  });

  it('refuses while a run waits for the dataset, names the columns it has, and does nothing for the type a column already has', async () => {
    const id = await importSmall();
    const run = lab.store.runs.create({ config: {}, datasetId: id });
    await expect(retypeDataset(lab.registry, id, { flag: 'int' })).rejects.toThrow(`dataset ${id} 'clicks' is in use by run ${run} (queued)`);
    lab.store.runs.setStatus(run, 'paused');
    await expect(retypeDataset(lab.registry, id, { flag: 'int' })).resolves.toMatchObject({ message: expect.stringContaining(`Paused run ${run} resumes on the new types`) });
    await expect(retypeDataset(lab.registry, id, { nope: 'int' })).rejects.toThrow(`has no column 'nope' (did you mean 'note'?). Its columns are: when, flag, count, note, y`);
    await expect(retypeDataset(lab.registry, id, { count: 'vector' })).rejects.toThrow("column 'count' cannot be vector");
    const same = await retypeDataset(lab.registry, id, { count: 'int' });
    expect(same.changed).toEqual([]);
    expect(same.message).toContain('Nothing to change');
  });

  it('retypes a column of a 2-D .npy matrix like any table column', async () => {
    const file = join(home, 'matrix.npy');
    writeFileSync(file, npy('<f4', [4, 3], Float32Array.from([1, 0.5, 7, 2, 1.5, 8, 1, 2.5, 9, 2, 3.5, 7])));
    const { dataset } = await lab.registry.importDataset(file, {});
    expect(dataset.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['column_1:float', 'column_2:float', 'column_3:float']);
    const r = await retypeDataset(lab.registry, dataset.id, { column_3: 'categorical' });
    expect(r.dataset.columns.find((c) => c.name === 'column_3')).toMatchObject({ type: 'categorical', inferredType: 'float', typeOverride: 'categorical' });
    expect(values(r.dataset.cachePath, 'column_3')).toEqual(['7', '8', '9', '7']);
    expect(values(r.dataset.cachePath, 'column_1')).toEqual([1, 2, 1, 2]);
  });

  it('refuses to read a vector column as one number, saying what it holds and what to do; nothing is stored', async () => {
    const file = join(home, 'emb.npy');
    writeFileSync(file, npy('<f4', [3, 1, 4], Float32Array.from({ length: 12 }, (_, i) => i)));
    const { dataset } = await lab.registry.importDataset(file, {});
    expect(dataset.columns).toEqual([expect.objectContaining({ name: 'column_1', type: 'vector' })]);
    await expect(retypeDataset(lab.registry, dataset.id, { column_1: 'float' })).rejects.toThrow(
      `column 'column_1' of dataset ${dataset.id} 'emb' is a vector column (4 numbers per row) and cannot be float: a row holds a list, not one float value. Nothing was changed. Choose one of categorical, text, vector. `
      + `A 2-D .npy matrix [rows, C] is imported as C columns (column_1, column_2, ...): if emb.npy is 2-D, dataset ${dataset.id} was imported before GateLab read matrices that way; delete it (gatelab datasets delete ${dataset.id}) and import the file again. If it is 3-D, save it 2-D (np.save(path, x.reshape(len(x), -1))) and import that.`);
    const after = lab.registry.get(dataset.id)!;
    expect(after.columns).toEqual(dataset.columns);
    expect(after.columns[0]).toMatchObject({ type: 'vector', typeOverride: null });
    expect(siblings(after.cachePath)).toEqual([]);
  });

  it('after a crash between parking the old cache and recording the new parse, keeps the cache that matches the store', async () => {
    const id = await importSmall();
    const d = lab.registry.get(id)!;
    // the state a kill leaves: the live cache parked by a dead process, a newer parse (flag as int) in its place
    const parked = `${d.cachePath}.replaced-${2 ** 22 + 4321}-abcd1234`;
    renameSync(d.cachePath, parked);
    const other = join(home, 'other');
    mkdirSync(other);
    const file = join(other, 'clicks.csv');
    writeFileSync(file, CSV);
    const { importFile } = await import('../import/index');
    await importFile(file, d.cachePath, { columnTypes: { flag: 'int' } });
    expect(recoverInterruptedRetypes(lab.registry)).toEqual([parked]);
    expect(values(d.cachePath, 'flag')).toEqual(['false', 'true', 'true', 'false']); // the store says boolean
    expect(siblings(d.cachePath)).toEqual([]);
    // a parked copy next to a cache that matches is simply removed
    cpSync(d.cachePath, parked, { recursive: true });
    expect(recoverInterruptedRetypes(lab.registry)).toEqual([parked]);
    expect(siblings(d.cachePath)).toEqual([]);
  });

  it('a retype killed during its parse leaves scratch folders that the next start sweeps; a live process\'s retype is left alone', async () => {
    const { dataset } = await lab.registry.importDataset(ETTH1);
    // a real `gatelab datasets types` in another process, killed once its parse has started writing
    const cli = spawn(process.execPath, [join(ROOT, 'bin/gatelab.js'), 'datasets', 'types', String(dataset.id), 'HUFL=categorical', '--home', home], { cwd: ROOT, stdio: 'ignore' });
    const started = Date.now();
    while (!siblings(dataset.cachePath).some((n) => n.includes('.importing-')) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 5));
    cli.kill('SIGKILL');
    await new Promise((r) => cli.once('exit', r));
    const left = siblings(dataset.cachePath).filter((n) => n.startsWith(`cache.importing-${cli.pid}-`));
    expect(left.length).toBeGreaterThan(0);
    // and the scratch of a retype another live process is running now
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const live = `${dataset.cachePath}.importing-${other.pid}-abcd1234`;
    mkdirSync(join(live + `.importing-${other.pid}-ef012345`), { recursive: true });
    mkdirSync(live);
    try {
      lab.close();
      lab = await openLabDatasets(labPaths(home), { demos: false }); // the next start
      expect(siblings(dataset.cachePath)).toEqual([`cache.importing-${other.pid}-abcd1234`, `cache.importing-${other.pid}-abcd1234.importing-${other.pid}-ef012345`]);
      expect(lab.registry.get(dataset.id)!.columns.find((c) => c.name === 'HUFL')!.type).toBe('float'); // the killed retype changed nothing
      expect(Array.from(openDatasetCache(dataset.cachePath).column('HUFL').values.slice(0, 2))).toEqual([Math.fround(5.827), Math.fround(5.693)]);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('renames a dataset; refuses a name another dataset has (naming it) and an empty name', async () => {
    const id = await importSmall();
    expect(lab.registry.rename(id, '  clicks, cleaned  ')).toMatchObject({ dataset: { id, name: 'clicks, cleaned' } });
    const file = join(home, 'second.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4\n');
    const second = (await lab.registry.importDataset(file)).dataset.id;
    const taken = (() => { try { lab.registry.rename(second, ' clicks, cleaned'); } catch (e) { return e; } })();
    expect(taken).toBeInstanceOf(DatasetNameTaken);
    expect(isRefusal(taken)).toBe(true);
    expect((taken as Error).message).toBe(`dataset ${id} is already named 'clicks, cleaned', so dataset ${second} keeps the name 'second'. Choose another name, or rename dataset ${id} first (in the app, or gatelab datasets rename ${id} NEW_NAME)`);
    expect(lab.registry.get(second)!.name).toBe('second');
    expect(lab.registry.rename(id, 'clicks, cleaned').dataset.name).toBe('clicks, cleaned'); // its own name is no clash
    expect(() => lab.registry.rename(id, '   ')).toThrow(`a dataset name has 1 to 120 characters (got 0); dataset ${id} keeps the name 'clicks, cleaned'`);
  });
});

describe('LabApi datasets.setTypes and datasets.rename', () => {
  it('retypes and renames through the Lab: the list shows the new name, the detail the type and what was inferred', async () => {
    const id = String(await importSmall());
    lab.store.settings.set('demo.installedVersion', 1); // no demo datasets: this test is about one file
    lab.close();
    const api = await Lab.open({ home, face: 'test' });
    try {
      const events: unknown[] = [];
      api.onEvent((e, data) => events.push([e, data]));
      const typed = await api.dispatch('datasets.setTypes', { id, types: { flag: 'categorical' } });
      expect(typed.ok).toBe(true);
      const result = typed.ok ? (typed.result as { dataset: { columnInfo: { name: string; type: string; inferredType?: string; role: string }[] }; message: string }) : null;
      expect(result!.dataset.columnInfo.find((c) => c.name === 'flag')).toMatchObject({ type: 'categorical', inferredType: 'boolean' });
      expect(result!.dataset.columnInfo.find((c) => c.name === 'y')!.role).toBe('target');
      expect(events).toContainEqual(['datasets.changed', { id }]);
      const preview = await api.dispatch('datasets.preview', { id, offset: 0, limit: 4 });
      expect(preview.ok && (preview.result as { rows: unknown[][] }).rows.map((r) => r[1])).toEqual(['0', '1', '1', '0']);

      const refused = await api.dispatch('datasets.setTypes', { id, types: { note: 'datetime' } });
      expect(!refused.ok && refused.error.message).toContain("2 of 4 values do not read as datetime, e.g. line 2: 'soon'");
      const extra = await api.dispatch('datasets.setTypes', { id, types: { flag: null }, extra: 1 });
      expect(!extra.ok && extra.error.code).toBe('invalid-payload');

      const renamed = await api.dispatch('datasets.rename', { id, name: ' Clicks 2024 ' });
      expect(renamed.ok && (renamed.result as { message: string }).message).toBe(`Dataset ${id} is now 'Clicks 2024'`);
      const listed = await api.dispatch('datasets.list', {});
      expect(listed.ok && (listed.result as { id: string; name: string }[]).find((d) => d.id === id)?.name).toBe('Clicks 2024');
      const tooLong = await api.dispatch('datasets.rename', { id, name: 'x'.repeat(121) });
      expect(!tooLong.ok && tooLong.error.code).toBe('invalid-payload');
    } finally {
      await api.close();
      lab = await openLabDatasets(labPaths(home), { demos: false }); // afterEach closes it
    }
  });
});
