// `gatelab train --dataset clicks.csv` on an implicit-feedback log (user, item, unix-seconds time, no label):
// refused while setting up, saying why such a log cannot train a CTR model; `--target ts` names the time
// column as a time (the importer typed it datetime), not "a number with … distinct values", and is set back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { datasetRunSetup } from './dataset-runs';

let home: string, lab: LabDatasets, clicks: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-dataset-runs-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  // 1,500 interactions 24 s apart: every row a click, no 0/1 column to learn from
  const rows = Array.from({ length: 1500 }, (_, i) => `u${(i * 7) % 50},i${(i * 13) % 80},${1_700_000_000 + i * 24}`);
  writeFileSync(join(home, 'clicks.csv'), ['user,item,ts', ...rows].join('\n'));
  clicks = (await lab.registry.importDataset(join(home, 'clicks.csv'))).dataset.id;
});

afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('a CTR run on an implicit-feedback log', () => {
  const setup = (target?: string, logged: string[] = []) =>
    datasetRunSetup(home, String(clicks), { model: { template: 'finalmlp' } }, (l) => logged.push(l), target ? { target } : {});

  it('without a target: names --target and says a log of interactions has no negatives to learn from', async () => {
    expect(lab.registry.get(clicks)!.columns.find((c) => c.name === 'ts')?.type).toBe('datetime');
    await expect(setup()).rejects.toThrow(/^a recommendation \(CTR\) model needs a target column: pass --target COLUMN, or gatelab datasets roles clicks <column>=target\. If each row is an interaction \(an implicit-feedback log: user, item, time\), every row is a positive .*GateLab does not sample negatives itself: add them to the file$/);
  });

  it('--target ts: a time column, not a label; the roles are set back', async () => {
    const roles = () => lab.registry.get(clicks)!.columns.map((c) => `${c.name}=${c.role}`);
    const before = roles();
    const logged: string[] = [];
    await expect(setup('ts', logged)).rejects.toThrow(/^the target 'ts' is a time column with more than 1,000 distinct times \(2023-11-14 22:13:20, 2023-11-14 22:13:44, 2023-11-14 22:14:08, …\), not a label: choose a column of classes as the target\. If each row is an interaction/);
    expect(roles()).toEqual(before);
    expect(logged.at(-1)).toMatch(/target of dataset \d+ left as it was: the run was refused/);
  });
});
