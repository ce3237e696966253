// A split's row note after an import that dropped rows: row numbers shift after each dropped row, so the
// note names the file lines that were dropped (all of them the import stored, beyond the five a message shows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { labPaths } from '../home';
import { openLabDatasets, createSplit } from '../datasets/index';
import { droppedLinesWords, storedSplitRows } from './run-split-rows';

let home: string;
let note: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-split-rows-'));
  // 24 rows with 'ERR' for a number: lines 5, 9, ..., 97 of a 200-row file
  const rows = Array.from({ length: 200 }, (_, i) => `${i},${(i + 2) % 4 === 1 && i < 96 ? 'ERR' : (i / 3).toFixed(2)},${i % 2}`);
  const file = join(home, 'meter.csv');
  writeFileSync(file, `id,x,y\n${rows.join('\n')}\n`);
  const lab = await openLabDatasets(labPaths(join(home, 'lab')), { demos: false });
  try {
    const { dataset } = await lab.registry.importDataset(file, { columnTypes: { x: 'float' }, onInvalid: 'drop' });
    const split = await createSplit(lab.registry, dataset.id, 'r', { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 1 });
    note = storedSplitRows(lab.store, split.id).rowNote;
  } finally {
    lab.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the row note of a split over a dataset with dropped rows', () => {
  it('names the dropped file lines, twenty and a count of the rest', () => {
    const lines = Array.from({ length: 20 }, (_, i) => 5 + 4 * i).join(', ');
    expect(note).toBe(`row is the 0-based position among the 176 rows the lab imported; the import dropped 24 of 200 rows (file lines ${lines}, … (4 more ranges)), so after those rows it is not the row's position in the file`);
  });

  it('writes one line in the singular and ranges with a dash', () => {
    expect(droppedLinesWords([[7, 7]])).toBe('line 7');
    expect(droppedLinesWords([[3, 3], [6, 9]])).toBe('lines 3, 6–9');
  });
});
