// `gatelab train --dataset FILE`: the count of the file's import warnings points at `gatelab datasets show N`
// only when dataset N stands (the run was queued); a refused run removes the dataset, and the count then points
// at the import that keeps it, never at a dataset that is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { holdImportWarnings } from './held-import-warnings';
import { holdTargetLine } from './held-target-line';

let home: string;
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-held-warnings-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the import-warnings line of gatelab train --dataset FILE', () => {
  it('is said as it was once the run is queued, and rewritten to the import when the dataset is removed', () => {
    const said: string[] = [];
    const warnings = (count: number) => ({ kind: 'import-warnings', datasetId: 7, count }) as const;
    const queued = holdImportWarnings(holdTargetLine((l) => said.push(l)));
    queued.event({ kind: 'imported', file: 'load.csv', datasetId: 7, created: true, name: 'load' });
    queued.event(warnings(1));
    expect(said).toEqual(['imported load.csv as dataset 7']);
    queued.queued();
    expect(said).toEqual(['imported load.csv as dataset 7', '1 import warning (gatelab datasets show 7 lists them)']);

    said.length = 0;
    const refused = holdImportWarnings(holdTargetLine((l) => said.push(l)));
    refused.event({ kind: 'imported', file: 'my load.csv', datasetId: 7, created: true, name: 'my load' });
    refused.event(warnings(2));
    refused.event({ kind: 'import-removed', datasetId: 7, file: 'my load.csv', advised: true });
    expect(said).toEqual(['imported my load.csv as dataset 7', "2 import warnings (gatelab import 'my load.csv' lists them, and keeps the dataset)",
      "dataset 7 removed again: the run was refused, so my load.csv is not kept (to keep it, gatelab import 'my load.csv'; the advice below starts with that import, and ID in it is the id the import prints)"]);
    // said once: a queued() after the refusal (never reached in train, but harmless) does not repeat the count
    refused.queued();
    expect(said).toHaveLength(3);

    said.length = 0;
    const kept = holdImportWarnings(holdTargetLine((l) => said.push(l)));
    kept.event(warnings(1));
    kept.event({ kind: 'import-kept', datasetId: 7, file: 'load.csv', reason: 'busy' });
    expect(said).toEqual(['1 import warning (gatelab datasets show 7 lists them)',
      'dataset 7 (imported from load.csv) is kept: it could not be removed (busy); gatelab datasets delete 7 removes it']);
  });

  it('a removal without import warnings is said alone', () => {
    const said: string[] = [];
    const lines = holdImportWarnings(holdTargetLine((l) => said.push(l)));
    lines.event({ kind: 'import-removed', datasetId: 3, file: 'clean.csv', advised: false });
    expect(said).toEqual(['dataset 3 removed again: the run was refused, so clean.csv is not kept (to keep it, gatelab import clean.csv)']);
  });

  it('a refused run on a file of stacked series points at gatelab import, not at the removed dataset', async () => {
    // three meters, 'c' only in the last 10 of 60 hours: the times repeat (an import warning) but not evenly
    // enough for the file to be read as long format, so the forecasting run is refused and the dataset removed
    const lines = ['timestamp,meter_id,kwh'];
    for (let h = 0; h < 60; h++) {
      const t = new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
      for (const m of ['a', 'b', 'c']) if (m !== 'c' || h >= 50) lines.push(`${t},${m},${(1 + Math.sin(h / 4)).toFixed(3)}`);
    }
    const file = join(home, 'meters.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await gatelab(['train', '--home', home, '--dataset', file, '--template', 'dlinear', '--epochs', '1']);
    expect(r.code, r.err).toBe(2);
    const said = `${r.out}${r.err}`;
    expect(said).toMatch(/imported .*meters\.csv as dataset (\d+)/);
    const id = /as dataset (\d+)/.exec(said)![1];
    expect(said).toContain(`1 import warning (gatelab import ${file} lists them, and keeps the dataset)`);
    expect(said).not.toContain(`gatelab datasets show ${id} lists them`);
    expect(said).toMatch(new RegExp(`dataset ${id} removed again: the run was refused`));
  });
});
