// README's `forecast.mjs` (forecasting with an exported model on the user's own file) run as written, only
// the file name swapped: on a ',' file and on the same series written as space-aligned columns (the import
// records the delimiter 'whitespace', which no String.split reads). Both must give the same forecast, and it
// must move with the series' last rows (a script that reads no cell forecasts every channel's mean). A
// long-format file (one row per time and series) is pivoted by the script itself: its forecast is the lab's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { exportRun } from './export-run';
import onnxProto from 'onnx-proto';
import { TryIt } from '../lab/try-it';
import type { RunsPort } from '../lab/runs-port';
import type { PreprocessingDoc } from './preprocessing-doc';

const REPO = resolve(__dirname, '../../..');
let home: string, lab: LabDatasets, manager: RunManager;
/** Each exported model's run. */
const runOf = new Map<string, number>();

/** Hourly rows of two channels: a daily wave and a slower one. */
const ROWS = Array.from({ length: 400 }, (_, i) => ({
  date: new Date(Date.UTC(2020, 0, 1) + i * 3600_000).toISOString().slice(0, 13).replace('T', ' ') + ':00',
  load: (10 + 3 * Math.sin((2 * Math.PI * i) / 24)).toFixed(3),
  temp: (5 + Math.cos((2 * Math.PI * i) / 97)).toFixed(3),
}));
const asCsv = (rows: typeof ROWS) => ['date,load,temp', ...rows.map((r) => `${r.date},${r.load},${r.temp}`)].join('\n') + '\n';
// aligned columns: the date's own space splits it into two fields, so the date is written without one
const asAligned = (rows: typeof ROWS) => ['time              load      temp', ...rows.map((r) => `${r.date.replace(' ', 'T')}  ${r.load.padStart(8)}  ${r.temp.padStart(8)}`)].join('\n') + '\n';

/** Imports `text` as `file`, trains a small DLinear on it and exports it; the ONNX file's path. */
async function trainAndExport(file: string, text: string): Promise<string> {
  writeFileSync(join(home, file), text);
  const { dataset } = await lab.registry.importDataset(join(home, file), {});
  const id = await manager.create({ model: { template: 'dlinear', lookback: 24, horizon: 4 } as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 2, batchSize: 32, seed: 1 });
  const r = await manager.waitFor(id);
  expect(r.status, r.error ?? '').toBe('completed');
  const onnxPath = join(home, `${file}.onnx`);
  await exportRun(lab.store, manager.files, id, onnxPath);
  runOf.set(onnxPath, id);
  return onnxPath;
}

/** The same hours in long format: one row per time and series ('north', 'south'), as a store-sales file is written. */
const asLong = (rows: typeof ROWS) => ['date,region,load', ...rows.flatMap((r) => [`${r.date},north,${r.load}`, `${r.date},south,${r.temp}`])].join('\n') + '\n';
/** The same, one series after the other ('south' first): the script must group the rows by time and sort them. */
const asLongBySeries = (rows: typeof ROWS) => ['date,region,load', ...rows.map((r) => `${r.date},south,${r.temp}`), ...rows.map((r) => `${r.date},north,${r.load}`)].join('\n') + '\n';

/** The same rows as a European spreadsheet saves them: ';' between fields, decimal commas ('10,000'). */
const asSemicolon = (rows: typeof ROWS) => asCsv(rows).replaceAll(',', ';').replace(/(\d)\.(\d)/g, '$1,$2');

let csvModel: string, alignedModel: string, longModel: string, semicolonModel: string;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-readme-forecast-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  csvModel = await trainAndExport('series.csv', asCsv(ROWS));
  alignedModel = await trainAndExport('series.txt', asAligned(ROWS));
  longModel = await trainAndExport('long.csv', asLong(ROWS.slice(0, 200)));
  semicolonModel = await trainAndExport('series-eu.csv', asSemicolon(ROWS));
}, 180_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

/** README's forecast.mjs with ETTm1.csv replaced by `file` (written with `text`); its lines: channel and values. */
function readmeForecast(model: string, file: string, text: string): Map<string, number[]> {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('```js', readme.indexOf('this `forecast.mjs` prints'));
  const code = readme.slice(start + '```js'.length, readme.indexOf('```', start + 5));
  expect(code).toContain("readFileSync('ETTm1.csv', 'utf8')");
  const dir = mkdtempSync(join(home, 'forecast-'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'run.onnx'), readFileSync(model));
  writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, 'forecast.mjs'), code.replace("readFileSync('ETTm1.csv', 'utf8')", `readFileSync(${JSON.stringify(file)}, 'utf8')`));
  const out = execFileSync(process.execPath, ['forecast.mjs'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return new Map(out.trim().split('\n').map((l) => { const [name, ...v] = l.split(' '); return [name, v.map(Number)]; }));
}

describe("README forecast.mjs on the user's file", () => {
  it('reads a space-aligned file as it reads a , file: the same forecast from the same rows', () => {
    const fromCsv = readmeForecast(csvModel, 'series.csv', asCsv(ROWS));
    const fromAligned = readmeForecast(alignedModel, 'series.txt', asAligned(ROWS));
    expect([...fromCsv.keys()]).toEqual(['load', 'temp']);
    expect([...fromAligned.keys()]).toEqual(['load', 'temp']);
    for (const v of [...fromCsv.values(), ...fromAligned.values()]) { expect(v).toHaveLength(4); for (const x of v) expect(Number.isFinite(x)).toBe(true); }
    // the same rows, the same seed: the same model, so the same forecast to the printed digits
    for (const [name, v] of fromCsv) expect(fromAligned.get(name)).toEqual(v);
  }, 60_000);

  it('forecasts from the last rows: shifting the series by half a day changes the load forecast', () => {
    const shifted = ROWS.map((r, i) => ({ ...r, load: ROWS[(i + 12) % ROWS.length].load }));
    const a = readmeForecast(alignedModel, 'series.txt', asAligned(ROWS)).get('load')!;
    const b = readmeForecast(alignedModel, 'series.txt', asAligned(shifted)).get('load')!;
    expect(Math.max(...a.map((x, h) => Math.abs(x - b[h])))).toBeGreaterThan(0.5);
  }, 60_000);

  it("reads '?' and '-' in a number column as missing, as the import did (UCI's household power file writes '?')", () => {
    const marked = (mark: (i: number) => string) => asCsv(ROWS).split('\n').map((l, i) => (i >= 390 && i <= 392 ? l.replace(/,[^,]*$/, `,${mark(i)}`) : l)).join('\n');
    const withMarks = readmeForecast(csvModel, 'series.csv', marked((i) => (i === 391 ? '-' : ' ? ')));
    const withEmpty = readmeForecast(csvModel, 'series.csv', marked(() => ''));
    expect(withMarks.get('temp')).toEqual(withEmpty.get('temp'));
    expect(withMarks.get('temp')).not.toEqual(readmeForecast(csvModel, 'series.csv', asCsv(ROWS)).get('temp'));
  }, 60_000);

  it('reads decimal commas as the feature says: the same forecast as from the , file', () => {
    expect(asSemicolon(ROWS).split('\n')[1]).toBe('2020-01-01 00:00;10,000;6,000');
    expect(readmeForecast(semicolonModel, 'series-eu.csv', asSemicolon(ROWS))).toEqual(readmeForecast(csvModel, 'series.csv', asCsv(ROWS)));
  }, 60_000);

  it("pivots a long-format file as the run did: its forecast after a time is the lab's own (Try it) for the window ending there", async () => {
    // 200 times, 70/10/20: test windows start at times 160..196 (lookback 24, horizon 4); the last, test
    // window 36, forecasts times 196-199 from times 172-195, so the script reads the file up to time 195
    const port = { available: true, export: (id: string) => exportRun(lab.store, manager.files, Number(id), join(home, `try-${id}.onnx`)) };
    const tried = await new TryIt(lab.store, port as unknown as RunsPort, datasetResolver(lab.registry)).predict(String(runOf.get(longModel)), [36]);
    expect(tried.testRows).toBe(37);
    const scaled = (tried.rows[0] as { prediction: number[] }).prediction;
    const meta = Object.fromEntries(onnxProto.onnx.ModelProto.decode(readFileSync(longModel)).metadataProps!.map((p) => [p.key!, p.value!]));
    const channels = (JSON.parse(meta['gatelab.preprocessing']) as PreprocessingDoc).outputs[0].channels!;
    const forecast = readmeForecast(longModel, 'long.csv', asLongBySeries(ROWS.slice(0, 196)));
    expect([...forecast.keys()]).toEqual(['north', 'south']);
    channels.forEach((ch, c) => forecast.get(ch.column)!.forEach((v, h) => expect(v).toBeCloseTo(scaled[h * 2 + c] * ch.std! + ch.mean!, 2)));
  }, 60_000);
});
