// The importer records each CSV/TSV number column's format (decimal comma or point) in the cache meta, and
// an exported model's metadata states that record: a consumer then reads '1.444,72' and '1,619.50' as the
// trainer did. Caches from before the record fall back to the importer's old rule (by delimiter and type).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeSplit, fitPipeline } from '../../../common/data';
import { pipelineFor, DataColumns } from '../../../common/models/binding';
import { META_FILE, type DatasetCacheMeta } from '../../../common/dataset-cache';
import { forecastingSource } from '../../../workers/data/forecasting';
import { importFile } from '../import';
import { preprocessingDoc } from './export-preprocessing';
import { numberFormatOf } from './export-number-format';
import { lazyDatasetCache, type RunPipeline } from './run-pipeline';
import { encodeInputs } from './testing/reference-encoder';

const COMMA = { decimal: ',', thousands: '.' };
const POINT = { decimal: '.', thousands: ',' };

/** 160 hourly rows of a ';' file: Verbrauch with decimal commas ('1.444,72'), Umsatz in English format ('1,619.50'), Temperatur '-1,8'. */
function europeanRows(): { header: string; lines: string[] } {
  const lines = Array.from({ length: 160 }, (_, i) => {
    const kwh = 1000 + ((i * 37) % 900) + (i % 4) / 4;
    const verbrauch = kwh.toLocaleString('de-DE', { minimumFractionDigits: 2 });
    const umsatz = (900 + ((i * 53) % 1400) + (i % 3) / 2).toLocaleString('en-US', { minimumFractionDigits: 2 });
    const temperatur = ((((i * 13) % 40) - 20) / 10).toFixed(1).replace('.', ',');
    return `${String(1 + Math.floor(i / 24)).padStart(2, '0')}.10.2022 ${String(i % 24).padStart(2, '0')}:00;${verbrauch};"${umsatz}";${temperatur}`;
  });
  return { header: 'Zeitpunkt;Verbrauch;Umsatz;Temperatur', lines };
}

function forecastingDoc(cacheDir: string) {
  const data = lazyDatasetCache(cacheDir);
  const channels = ['Verbrauch', 'Umsatz', 'Temperatur'];
  const columns = DataColumns.parse({ family: 'forecasting', channels });
  const split = computeSplit({ kind: 'chronological' }, data);
  const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor(() => 'float', columns), data, split.assignment), window: { lookback: 6, horizon: 2 } };
  return { p, doc: preprocessingDoc(p, { float: 'float32', targets: ['y'] }) };
}

const formatsOf = (doc: ReturnType<typeof forecastingDoc>['doc']) =>
  Object.fromEntries(doc.inputs[0].features.map((f) => [(f as { column: string }).column, (f as { number?: unknown }).number]));

describe('the number format an import chose, recorded and exported', () => {
  it("a ';' file: each number column's recorded format is what the export states, and raw cells read by it give the trained inputs", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-numfmt-record-'));
    try {
      const { header, lines } = europeanRows();
      writeFileSync(join(dir, 'eu.csv'), [header, ...lines].join('\n'));
      await importFile(join(dir, 'eu.csv'), join(dir, 'cache'));
      const meta = JSON.parse(readFileSync(join(dir, 'cache', META_FILE), 'utf8')) as DatasetCacheMeta;
      expect(Object.fromEntries(meta.columns.map((c) => [c.name, c.numberFormat]))).toEqual({
        Zeitpunkt: undefined, // a datetime: no number cells
        Verbrauch: COMMA,
        Umsatz: POINT, // English-formatted in a ';' file: the delimiter alone would say comma
        Temperatur: COMMA,
      });
      const { p, doc } = forecastingDoc(join(dir, 'cache'));
      // no dataset record given: this importer's rules, every later reading on (export-number-readings.test.ts)
      const read = { otherThousands: true, accountingNegatives: true, unicodeMinus: true };
      expect(formatsOf(doc)).toEqual({ Verbrauch: { ...COMMA, ...read }, Umsatz: { ...POINT, ...read }, Temperatur: { ...COMMA, ...read } });

      // a consumer reading the raw cells by the document gets the trainer's inputs, value for value
      const raw = lines.map((l) => {
        const [, v, u, t] = /^[^;]+;([^;]+);"([^"]+)";(.+)$/.exec(l)!;
        return { Verbrauch: v, Umsatz: u, Temperatur: t };
      });
      expect(raw.some((r) => /^1\.\d{3},\d{2}$/.test(r.Verbrauch))).toBe(true);
      expect(raw.some((r) => /^[12],\d{3}\.\d{2}$/.test(r.Umsatz))).toBe(true);
      const test = forecastingSource(p.data, p.split, p.fitted, { channels: ['Verbrauch', 'Umsatz', 'Temperatur'], lookback: 6, horizon: 2 }, 'test');
      const [s] = p.split.ranges!.test;
      const all = Array.from({ length: test.count }, (_, i) => i);
      const mine = encodeInputs(doc.inputs[0], all.map((i) => raw.slice(0, s + i)), doc).data as Float32Array;
      expect(Array.from(mine)).toEqual(Array.from(test.batch(Int32Array.from(all)).x.data as Float32Array));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cache imported before the record: the export infers the format from the delimiter and the user\'s types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-numfmt-old-'));
    try {
      const { header, lines } = europeanRows();
      writeFileSync(join(dir, 'eu.csv'), [header, ...lines].join('\n'));
      await importFile(join(dir, 'eu.csv'), join(dir, 'cache'));
      const metaPath = join(dir, 'cache', META_FILE);
      const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as DatasetCacheMeta;
      for (const c of meta.columns) delete c.numberFormat;
      writeFileSync(metaPath, JSON.stringify(meta));
      // the old rule: every number column of a ';' file reads decimal commas
      expect(formatsOf(forecastingDoc(join(dir, 'cache')).doc)).toMatchObject({ Verbrauch: COMMA, Umsatz: COMMA, Temperatur: COMMA });
      const tsv = { ...meta, source: { ...meta.source, format: 'tsv', delimiter: '\t' } } as DatasetCacheMeta;
      expect(numberFormatOf(tsv, 'Verbrauch', false)).toEqual(POINT);
      expect(numberFormatOf(tsv, 'Verbrauch', true)).toEqual(COMMA); // typed float by the user
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a TSV column typed float by the user records a decimal comma; a JSON Lines file records none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-numfmt-types-'));
    try {
      writeFileSync(join(dir, 'w.tsv'), ['height\tweight', ...Array.from({ length: 30 }, (_, i) => `${170 + (i % 7)}.25\t${60 + i},5`)].join('\n'));
      await importFile(join(dir, 'w.tsv'), join(dir, 'tsv'), { columnTypes: { weight: 'float' } });
      const tsv = JSON.parse(readFileSync(join(dir, 'tsv', META_FILE), 'utf8')) as DatasetCacheMeta;
      expect(tsv.columns.find((c) => c.name === 'weight')).toMatchObject({ type: 'float', numberFormat: COMMA });
      expect(tsv.columns.find((c) => c.name === 'height')).toMatchObject({ type: 'float', numberFormat: POINT }); // not typed: '.' in a tab file

      writeFileSync(join(dir, 'w.jsonl'), Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: i, weight: i + 0.5 })).join('\n'));
      await importFile(join(dir, 'w.jsonl'), join(dir, 'jsonl'));
      const jsonl = JSON.parse(readFileSync(join(dir, 'jsonl', META_FILE), 'utf8')) as DatasetCacheMeta;
      expect(jsonl.columns.map((c) => c.numberFormat)).toEqual([undefined, undefined]);
      expect(numberFormatOf(jsonl, 'weight', false)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
