// README "Using an exported model" gives a `use.mjs` that a user copies to score one raw line of their file.
// This runs that very script (taken from README.md, only its sample line swapped) on a CTR log written the way
// real click logs are: a yes/no label and a yes/no feature. A boolean cell is the token "true"/"false" in the
// export (cells.boolean), so a script that looks the file's 'yes' up in the tokens silently reads it as unseen
// and gives another probability; and the label must be named by the file's words ('yes'), not 'true'.
// The same script on a JSON Lines row, its cells read by key as README's sentence under it says; and on a line
// of a tab-separated file, split on the delimiter the export records (a script splitting on ',' finds one cell).
// And on a line of a file that quotes every cell (Book-Crossing's `"219";"034545104X"`): split as it is, each
// cell kept its quotes, was found in no vocabulary and silently read as unseen, a probability for nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import type { Feature } from './preprocessing-doc';
import { trainAndExportFile, type ExportedRun } from './testing/exported-run';
import { referenceProbability } from './testing/readme-script';
import { isPositive, type Row } from './testing/reference-encoder';

const REPO = resolve(__dirname, '../../..');
let home: string, lab: LabDatasets, manager: RunManager;
const HEADER = 'user_id,item_id,promo,price,score,clicked';
type Trained = ExportedRun;
let csv: Trained, jsonl: Trained, tsv: Trained, quoted: Trained;

/** Imports `file` into the lab, trains a small lr on it with `clicked` as the target and exports the run. */
async function trainAndExport(file: string, text: string): Promise<Trained> {
  writeFileSync(join(home, file), text);
  // a number used as a category (an item's average score): a vocabulary of float32-stored values
  return trainAndExportFile(lab, manager, join(home, file), { clicked: 'target', score: 'categorical' }, { model: { template: 'lr' }, epochs: 3, batchSize: 32, optimizer: { lr: 0.05 } });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-readme-use-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  // clicks follow the promo flag strongly, so a misread flag changes the probability a lot
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const rows = Array.from({ length: 600 }, (_, i) => {
    const promo = rand() < 0.5;
    const score = [2.9, 3.7, 4.1][i % 3];
    return { user_id: `u_${String(i % 40).padStart(4, '0')}`, item_id: `sku-${i % 25}`, promo, price: i % 10 === 3 ? null : Number((5 + rand() * 40).toFixed(2)), score, clicked: rand() < (promo ? 0.85 : 0.15) + (score === 4.1 ? 0.1 : -0.05) };
  });
  const cell = (v: unknown, words: [string, string]) => (typeof v === 'boolean' ? words[v ? 1 : 0] : v === null ? '' : String(v));
  csv = await trainAndExport('clicks.csv', [HEADER, ...rows.map((r) => Object.values(r).map((v) => cell(v, ['no', 'yes'])).join(','))].join('\n') + '\n');
  jsonl = await trainAndExport('clicks.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  tsv = await trainAndExport('clicks.tsv', [HEADER.replaceAll(',', '\t'), ...rows.map((r) => Object.values(r).map((v) => cell(v, ['no', 'yes'])).join('\t'))].join('\n') + '\n');
  const quote = (xs: string[]) => xs.map((x) => `"${x}"`).join(';');
  quoted = await trainAndExport('clicks-quoted.csv', [quote(HEADER.split(',')), ...rows.map((r) => quote(Object.values(r).map((v) => cell(v, ['no', 'yes']))))].join('\n') + '\n');
}, 120_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

/**
 * README's use.mjs with `line` (the raw cells, without the clicked cell, as the file writes them) in place of
 * its sample line, split as README splits it; prints P(clicked).
 */
function readmeScript(line: string, t: Trained = csv): number {
  return runScript(t, (code) => code.replace(SAMPLE, (_sample, split: string) => `const cells = ${JSON.stringify(line)}.split(${split});`));
}

/** The same script on a JSON Lines row, each cell read by key as README's sentence under it says. */
function readmeScriptJson(row: Record<string, unknown>): number {
  const byKey = /`(const v = row\[f\.sourceColumn\];[^`]*)`/.exec(readFileSync(join(REPO, 'README.md'), 'utf8'));
  expect(byKey).not.toBeNull();
  return runScript(jsonl, (code) => code.replace(SAMPLE, `const row = ${JSON.stringify(row)};`).replace('const c = cells[f.sourceIndex];', byKey![1]));
}

/** README's sample line; group 1 is what it splits on. */
const SAMPLE = /^const cells = '[^']*'\.split\((.+)\);$/m;

function runScript(t: Trained, edit: (code: string) => string): number {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('```js', readme.indexOf('Then, in that folder, as `use.mjs`:'));
  const code = readme.slice(start + '```js'.length, readme.indexOf('```', start + 5));
  expect(code).toMatch(SAMPLE);
  expect(code).toContain('const c = cells[f.sourceIndex];');
  const dir = mkdtempSync(join(home, 'use-'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'run.onnx'), readFileSync(t.onnxPath));
  writeFileSync(join(dir, 'use.mjs'), edit(code));
  const out = execFileSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return Number(/P\(clicked\) = (\S+)/.exec(out)![1]);
}

/** P(clicked) of raw cells by the reference encoder (written from the document alone). */
const reference = referenceProbability;

describe('README use.mjs on a yes/no click log (CSV, TSV and JSON Lines)', () => {
  it('names the label by the file\'s words: positive \'yes\', negative \'no\'', () => {
    const label = csv.doc.outputs[0].label!;
    expect(label).toMatchObject({ column: 'clicked', cell: 'boolean', positive: 'yes', negative: 'no' });
    // a reader that compares the file's cells with `positive` finds the clicks
    expect(isPositive(label, 'yes')).toBe(true);
    expect(isPositive(label, 'no')).toBe(false);
  });

  it('encodes a yes/no feature as the lab does: the same probability as the reference encoder, and yes ≠ no', async () => {
    for (const promo of ['yes', 'no']) {
      const cells = ['u_0003', 'sku-4', promo, '12.50', '4.1'];
      const row: Row = Object.fromEntries(HEADER.split(',').map((h, j) => [h, cells[j] ?? '']));
      expect(readmeScript(cells.join(','))).toBeCloseTo(await reference(csv, row), 5);
    }
    // the flag matters: a script reading 'yes' as an unseen token would give both rows the same answer
    expect(Math.abs(readmeScript('u_0003,sku-4,yes,12.50,4.1') - readmeScript('u_0003,sku-4,no,12.50,4.1'))).toBeGreaterThan(0.2);
  }, 60_000);

  it('reads a number category as its float32-stored token: score 4.1 is "4.099999904632568", not unseen', async () => {
    const score = csv.doc.inputs.flatMap((i) => i.features).find((f) => f.column === 'score') as Extract<Feature, { kind: 'vocabulary-id' }>;
    expect(score).toMatchObject({ kind: 'vocabulary-id', cell: 'number', storage: 'float32' });
    expect(score.tokens).toContain(String(Math.fround(4.1)));
    const cells = ['u_0003', 'sku-4', 'no', '12.50'];
    const row: Row = Object.fromEntries(HEADER.split(',').map((h, j) => [h, cells[j] ?? '']));
    for (const s of ['4.1', '2.9']) expect(readmeScript([...cells, s].join(','))).toBeCloseTo(await reference(csv, { ...row, score: s }), 5);
    // an unseen score (the id 0 a lookup of "4.1" in the tokens would give) is another answer
    expect(Math.abs(readmeScript([...cells, '4.1'].join(',')) - (await reference(csv, { ...row, score: '5.5' })))).toBeGreaterThan(1e-4);
  }, 60_000);

  it('refuses a number it cannot read ("$12.50") instead of printing the NaN the model would answer', () => {
    expect(() => readmeScript('u_0003,sku-4,yes,$12.50,4.1')).toThrow(/'\$12\.50' \(price\) is not a plain number/);
  }, 30_000);

  it('a TSV line split on the delimiter the export records: the reference encoder\'s probability, not "no field 1"', async () => {
    expect(tsv.doc.source).toMatchObject({ format: 'tsv', delimiter: '\t' });
    const cells = ['u_0003', 'sku-4', 'yes', '12.50', '4.1'];
    const row: Row = Object.fromEntries(HEADER.split(',').map((h, j) => [h, cells[j] ?? '']));
    expect(readmeScript(cells.join('\t'), tsv)).toBeCloseTo(await reference(tsv, row), 5);
  }, 60_000);

  it('a line whose every cell is quoted (";"-separated): read inside the quotes, the reference encoder\'s probability', async () => {
    expect(quoted.doc.source).toMatchObject({ delimiter: ';', header: true });
    const cells = ['u_0003', 'sku-4', 'yes', '12.50', '4.1'];
    const row: Row = Object.fromEntries(HEADER.split(',').map((h, j) => [h, cells[j] ?? '']));
    const p = readmeScript(cells.map((c) => `"${c}"`).join(';'), quoted);
    expect(p).toBeCloseTo(await reference(quoted, row), 5);
    expect(p).toBeCloseTo(readmeScript(cells.join(';'), quoted), 6);
    // read with its quotes, every cell is unseen: another answer, which the test can tell apart
    const unseen: Row = Object.fromEntries(HEADER.split(',').map((h) => [h, 'never-seen']));
    expect(Math.abs(p - (await reference(quoted, { ...unseen, promo: 'yes', price: '12.50' })))).toBeGreaterThan(1e-3);
  }, 60_000);

  it('a JSON Lines row read by key: true/false and a null price give the lab\'s encoding (null is missing, not 0)', async () => {
    // no field positions and no delimiter, as README's sentence under use.mjs says
    expect(jsonl.doc.inputs.flatMap((i) => i.features).every((f) => f.sourceIndex === undefined)).toBe(true);
    expect(jsonl.doc.source).toMatchObject({ format: 'jsonl', columns: expect.stringMatching(/^sourceColumn is the key \(JSON Lines\) or field name \(Parquet, Arrow\)/) });
    expect(jsonl.doc.source?.delimiter).toBeUndefined();
    const row = { user_id: 'u_0003', item_id: 'sku-4', promo: true, price: null, score: 3.7 };
    const cells: Row = { user_id: 'u_0003', item_id: 'sku-4', promo: 'true', price: '', score: '3.7' };
    const p = readmeScriptJson(row);
    expect(p).toBeCloseTo(await reference(jsonl, cells), 5);
    // a price of 0 is another input than a missing one: the test can tell them apart
    expect(Math.abs(p - (await reference(jsonl, { ...cells, price: '0' })))).toBeGreaterThan(1e-4);
  }, 60_000);
});
