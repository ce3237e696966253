// A split's row note after an import that dropped rows: row numbers shift after each dropped row, so the
// note names the file lines that were dropped (all of them the import stored, beyond the five a message shows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { labPaths } from '../home';
import { openLabDatasets, createSplit } from '../datasets/index';
import { droppedLinesWords, pandasSep, storedSplitRows, type SplitRows } from './run-split-rows';

let home: string;
let note: string;
let numbering: SplitRows['rowNumbering'];

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
    ({ rowNote: note, rowNumbering: numbering } = storedSplitRows(lab.store, split.id));
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

  it('sends the same as facts, which the app words from 1 (common/lab-api/row-numbering.ts)', () => {
    expect(numbering).toMatchObject({ kind: 'imported', rows: 176, rowsRead: 200, dropped: 24, summaryRow: false });
    expect(numbering.kind === 'imported' && numbering.droppedLines).toMatch(/^lines 5, 9, .*, … \(4 more ranges\)$/);
  });

  it('writes one line in the singular and ranges with a dash', () => {
    expect(droppedLinesWords([[7, 7]])).toBe('line 7');
    expect(droppedLinesWords([[3, 3], [6, 9]])).toBe('lines 3, 6–9');
  });
});

// The note names the pandas call whose index is the row number: it must split the file as the import did,
// or `row` points at other rows (MovieLens-1M's ratings.dat is '::'-separated, which pandas reads only
// with engine='python').
describe('the row note names read_csv with the file\'s delimiter', () => {
  async function noteFor(name: string, text: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-split-sep-'));
    try {
      const file = join(dir, name);
      writeFileSync(file, text);
      const paths = labPaths(join(dir, 'lab'));
      const lab = await openLabDatasets(paths, { demos: false });
      try {
        const { dataset } = await lab.registry.importDataset(file);
        const split = await createSplit(lab.registry, dataset.id, 'r', { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 1 });
        return storedSplitRows(lab.store, split.id, paths.home).rowNote;
      } finally {
        lab.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rows = (sep: string) => Array.from({ length: 60 }, (_, i) => [1 + (i % 7), 100 + i, 1 + (i % 5), 978300760 + i].join(sep)).join('\n');

  it("'::' (MovieLens-1M ratings.dat, no header): sep='::' with engine='python'", async () => {
    expect(await noteFor('ratings.dat', `${rows('::')}\n`)).toMatch(/\(the index pandas\.read_csv\(file, sep='::', engine='python', header=None\) gives it\); its line in the file is that index \+ 1, if the file has no blank lines$/);
  });
  it("';' with a header: sep=';'; a comma file: no sep at all", async () => {
    expect(await noteFor('semi.csv', `user;item;rating;time\n${rows(';')}\n`)).toMatch(/\(the index pandas\.read_csv\(file, sep=';'\) gives it\); its line in the file is that index \+ 2 \(line 1 is the header\), if the file has no blank lines$/);
    expect(await noteFor('comma.csv', `user,item,rating,time\n${rows(',')}\n`)).toMatch(/\(the index pandas\.read_csv\(file\) gives it\); its line in the file is that index \+ 2 \(line 1 is the header\), if the file has no blank lines$/);
  });
  // a logger export: Excel's 'sep=;' line and '#' comments before the header; UCI housing.data: columns
  // aligned by spaces; UCI adult: ', ' between values. pandas must skip, split and strip as the import did.
  it("lines before the table: skiprows, and the line offset counts them", async () => {
    const note = await noteFor('logger.csv', `sep=;\n# device: A7\n# unit: kW\nuser;item;rating;time\n${rows(';')}\n`);
    expect(note).toMatch(/\(the index pandas\.read_csv\(file, sep=';', skiprows=3\) gives it\); its line in the file is that index \+ 5 \(lines 1–3 come before the table, line 4 is the header\), if the file has no blank lines$/);
  });
  it("whitespace-aligned columns: sep=r'\\s+'; ', ' between values: skipinitialspace=True", async () => {
    const aligned = Array.from({ length: 60 }, (_, i) => `  ${(0.1 + i / 7).toFixed(5)}  ${18 + (i % 9)}.00   ${(2 + i / 3).toFixed(2)}  ${i % 2}`).join('\n');
    expect(await noteFor('housing.data', `${aligned}\n`)).toMatch(/pandas\.read_csv\(file, sep=r'\\s\+', header=None\) gives it/);
    const spaced = Array.from({ length: 60 }, (_, i) => `${20 + (i % 40)}, ${['Private', 'State-gov', 'Self-emp'][i % 3]}, ${i % 2 ? '<=50K' : '>50K'}`).join('\n');
    expect(await noteFor('adult.csv', `age, workclass, income\n${spaced}\n`)).toMatch(/pandas\.read_csv\(file, skipinitialspace=True\) gives it/);
  });
  // product reviews: a quoted text over two lines moves every later row down a line, so no offset holds
  it('a quoted value with a line break: the file\'s lines are counted and no line offset is claimed', async () => {
    const reviews = Array.from({ length: 60 }, (_, i) => `${i},${i === 3 ? '"Great fit.\nWould buy again"' : `"review ${i}"`},${i % 2}`).join('\n');
    const note = await noteFor('reviews.csv', `id,text,liked\n${reviews}\n`);
    expect(note).toMatch(/\(the index pandas\.read_csv\(file\) gives it\); its line in the file is not that index \+ 2: the file has 62 lines, where 60 rows of one line each and the line before them would take 61, so quoted values with line breaks in them \(or blank lines\) put rows on later lines$/);
    expect(note).not.toMatch(/if the file has no blank lines/);
  });
  it('escapes a delimiter of several characters for the regular expression python reads it as', () => {
    expect(pandasSep('::')).toBe("sep='::', engine='python'");
    expect(pandasSep('||')).toBe("sep='\\\\|\\\\|', engine='python'");
    expect(pandasSep('\t')).toBe("sep='\\t'");
    expect(pandasSep(',')).toBe('');
    expect(pandasSep('whitespace')).toBe("sep=r'\\s+'");
  });
});
