// A column written as percentages ('13.56%', a loan file's int_rate; '55.2%' humidity in a weather file) is
// read with the '%' removed, the number kept as written (13.56). The export says so per feature
// (`number.percent`), and README's use.mjs and forecast.mjs strip it themselves: before, use.mjs stopped on
// the first such cell ("strip it as doc.cells.number says") and forecast.mjs on the first row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { trainAndExportFile, type ExportedRun } from './testing/exported-run';
import { readmeBlock, referenceProbability, runScript } from './testing/readme-script';

let home: string, lab: LabDatasets, manager: RunManager;
let loans: ExportedRun, plainSeries: ExportedRun, percentSeries: ExportedRun;

// a click (a default, say) follows the rate: a script that misreads '13.56%' answers differently for 8% and 24%
const LOANS = ['grade,int_rate,clicked', ...Array.from({ length: 400 }, (_, i) => {
  const rate = 6 + ((i * 37) % 200) / 10;
  return `${'ABC'[i % 3]},${rate.toFixed(2)}%,${rate + (i % 7) > 16 ? 'yes' : 'no'}`;
})].join('\n') + '\n';

/** Hourly rows of a load and a humidity written plainly or, as weather exports write it, with '%'. */
const series = (percent: boolean) => ['date,load,humidity', ...Array.from({ length: 300 }, (_, i) => {
  const date = new Date(Date.UTC(2021, 0, 1) + i * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  return `${date},${(10 + 3 * Math.sin((2 * Math.PI * i) / 24)).toFixed(3)},${(60 + 20 * Math.cos((2 * Math.PI * i) / 50)).toFixed(1)}${percent ? '%' : ''}`;
})].join('\n') + '\n';

async function trainAndExport(file: string, text: string, roles: Record<string, string>, run: Record<string, unknown>): Promise<ExportedRun> {
  writeFileSync(join(home, file), text);
  return trainAndExportFile(lab, manager, join(home, file), roles, run);
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-readme-percent-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  loans = await trainAndExport('loans.csv', LOANS, { clicked: 'target' }, { model: { template: 'lr' }, epochs: 3, batchSize: 32, optimizer: { lr: 0.05 } });
  const forecaster = { model: { template: 'dlinear', lookback: 24, horizon: 4 }, epochs: 2, batchSize: 32, seed: 1 };
  plainSeries = await trainAndExport('series.csv', series(false), {}, forecaster);
  percentSeries = await trainAndExport('series-pct.csv', series(true), {}, forecaster);
}, 180_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

const featureOf = (t: ExportedRun, column: string) => t.doc.inputs.flatMap((i) => i.features).find((f) => f.column === column)!;

/** README's use.mjs on `line` (grade and int_rate as the file writes them); P(clicked). */
function useMjs(line: string): number {
  const code = readmeBlock('Then, in that folder, as `use.mjs`:');
  const sample = /^const cells = '[^']*'\.split\((.+)\)/m;
  expect(code).toMatch(sample);
  const out = runScript(home, 'use.mjs', code.replace(sample, (_s, split: string) => `const cells = ${JSON.stringify(line)}.split(${split})`), loans.onnxPath);
  return Number(/P\(clicked\) = (\S+)/.exec(out)![1]);
}

/** README's forecast.mjs on `text` as the model's file; channel → forecast. */
function forecastMjs(t: ExportedRun, text: string): Map<string, number[]> {
  const code = readmeBlock('this `forecast.mjs` prints');
  expect(code).toContain("readFileSync('ETTm1.csv', 'utf8')");
  const out = runScript(home, 'forecast.mjs', code, t.onnxPath, { 'ETTm1.csv': text });
  return new Map(out.trim().split('\n').map((l) => { const [name, ...v] = l.split(' '); return [name, v.map(Number)]; }));
}

describe("a column written as percentages ('13.56%')", () => {
  it('the export says so: the feature\'s number has percent: true, a plain column\'s none', () => {
    expect(featureOf(loans, 'int_rate')).toMatchObject({ kind: 'zscore', number: { decimal: '.', thousands: ',', percent: true } });
    expect(featureOf(percentSeries, 'humidity')).toMatchObject({ number: { percent: true } });
    expect((featureOf(plainSeries, 'humidity') as { number?: { percent?: true } }).number?.percent).toBeUndefined();
  });

  it("README's use.mjs reads '13.56%' as 13.56: the reference encoder's probability, and the rate matters", async () => {
    const p = useMjs('B,13.56%');
    expect(p).toBeCloseTo(await referenceProbability(loans, { grade: 'B', int_rate: '13.56%', clicked: '' }), 5);
    expect(Math.abs(useMjs('B,24.00%') - useMjs('B,8.00%'))).toBeGreaterThan(0.05);
  }, 60_000);

  it("README's forecast.mjs reads a '%' channel: the forecast of the same series written without '%'", () => {
    const fromPercent = forecastMjs(percentSeries, series(true));
    expect([...fromPercent.keys()]).toEqual(['load', 'humidity']);
    for (const v of fromPercent.values()) for (const x of v) expect(Number.isFinite(x)).toBe(true);
    // the same numbers, the same seed: the same model, so the same forecast to the printed digits
    expect(fromPercent).toEqual(forecastMjs(plainSeries, series(false)));
  }, 60_000);
});
