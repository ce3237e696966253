// A fusion or CTR run on a handful of rows is warned of before it is queued (as a short forecasting file is),
// with the row counts and what to do, and still set up; a file of enough rows says nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { datasetRunSetup } from './dataset-runs';
import { fewTrainingRowsWarning } from './few-rows-warning';

let home: string;
let lab: LabDatasets;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-few-rows-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterAll(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** A sensor table of `count` rows with a yes/no label (alternating, so every part of a split has both). */
function table(name: string, count: number): string {
  const lines = Array.from({ length: count }, (_, i) => `${((i * 37) % 100) / 100},${((i * 53) % 100) / 100},${i % 3 ? 'red' : 'blue'},${i % 2 ? 'yes' : 'no'}`);
  const file = join(home, `${name}.csv`);
  writeFileSync(file, ['temp,pressure,color,label', ...lines].join('\n') + '\n');
  return file;
}

const warningsFor = async (file: string) => {
  const setup = await datasetRunSetup(home, file, { model: { template: 'concat-fusion' } }, () => {}, { target: 'label' });
  setup.store.close();
  return [...setup.dataChecks.warnings].filter((w) => w.includes('to train on'));
};

describe('few training rows', () => {
  it('an 8-row fusion file: warned with its counts and what to do, and the run is still set up', async () => {
    const [warning, ...more] = await warningsFor(table('tiny', 8));
    expect(more).toEqual([]);
    expect(warning).toBe('warning: only 6 rows to train on (1 validation and 1 test row) for concat-fusion: ' +
      'a model of thousands of parameters fitted on fewer than 50 rows learns those rows by heart, and metrics on 1 row mean little. ' +
      'The run trains anyway; for results worth comparing, use a file of a few hundred rows or more (add rows, or import a larger sample of the data)');
  });

  it('a file with 50 training rows or more: no warning', async () => {
    expect(await warningsFor(table('enough', 100))).toEqual([]);
  });

  it('counts rows in plural and thousands as people write them', () => {
    expect(fewTrainingRowsWarning({ train: 49, val: 6, test: 7 }, 'deepfm')).toMatch(/^warning: only 49 rows to train on \(6 validation and 7 test rows\) for deepfm: .* metrics on 6 rows mean little\./);
    expect(fewTrainingRowsWarning({ train: 1, val: 1, test: 1 }, 'gmu')).toMatch(/^warning: only 1 row to train on /);
    expect(fewTrainingRowsWarning({ train: 50, val: 6, test: 6 }, 'deepfm')).toBeNull();
  });
});
