// A lab with a damaged row (a stored JSON column that does not parse, store/damaged-rows.ts) still opens and
// keeps that row's data; the registry's writes refuse on a lab open read-only, with its notice, instead of
// failing halfway in SQLite. Real temp lab homes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths, type LabPaths } from '../home';
import { openLabDatasets, DatasetRegistry, type LabDatasets } from './index';
import { DatasetNameTaken } from './dataset-name';

let home: string;
let paths: LabPaths;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-damaged-registry-'));
  paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

async function importCsv(name: string, seed: number): Promise<{ id: number; dir: string }> {
  const file = join(home, `${name}.csv`);
  writeFileSync(file, 'x,y\n' + Array.from({ length: 12 }, (_, i) => `${i},${(i * seed) % 7}`).join('\n') + '\n');
  const { dataset } = await lab.registry.importDataset(file);
  return { id: dataset.id, dir: join(paths.datasets, dataset.sourceHash) };
}

const damageDataset = (id: number) => lab.store.db.prepare(`UPDATE datasets SET validation = '{"issues": [' WHERE id = ?`).run(id);

describe('a damaged dataset row', () => {
  it('does not stop the lab from opening, and its folder survives the start-up sweep', async () => {
    const { id, dir } = await importCsv('readings', 3);
    damageDataset(id);
    lab.close();
    // old enough for the sweep to judge every folder
    for (const name of readdirSync(paths.datasets)) utimesSync(join(paths.datasets, name), new Date(0), new Date(0));
    lab = await openLabDatasets(paths, { demos: false });
    expect(existsSync(join(dir, 'cache', 'meta.json'))).toBe(true);
    expect(lab.registry.listChecked()).toMatchObject({ datasets: [], damaged: [{ kind: 'dataset', id, column: 'validation' }] });
  });

  it('keeps its name taken: a rename or an import --name to it is refused, naming it and the ways out that work', async () => {
    const broken = await importCsv('readings', 3);
    const other = await importCsv('other', 5);
    damageDataset(broken.id);
    // renaming the damaged holder (DatasetNameTaken's usual advice) cannot work: it reads the damaged row
    const why = `Dataset ${broken.id} cannot be renamed: its stored validation is damaged (gatelab datasets show ${broken.id} says more)`;
    const remove = `delete dataset ${broken.id} if you no longer need it (gatelab datasets delete ${broken.id})`;
    // still a DatasetNameTaken: every face refuses it as one (exit 2)
    expect(() => lab.registry.rename(other.id, 'readings')).toThrow(DatasetNameTaken);
    expect(() => lab.registry.rename(other.id, 'readings'))
      .toThrow(`dataset ${broken.id} is already named 'readings', so dataset ${other.id} keeps the name 'other'. ${why}. Choose another name, or ${remove} and rename again`);
    expect(lab.registry.get(other.id)?.name).toBe('other');
    const file = join(home, 'third.csv');
    writeFileSync(file, 'a\n1\n2\n');
    await expect(lab.registry.importDataset(file, { name: 'readings' }))
      .rejects.toThrow(`dataset ${broken.id} is already named 'readings', so nothing was imported. ${why}. Choose another name for this import (--name), or ${remove} and import again`);
    expect(lab.store.datasets.nameOf(broken.id)).toBe('readings');
    // a healthy holder keeps the usual advice (rename it)
    const third = (await lab.registry.importDataset(file)).dataset;
    expect(() => lab.registry.rename(third.id, 'other')).toThrow(`rename dataset ${other.id} first (in the app, or gatelab datasets rename ${other.id} NEW_NAME)`);
    // a derived name steps past it as past any taken name
    writeFileSync(join(home, 'readings.csv'), 'b\n3\n4\n');
    expect((await lab.registry.importDataset(join(home, 'readings.csv'))).dataset.name).toBe('readings (2)');
  });
});

describe('deleting a damaged dataset', () => {
  it('removes its row and folder without reading its damaged JSON, frees its name, and keeps the others', async () => {
    const broken = await importCsv('readings', 3);
    const other = await importCsv('other', 5);
    damageDataset(broken.id);
    expect(() => lab.registry.get(broken.id)).toThrow(`Corrupt JSON in datasets.validation of dataset ${broken.id}`);
    lab.registry.delete(broken.id);
    expect(lab.store.datasets.plainColumns(broken.id)).toBeUndefined();
    expect(lab.registry.listChecked()).toMatchObject({ datasets: [{ id: other.id, name: 'other' }], damaged: [] });
    expect(existsSync(broken.dir)).toBe(false);
    expect(existsSync(join(other.dir, 'cache', 'meta.json'))).toBe(true);
    // its name is free again
    expect(lab.registry.rename(other.id, 'readings').dataset.name).toBe('readings');
  });

  it('one whose column stats are damaged goes too; a damaged run that uses it still keeps it', async () => {
    const { id, dir } = await importCsv('readings', 3);
    lab.store.db.prepare(`UPDATE dataset_columns SET stats = '{' WHERE dataset_id = ? AND name = 'y'`).run(id);
    const run = lab.store.runs.create({ config: { template: 'demo-gated' }, datasetId: id, seed: 1 });
    lab.store.db.prepare(`UPDATE runs SET config = '{"template": ' WHERE id = ?`).run(run);
    expect(() => lab.registry.delete(id)).toThrow(`dataset ${id} 'readings' is used by run ${run} (its stored config is damaged)`);
    expect(existsSync(dir)).toBe(true);
    lab.store.runs.delete(run);
    lab.registry.delete(id);
    expect(lab.store.datasets.nameOf(id)).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('deleting a dataset a damaged run uses', () => {
  it('is refused, naming the run and what is damaged, and the dataset stays whole', async () => {
    const { id, dir } = await importCsv('readings', 3);
    const run = lab.store.runs.create({ config: { template: 'demo-gated' }, datasetId: id, seed: 1 });
    lab.store.runs.setStatus(run, 'completed', { step: 8, epoch: 1 });
    lab.store.db.prepare(`UPDATE runs SET config = '{"template": ' WHERE id = ?`).run(run);
    expect(() => lab.registry.delete(id)).toThrow(`dataset ${id} 'readings' is used by run ${run} (its stored config is damaged): the lab cannot tell whether it still needs this data, so the dataset is kept (gatelab show ${run} says what is damaged and how to restore it)`);
    expect(lab.registry.get(id)?.name).toBe('readings');
    expect(existsSync(dir)).toBe(true);
    // a damaged run of another dataset does not hold this one
    const other = await importCsv('other', 5);
    lab.registry.delete(other.id);
    expect(existsSync(other.dir)).toBe(false);
  });
});

describe('a lab open read-only', () => {
  const NOTICE = "The lab database failed its integrity check: you can browse what is readable";
  it('refuses role changes and deletes with its notice, and changes nothing', async () => {
    const { id, dir } = await importCsv('readings', 3);
    const readOnly = new DatasetRegistry({ ...lab.store, readOnly: true, notice: NOTICE }, paths);
    const refusal = (f: () => unknown) => { try { f(); } catch (e) { return { name: (e as Error).name, message: (e as Error).message }; } return null; };
    expect(refusal(() => readOnly.setColumns(id, [{ column: 'y', role: 'target' }]))).toEqual({ name: 'LabUnavailable', message: `Cannot change column roles: ${NOTICE}` });
    expect(refusal(() => readOnly.delete(id))).toEqual({ name: 'LabUnavailable', message: `Cannot delete a dataset: ${NOTICE}` });
    expect(refusal(() => readOnly.assertWritable('create a split'))).toEqual({ name: 'LabUnavailable', message: `Cannot create a split: ${NOTICE}` });
    expect(lab.registry.get(id)?.columns.find((c) => c.name === 'y')?.role).toBe('feature');
    expect(existsSync(dir)).toBe(true);
  });
});
