// Thousands grouped by spaces/apostrophes and accounting negatives are readings the importer gained later
// (ParseRules otherThousands, accountingNegatives). A dataset imported before them read such cells as bad
// values, and is read so again whenever it is parsed; its exported model must say so per feature (`number`),
// or a consumer strips '1 234,50' to a number the trainer never saw. A column typed since (retypedColumns)
// reads them, and so does every column of a dataset imported with them.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import onnxProto from 'onnx-proto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeSplit, fitPipeline } from '../../../common/data';
import { pipelineFor, DataColumns } from '../../../common/models/binding';
import { parseRulesWith, type ImportOptions } from '../../../common/dataset-cache';
import { forecastingSource } from '../../../workers/data/forecasting';
import { importFile } from '../import';
import { preprocessingDoc } from './export-preprocessing';
import { laterNumberReadings } from './export-number-format';
import { lazyDatasetCache, type RunPipeline } from './run-pipeline';
import { encodeInputs, type Row } from './testing/reference-encoder';
import type { PreprocessingDoc } from './preprocessing-doc';
import { exportRun } from './export-run';
import { labWithTrainedRun, type TrainedRunLab } from '../testing/trained-run';

const EVERY = parseRulesWith(() => true);
/** The rules of an importer before the two readings (as a dataset imported then records them). */
const BEFORE = parseRulesWith((r) => r !== 'otherThousands' && r !== 'accountingNegatives');
const COMMA = { decimal: ',', thousands: '.' };

const HOURS = 160;
const time = (i: number) => `2022-10-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00`;
/** French amounts: '40 347,64' (space-grouped, decimal comma), differing sizes so the importer takes them for amounts. */
const montant = (i: number) => {
  const [int, frac] = (500 + ((i * 7919) % 49_000) + (i % 4) / 4).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+$)/g, ' ')},${frac}`;
};
const rows: Row[] = Array.from({ length: HOURS }, (_, i) => ({ Zeitpunkt: time(i), verbrauch: `${10 + (i % 17)},${i % 10}`, montant: montant(i) }));
const CSV = ['Zeitpunkt;verbrauch;montant', ...rows.map((r) => `${r.Zeitpunkt};${r.verbrauch};${r.montant}`)].join('\n');

/** The file imported with `options` (ParseRules, types, retyped columns), and its export's document with the options recorded. */
async function exportedUnder(options: Record<string, unknown>, channels: string[], file: { rows: Row[]; csv: string } = { rows, csv: CSV }) {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-numreadings-'));
  try {
    writeFileSync(join(dir, 'fr.csv'), file.csv);
    await importFile(join(dir, 'fr.csv'), join(dir, 'cache'), options as ImportOptions); // parseRules, retypedColumns: as a dataset records them
    const data = lazyDatasetCache(join(dir, 'cache'));
    const columns = DataColumns.parse({ family: 'forecasting', channels });
    const split = computeSplit({ kind: 'chronological' }, data);
    const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor(() => 'float', columns), data, split.assignment), window: { lookback: 6, horizon: 2 } };
    const doc = preprocessingDoc(p, { float: 'float32', targets: ['y'], importOptions: options });
    // what a consumer reading the raw cells by the document feeds, and what the trainer fed
    const test = forecastingSource(p.data, p.split, p.fitted, { channels, lookback: 6, horizon: 2 }, 'test');
    const [s] = p.split.ranges!.test;
    const all = Array.from({ length: test.count }, (_, i) => i);
    const consumer = Array.from(encodeInputs(doc.inputs[0], all.map((i) => file.rows.slice(0, s + i)), doc).data as Float32Array);
    const trainer = Array.from(test.batch(Int32Array.from(all)).x.data as Float32Array);
    return { doc, consumer, trainer, types: Object.fromEntries(data.meta.columns.map((c) => [c.name, c.type])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const numbersOf = (doc: PreprocessingDoc) => Object.fromEntries(doc.inputs[0].features.map((f) => [(f as { column: string }).column, (f as { number?: unknown }).number]));

describe("an export states per feature the later number readings its dataset's columns got", () => {
  it('a dataset imported with them: every number feature reads spaces/apostrophes and parentheses, and the raw cells read so give the trained inputs', async () => {
    const e = await exportedUnder({ parseRules: EVERY, retypedColumns: [] }, ['verbrauch', 'montant']);
    expect(e.types.montant).toBe('float');
    expect(numbersOf(e.doc)).toEqual({
      verbrauch: { ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: true },
      montant: { ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: true },
    });
    expect(e.consumer).toEqual(e.trainer);
  });

  it('a dataset recorded without them: its number features say false, and the same file read so leaves space-grouped amounts text', async () => {
    const e = await exportedUnder({ parseRules: BEFORE, retypedColumns: [] }, ['verbrauch']);
    expect(e.types.montant).not.toMatch(/int|float/); // '40 347,64' was no number to that importer: text
    expect(numbersOf(e.doc)).toEqual({ verbrauch: { ...COMMA, otherThousands: false, accountingNegatives: false, unicodeMinus: true } });
    expect(e.consumer).toEqual(e.trainer);
  });

  it('a column typed since under the old rules reads them (retypedColumns), the others still do not, and its cells read so give the trained inputs', async () => {
    const e = await exportedUnder({ parseRules: BEFORE, retypedColumns: ['montant'], columnTypes: { montant: 'float' } }, ['verbrauch', 'montant']);
    expect(numbersOf(e.doc)).toEqual({
      verbrauch: { ...COMMA, otherThousands: false, accountingNegatives: false, unicodeMinus: true },
      montant: { ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: true },
    });
    expect(e.consumer).toEqual(e.trainer);
    // the flag decides: a consumer told `otherThousands: false` reads montant's space-grouped cells as missing, not as the trainer's numbers
    const off = { ...e.doc, inputs: [{ ...e.doc.inputs[0], features: e.doc.inputs[0].features.map((f) => ({ ...f, number: { ...(f as { number: object }).number, otherThousands: false } })) }] } as PreprocessingDoc;
    expect(Array.from(encodeInputs(off.inputs[0], [rows.slice(0, 60)], off).data as Float32Array)).not.toEqual(Array.from(encodeInputs(e.doc.inputs[0], [rows.slice(0, 60)], e.doc).data as Float32Array));
  });

  it('the rule text states the readings only where a feature says so, and its Python line removes the separators', async () => {
    const { doc } = await exportedUnder({ parseRules: EVERY, retypedColumns: [] }, ['montant']);
    const rule = doc.cells.numberFormat;
    expect(rule).toMatch(/when the feature's `number` says `otherThousands: true`, a space.*?Python: re\.sub/);
    expect(rule).toMatch(/when it says `accountingNegatives: true`, a number in parentheses is negative/);
    expect(rule).toMatch(/When it says false .* not a number/);
    expect(doc.cells.number).toMatch(/when the feature's `number` says so \(`otherThousands: true`, `accountingNegatives: true`/);
    expect(doc.cells.number).not.toMatch(/also spaces and apostrophes/);
    // the document's own Python line, run by Python on cells of a feature that says `otherThousands: true`
    const python = /Python: (re\.sub\(.*?, cell\))\)/.exec(rule)![1];
    const cells = ['40 347,64', '1\u00a0250,00', "1'053.50", '1\u2019053.50', '1\u202f234,5', '12 34'];
    const out = execFileSync('/usr/bin/python3', ['-c', `import json, re, sys\nprint(json.dumps([${python} for cell in json.loads(sys.argv[1])]))`, JSON.stringify(cells)], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['40347,64', '1250,00', '1053.50', '1053.50', '1234,5', '12 34']);
  });
});

describe('laterNumberReadings: from the recorded import options', () => {
  it('the rules as recorded; a record without them (older importer) or no record at all: off; a column retyped since: on', () => {
    expect(laterNumberReadings({ parseRules: EVERY })('x')).toEqual({ otherThousands: true, accountingNegatives: true, unicodeMinus: true });
    expect(laterNumberReadings({ parseRules: { ...EVERY, accountingNegatives: false } })('x')).toEqual({ otherThousands: true, accountingNegatives: false, unicodeMinus: true });
    // a record written before the three rules existed lists the others only
    const { otherThousands: _o, accountingNegatives: _a, unicodeMinus: _m, ...older } = EVERY;
    expect(laterNumberReadings({ parseRules: older })('x')).toEqual({ otherThousands: false, accountingNegatives: false, unicodeMinus: false });
    expect(laterNumberReadings({ format: 'csv' })('x')).toEqual({ otherThousands: false, accountingNegatives: false, unicodeMinus: false });
    const retyped = laterNumberReadings({ parseRules: BEFORE, retypedColumns: ['x'] });
    expect([retyped('x'), retyped('y')]).toEqual([{ otherThousands: true, accountingNegatives: true, unicodeMinus: true }, { otherThousands: false, accountingNegatives: false, unicodeMinus: true }]);
    // no record at hand (a pipeline described outside a lab): this importer's rules
    expect(laterNumberReadings(undefined)('x')).toEqual({ otherThousands: true, accountingNegatives: true, unicodeMinus: true });
  });
});

describe("gatelab export: the run's dataset record decides", () => {
  let trained: TrainedRunLab | undefined;
  afterAll(() => trained?.close());

  it('the same run exported while its dataset records the readings, and after its record says it was imported before them', async () => {
    // plain decimal-comma numbers: the cache is the same under both rule sets, only the record differs
    trained = await labWithTrainedRun({
      prefix: 'gatelab-numreadings-export-', fileName: 'fr.csv', contents: ['Zeitpunkt;verbrauch', ...rows.slice(0, 120).map((r) => `${r.Zeitpunkt};${r.verbrauch}`)].join('\n') + '\n',
      config: (datasetId) => ({ model: { template: 'linear', lookback: 12, horizon: 4 } as never, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 16 }),
    });
    const { home, lab, manager, runId, datasetId } = trained;
    const numberOf = (out: string) => {
      exportRun(lab.store, manager.files, runId, join(home, out));
      const meta = onnxProto.onnx.ModelProto.decode(readFileSync(join(home, out))).metadataProps!.find((m) => m.key === 'gatelab.preprocessing')!.value!;
      return (JSON.parse(meta) as PreprocessingDoc).inputs[0].features.map((f) => (f as { number?: unknown }).number);
    };
    expect(numberOf('now.onnx')).toEqual([{ ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: true }]);
    const d = lab.store.datasets.get(datasetId)!;
    const columns = lab.store.datasets.columns(datasetId).map((c) => ({ name: c.name, inferredType: c.inferredType, typeOverride: c.typeOverride, stats: c.stats }));
    lab.store.datasets.replaceParse(datasetId, { rows: d.rows, validation: d.validation, importOptions: { ...d.importOptions, parseRules: BEFORE } }, columns);
    expect(numberOf('before.onnx')).toEqual([{ ...COMMA, otherThousands: false, accountingNegatives: false, unicodeMinus: true }]);
  }, 120_000);
});

/** Swedish balances: every third one negative with the Unicode minus '−1 234,50' (U+2212), as Nordic exports write them. */
const saldo = (i: number) => `${i % 3 === 0 ? '\u2212' : ''}${montant(i)}`;
const nordicRows: Row[] = rows.map((r, i) => ({ Zeitpunkt: r.Zeitpunkt, verbrauch: r.verbrauch, saldo: saldo(i) }));
const NORDIC = { rows: nordicRows, csv: ['Zeitpunkt;verbrauch;saldo', ...nordicRows.map((r) => `${r.Zeitpunkt};${r.verbrauch};${r.saldo}`)].join('\n') };
/** An importer before the Unicode minus (the space and parentheses readings already in). */
const BEFORE_MINUS = parseRulesWith((r) => r !== 'unicodeMinus');

describe("an export states per feature whether '−' (U+2212) is a minus sign", () => {
  it("a dataset imported with the reading: `unicodeMinus: true`, and raw '−' cells read so give the trained inputs", async () => {
    const e = await exportedUnder({ parseRules: EVERY, retypedColumns: [] }, ['verbrauch', 'saldo'], NORDIC);
    expect(e.types.saldo).toBe('float');
    expect(numbersOf(e.doc).saldo).toEqual({ ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: true });
    expect(e.consumer).toEqual(e.trainer);
    expect(e.trainer.some((x) => x < 0)).toBe(true);
    // the flag decides: told `unicodeMinus: false`, a consumer reads the '−' cells as missing, not as the trainer's negatives
    const off = { ...e.doc, inputs: [{ ...e.doc.inputs[0], features: e.doc.inputs[0].features.map((f) => ({ ...f, number: { ...(f as { number: object }).number, unicodeMinus: false } })) }] } as PreprocessingDoc;
    expect(Array.from(encodeInputs(off.inputs[0], [nordicRows.slice(0, 60)], off).data as Float32Array)).not.toEqual(Array.from(encodeInputs(e.doc.inputs[0], [nordicRows.slice(0, 60)], e.doc).data as Float32Array));
  });

  it('a dataset recorded without it says false; a column typed since reads it (retypedColumns)', async () => {
    const old = await exportedUnder({ parseRules: BEFORE_MINUS, retypedColumns: [] }, ['verbrauch'], NORDIC);
    expect(old.types.saldo).not.toMatch(/int|float/); // '−1 234,50' was no number to that importer
    expect(numbersOf(old.doc)).toEqual({ verbrauch: { ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: false } });
    expect(old.consumer).toEqual(old.trainer);
    const typed = await exportedUnder({ parseRules: BEFORE_MINUS, retypedColumns: ['saldo'], columnTypes: { saldo: 'float' } }, ['verbrauch', 'saldo'], NORDIC);
    expect(numbersOf(typed.doc)).toEqual({
      verbrauch: { ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: false },
      saldo: { ...COMMA, otherThousands: true, accountingNegatives: true, unicodeMinus: true },
    });
    expect(typed.consumer).toEqual(typed.trainer);
  });

  it("the rule text gives the reading and its Python line, which turns '−' into '-'", async () => {
    const { doc } = await exportedUnder({ parseRules: EVERY, retypedColumns: [] }, ['saldo'], NORDIC);
    expect(doc.cells.numberFormat).toMatch(/when it says `unicodeMinus: true`, the minus sign '−' \(U\+2212\) is read as '-'/);
    expect(doc.cells.numberFormat).toMatch(/one without `unicodeMinus` .* does not read it/);
    expect(doc.cells.number).toMatch(/`unicodeMinus: true`; cells\.numberFormat/);
    const python = /Python: (cell\.replace\(.*?\))\)/.exec(doc.cells.numberFormat)![1];
    const cells = ['\u22121,5', '\u22121 234,50', '12,5', '-3'];
    const out = execFileSync('/usr/bin/python3', ['-c', `import json, sys\nprint(json.dumps([${python} for cell in json.loads(sys.argv[1])]))`, JSON.stringify(cells)], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['-1,5', '-1 234,50', '12,5', '-3']);
  });
});
