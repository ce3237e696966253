// Two datasets with one name make every command that names it fail ("2 datasets are named"). A changed file
// imported again under the file's name gets the first free 'name (2)', and the import says so; a name the
// user chose that is taken is refused (exit 2), naming the dataset that has it, and nothing is imported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { exitCodeOfError } from '../runs/exit-codes';
import { DatasetNameTaken, freeDerivedName } from './dataset-name';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-dataset-name-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** A text file of `rows` rows (another content for each count), at `<version>-textonly.csv`. */
function textonly(rows: number, version: string): string {
  const file = join(home, `${version}-textonly.csv`);
  writeFileSync(file, `review,label\n${Array.from({ length: rows }, (_, i) => `comment number ${i},${i % 2}`).join('\n')}\n`);
  return file;
}

describe('the name of a new dataset', () => {
  it('from the file name: a changed file imported again is named "textonly (2)", and the outcome says why', async () => {
    const first = textonly(10, 'v1');
    const a = await lab.registry.importDataset(first, { defaultName: 'textonly' });
    expect(a.dataset.name).toBe('textonly');
    expect(a.nameNote).toBeUndefined();
    const b = await lab.registry.importDataset(textonly(12, 'v2'), { defaultName: 'textonly' });
    expect(b.created).toBe(true);
    expect(b.dataset.name).toBe('textonly (2)');
    expect(b.nameNote).toBe(`dataset ${a.dataset.id} is already named 'textonly', so this one is named 'textonly (2)' (to choose its name: gatelab datasets rename ID NAME, or import with --name)`);
    const c = await lab.registry.importDataset(textonly(14, 'v3'), { defaultName: 'textonly' });
    expect(c.dataset.name).toBe('textonly (3)');
    // and a name hint resolves: each name is one dataset
    expect(lab.registry.resolve('textonly (2)').id).toBe(b.dataset.id);
  });

  it('derived from the file path itself when no default is given', async () => {
    const file = join(home, 'sales.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4\n');
    expect((await lab.registry.importDataset(file)).dataset.name).toBe('sales');
    writeFileSync(file, 'a,b\n1,2\n3,5\n');
    const again = await lab.registry.importDataset(file);
    expect(again.dataset.name).toBe('sales (2)');
    expect(again.nameNote).toContain("is already named 'sales'");
  });

  it('a name the user chose that is taken is refused (exit 2), naming the dataset and the ways out; nothing is imported', async () => {
    const a = await lab.registry.importDataset(textonly(10, 'v1'), { name: 'reviews' });
    const before = lab.registry.list().length;
    const refused = lab.registry.importDataset(textonly(12, 'v2'), { name: 'reviews' });
    await expect(refused).rejects.toThrow(DatasetNameTaken);
    await expect(lab.registry.importDataset(textonly(12, 'v2'), { name: 'reviews' })).rejects.toThrow(
      `dataset ${a.dataset.id} is already named 'reviews', so nothing was imported. Choose another name for this import (--name), or rename dataset ${a.dataset.id} first (in the app, or gatelab datasets rename ${a.dataset.id} NEW_NAME) and import again`);
    expect(exitCodeOfError(await refused.catch((e: unknown) => e))).toBe(2);
    expect(lab.registry.list().length).toBe(before);
    // nothing left behind in the datasets folder but the first dataset's
    expect(readdirSync(labPaths(home).datasets).length).toBe(1);
    // the same content under a taken name is the existing dataset, as before (no refusal)
    const same = await lab.registry.importDataset(textonly(10, 'v1'), { name: 'reviews' });
    expect(same).toMatchObject({ created: false, dataset: { id: a.dataset.id } });
  });

  it('freeDerivedName skips every taken suffix', () => {
    expect(freeDerivedName('x', [{ id: 1, name: 'x' }, { id: 2, name: 'x (2)' }, { id: 3, name: 'x (4)' }])).toMatchObject({ name: 'x (3)' });
    expect(freeDerivedName('y', [{ id: 1, name: 'x' }])).toEqual({ name: 'y', note: null });
  });
});
