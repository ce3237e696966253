// Before a run is queued (`gatelab train`, the app's Start): a feature the run reads that alone decides the
// target it learns is warned of, as this run reads the target (its label rule: a rating ≥ 4 is a click), and
// the run is still set up. MovieLens' own protocol is not warned of: the rating the label is derived from is
// the target column, never an input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { datasetRunSetup } from './dataset-runs';

let home: string;
let lab: LabDatasets;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-leak-warnings-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterAll(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** 400 ratings of 20 users × 25 items; `liked` (when present) is the rating ≥ 4, written down beside it. */
async function ratings(name: string, liked: boolean): Promise<number> {
  const lines = [`user,item,rating${liked ? ',liked' : ''}`];
  let seed = 11;
  for (let i = 0; i < 400; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; // a fixed stream: no user or item decides the rating
    const rating = 1 + (seed >>> 16) % 5;
    lines.push(`u${i % 20},i${(i * 3) % 25},${rating}${liked ? `,${rating >= 4 ? 'yes' : 'no'}` : ''}`);
  }
  const file = join(home, `${name}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const { dataset } = await lab.registry.importDataset(file);
  lab.registry.setColumns(dataset.id, [{ column: 'user', role: 'categorical' }, { column: 'item', role: 'categorical' }]);
  return dataset.id;
}

const setUp = async (id: number) => {
  const setup = await datasetRunSetup(home, String(id), { model: { template: 'deepfm', positiveAtLeast: 4 } }, () => {}, { target: 'rating' });
  setup.store.close();
  return [...setup.dataChecks.warnings].filter((w) => w.includes('leaks the answer'));
};

describe('leak warnings before a run', () => {
  it('says nothing on a MovieLens-like log: the rating the click is derived from is the target, not a feature', async () => {
    expect(await setUp(await ratings('plain', false))).toEqual([]);
  });

  it("warns of a column that holds the label (rating ≥ 4 written down), read through the run's label rule, and sets the run up", async () => {
    const id = await ratings('with-liked', true);
    lab.registry.setColumns(id, [{ column: 'liked', role: 'categorical' }]);
    const [warning, ...more] = await setUp(id);
    expect(more).toEqual([]);
    expect(warning).toMatch(/^warning: 'liked' alone predicts 'rating ≥ 4' for 100% of 400 rows \(majority class: \d\d%\) and ranks it with AUC 1\.000: /);
    expect(warning).toContain(`gatelab datasets roles ${id} liked=ignore`);
  });
});
