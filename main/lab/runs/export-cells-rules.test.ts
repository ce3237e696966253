// What an exported model's `gatelab.preprocessing` says about raw cells must be what the import did:
// dash runs ('--', '---') read as missing numbers (numberMissingPattern, only for a dataset imported under
// that rule), the one list of number-missing tokens the importer uses, a file's byte order mark
// (source.bom: the first header cell is not '\uFEFFtime'), and a quoted CSV cell compared without its quotes.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeSplit, fitPipeline } from '../../../common/data';
import { pipelineFor, DataColumns } from '../../../common/models/binding';
import { parseRulesWith, type ImportOptions } from '../../../common/dataset-cache';
import { importFile } from '../import';
import { preprocessingDoc } from './export-preprocessing';
import { lazyDatasetCache, type RunPipeline } from './run-pipeline';
import { isMissingToken } from '../../../workers/import/values';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const EVERY = parseRulesWith(() => true);
/** An importer's rules before it read dash runs as missing numbers (as a dataset imported then records them). */
const BEFORE_DASHES = parseRulesWith((r) => r !== 'dashRuns');

const time = (i: number) => `2024-05-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00`;
/** A weather station's hourly export: a missing reading written '---' (and once '--'), a quoted station name. */
const station = (i: number) => `${time(i)},${i % 29 === 5 ? '---' : i === 40 ? '--' : (12 + Math.sin(i / 6) * 4).toFixed(1)},"Ma""rs"\n`;
const CSV = `time,temp,site\n${Array.from({ length: 120 }, (_, i) => station(i)).join('')}`;

/** `bytes` imported under `options`, and the forecasting export's document (importOptions as the dataset records them). */
async function exported(bytes: Buffer | string, options: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-cells-rules-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'station.csv'), bytes);
  await importFile(join(dir, 'station.csv'), join(dir, 'cache'), options as ImportOptions);
  const data = lazyDatasetCache(join(dir, 'cache'));
  const columns = DataColumns.parse({ family: 'forecasting', channels: ['temp'] });
  const split = computeSplit({ kind: 'chronological' }, data);
  const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor(() => 'float', columns), data, split.assignment), window: { lookback: 6, horizon: 2 } };
  return { doc: preprocessingDoc(p, { float: 'float32', targets: ['y'], importOptions: options }), data };
}

describe("an export's cell rules are the import's", () => {
  it("dash runs: the import read '---' and '--' as missing temperatures, and the document's pattern matches them (not '-5' or 'a--b')", async () => {
    const { doc, data } = await exported(CSV, { parseRules: EVERY, retypedColumns: [] });
    const temp = data.column('temp').values;
    expect([temp[5], temp[40], temp[34]].map(Number.isNaN)).toEqual([true, true, true]);
    const pattern = new RegExp(doc.cells.numberMissingPattern!);
    expect(['---', '--', ' --- ', '\t----'].map((c) => pattern.test(c))).toEqual([true, true, true, true]);
    expect(['-', '-5', 'a--b', '-- 1'].map((c) => pattern.test(c))).toEqual([false, false, false, false]);
    expect(doc.cells.number).toContain('`numberMissingPattern`');
  });

  it('a dataset imported before dash runs were missing numbers: no pattern (its `---` was no number)', async () => {
    const { doc } = await exported(CSV.replace(/---|--(?=,)/g, ''), { parseRules: BEFORE_DASHES, retypedColumns: [] });
    expect(doc.cells.numberMissingPattern).toBeUndefined();
  });

  it("numberMissing is the importer's own list: each of its cells is missing to a number column, in any case and spacing", async () => {
    const { doc } = await exported(CSV, { parseRules: EVERY, retypedColumns: [] });
    expect(doc.cells.numberMissing.length).toBeGreaterThan(5);
    for (const c of doc.cells.numberMissing) expect([c, ` ${c.toUpperCase()} `].map(isMissingToken)).toEqual([true, true]);
  });

  it('a file with a byte order mark: source says utf-8 and bom: true; without one, no bom', async () => {
    const withBom = await exported(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]), { parseRules: EVERY, retypedColumns: [] });
    expect(withBom.doc.source).toMatchObject({ encoding: 'utf-8', bom: true, header: true });
    expect(withBom.data.meta.columns[0].name).toBe('time'); // the mark is no part of the first cell
    const plain = await exported(CSV, { parseRules: EVERY, retypedColumns: [] });
    expect(plain.doc.source?.bom).toBeUndefined();
  });

  it("missing cells: pandas' na_values for a dataset imported under that rule ('n/a', 'None'), the first list for one imported before", async () => {
    const { doc } = await exported(CSV, { parseRules: EVERY, retypedColumns: [] });
    expect(doc.cells.missing).toEqual(expect.arrayContaining(['', 'NA', 'n/a', 'None', '#NA', '-nan', '1.#IND']));
    const before = await exported(CSV, { parseRules: parseRulesWith((r) => r !== 'pandasMissingCells'), retypedColumns: [] });
    expect(before.doc.cells.missing).toEqual(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '<NA>', '#N/A']);
  });

  it('a quoted cell is compared without its quotes, a doubled quote read as one: the text rule says so', async () => {
    const { doc, data } = await exported(CSV, { parseRules: EVERY, retypedColumns: [] });
    expect(data.column('site').dictionary).toEqual(['Ma"rs']);
    expect(doc.cells.text).toContain('a quoted cell without its enclosing quotes and with each doubled quote "" read as one "');
    expect(doc.cells.text).not.toContain('exactly as written in the file');
  });
});
