// A sweep file with `"split": "stratified"` on a dataset that already has a stored stratified split: the
// refusal names that split's id as the file would give it ("splitId": N), as `gatelab train` names the flag;
// and for a kind the dataset has none of, its advice to store one ends in the file's words too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths } from '../lab/home';
import { createSplit, openLabDatasets } from '../lab/datasets/index';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
let splitId: number;

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-sweep-split-hint-'); // demos recorded, none made: this test needs none
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    const rows = Array.from({ length: 200 }, (_, i) => `${(i * 37) % 101},${i % 4 === 0 ? 'no' : 'yes'},${['a', 'b', 'c'][i % 3]}`);
    writeFileSync(join(home, 'shop.csv'), ['price,recommended,category', ...rows].join('\n'));
    const id = (await lab.registry.importDataset(join(home, 'shop.csv'), { roles: { recommended: 'target' } })).dataset.id;
    splitId = (await createSplit(lab.registry, id, 'stratified', { kind: 'stratified', column: 'recommended', seed: 42, ratios: { train: 0.8, val: 0.1, test: 0.1 } })).id;
  } finally {
    lab.close();
  }
}, 60_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab sweep with "split": "stratified"', () => {
  it('is refused (exit 2, no run queued) naming the stored split\'s id in the words of the file', async () => {
    const file = join(home, 'exp.json');
    writeFileSync(file, JSON.stringify({ name: 's', seeds: 1, config: { model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: 'shop', split: 'stratified' }, epochs: 1 } }));
    const { code, err } = await gatelab(['sweep', file, '--home', home]);
    expect(code).toBe(2);
    expect(err).toContain(`. Dataset 'shop' already has a stored split 'stratified' (id ${splitId}): use it with "splitId": ${splitId} in ${file}'s config.data`);
    expect((await gatelab(['runs', '--json', '--home', home])).out).toBe('[]\n');
  });

  it('says how to store a split of a kind the dataset has none of, and where its id goes: the file, not a --set flag', async () => {
    const file = join(home, 'last.json');
    writeFileSync(file, JSON.stringify({ name: 'l', seeds: 1, config: { model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: 'shop', split: 'leave-last-out' }, epochs: 1 } }));
    const { code, err } = await gatelab(['sweep', file, '--home', home]);
    expect(code).toBe(2);
    expect(err).toMatch(/a leave-last-out split is stored with the dataset first: gatelab datasets split \d+ --kind leave-last-out --user USER_COLUMN --time TIME_COLUMN prints its id, /);
    expect(err).toContain(`prints its id, then use it with "splitId": ID in ${file}'s config.data`);
    expect(err).not.toContain('--set data.splitId');
  });
});
