// Thousands grouped by spaces (French, with a plain, no-break or narrow no-break space), by apostrophes
// (Swiss) and accounting negatives in parentheses: the importer reads them as numbers, and a consumer of
// an exported model who reads the raw cells by the document's words (cells.numberFormat, applied by the
// test's reference encoder) gets the trainer's inputs value for value.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeSplit, fitPipeline } from '../../../common/data';
import { pipelineFor, DataColumns } from '../../../common/models/binding';
import { forecastingSource } from '../../../workers/data/forecasting';
import { importFile } from '../import';
import { preprocessingDoc } from './export-preprocessing';
import { lazyDatasetCache, type RunPipeline } from './run-pipeline';
import { encodeInputs, type Row } from './testing/reference-encoder';

const HOURS = 160;
const time = (i: number) => `2022-10-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00`;
/** 1234.5 written with `group` between thousands and `decimal` as the decimal mark. */
const written = (x: number, group: string, decimal: string) => {
  const [int, frac] = Math.abs(x).toFixed(2).split('.');
  return `${x < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, group)}${decimal}${frac}`;
};
const amount = (i: number) => 500 + ((i * 7919) % 49_000) + (i % 4) / 4;

async function exported(file: string, content: string, channels: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-numgroups-'));
  writeFileSync(join(dir, file), content);
  await importFile(join(dir, file), join(dir, 'cache'));
  const data = lazyDatasetCache(join(dir, 'cache'));
  const columns = DataColumns.parse({ family: 'forecasting', channels });
  const split = computeSplit({ kind: 'chronological' }, data);
  const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor(() => 'float', columns), data, split.assignment), window: { lookback: 6, horizon: 2 } };
  return { dir, p, doc: preprocessingDoc(p, { float: 'float32', targets: ['y'] }) };
}

/** The document's encoding of every test window from the raw rows equals the trainer's batches. */
function expectSameInputs({ p, doc }: Awaited<ReturnType<typeof exported>>, raw: Row[], channels: string[]) {
  const test = forecastingSource(p.data, p.split, p.fitted, { channels, lookback: 6, horizon: 2 }, 'test');
  const [s] = p.split.ranges!.test;
  const all = Array.from({ length: test.count }, (_, i) => i);
  const mine = encodeInputs(doc.inputs[0], all.map((i) => raw.slice(0, s + i)), doc).data as Float32Array;
  expect(Array.from(mine)).toEqual(Array.from(test.batch(Int32Array.from(all)).x.data as Float32Array));
  expect(mine.every(Number.isFinite)).toBe(true);
}

describe('thousands grouped by spaces or apostrophes, and accounting negatives, in an exported model', () => {
  it("a ';' file of French amounts (space, NBSP, narrow NBSP): read as the numbers written, and the document reads them back", async () => {
    const rows = Array.from({ length: HOURS }, (_, i) => ({ Zeitpunkt: time(i), espace: written(amount(i), ' ', ','), insecable: written(amount(i + 1), '\u00a0', ','), fine: written(amount(i + 2), '\u202f', ',') }));
    const channels = ['espace', 'insecable', 'fine'];
    const e = await exported('fr.csv', ['Zeitpunkt;espace;insecable;fine', ...rows.map((r) => [r.Zeitpunkt, r.espace, r.insecable, r.fine].join(';'))].join('\n'), channels);
    try {
      expect(rows.filter((r) => r.espace.includes(' ')).length).toBeGreaterThan(100);
      expect(Array.from(e.p.data.column('espace').values.slice(0, 3))).toEqual([0, 1, 2].map((i) => Math.fround(amount(i))));
      expect(e.doc.cells.numberFormat).toMatch(/narrow no-break space \(U\+202F\) or an apostrophe/);
      expectSameInputs(e, rows, channels);
    } finally {
      rmSync(e.dir, { recursive: true, force: true });
    }
  });

  it("a ',' file of Swiss amounts (1'234.50, also ’) and accounting negatives ((1,234.50)): read as the numbers written, and the document reads them back", async () => {
    const rows = Array.from({ length: HOURS }, (_, i) => ({
      Zeitpunkt: time(i), swiss: written(amount(i), i % 2 ? "'" : '\u2019', '.'),
      booked: i % 3 === 0 ? `(${written(amount(i) / 10, ',', '.')})` : written(amount(i) / 10, ',', '.'),
    }));
    const channels = ['swiss', 'booked'];
    const e = await exported('ch.csv', ['Zeitpunkt,swiss,booked', ...rows.map((r) => `${r.Zeitpunkt},${r.swiss},"${r.booked}"`)].join('\n'), channels);
    try {
      expect(Array.from(e.p.data.column('booked').values.slice(0, 2))).toEqual([-(amount(0) / 10).toFixed(2), +(amount(1) / 10).toFixed(2)].map(Math.fround));
      expect(Array.from(e.p.data.column('swiss').values.slice(0, 2))).toEqual([Math.fround(amount(0)), Math.fround(amount(1))]);
      expectSameInputs(e, rows, channels);
    } finally {
      rmSync(e.dir, { recursive: true, force: true });
    }
  });
});
