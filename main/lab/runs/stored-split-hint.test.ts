// `gatelab train --set split=stratified` on a dataset that already has a stored stratified split: the refusal
// (data.split takes only the kinds a run cuts itself) names that split's id, ready to paste, instead of only
// telling the user to make one again. Same for a split's name given where its id goes (data.splitId).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths } from '../home';
import { createSplit, openLabDatasets } from '../datasets/index';
import { gatelab } from '../../cli/testing/gatelab';
import { storedSplitHint } from './stored-split-hint';
import { labHomeWithDemos } from '../testing/lab-home';

let home: string;
let stratifiedId: number;
let secondId: number;

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-stored-split-hint-'); // demos recorded, none made: this test needs none
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    const rows = Array.from({ length: 300 }, (_, i) => `${(i * 37) % 101},${i % 4 === 0 ? 'no' : 'yes'},${['a', 'b', 'c'][i % 3]}`);
    writeFileSync(join(home, 'reviews.csv'), ['price,recommended,category', ...rows].join('\n'));
    const id = (await lab.registry.importDataset(join(home, 'reviews.csv'))).dataset.id;
    writeFileSync(join(home, 'plain.csv'), ['price,recommended,category', ...rows.slice(0, 200)].join('\n'));
    await lab.registry.importDataset(join(home, 'plain.csv'));
    stratifiedId = (await createSplit(lab.registry, id, 'stratified', { kind: 'stratified', column: 'recommended', seed: 42, ratios: { train: 0.8, val: 0.1, test: 0.1 } })).id;
    secondId = (await createSplit(lab.registry, id, 'by-category', { kind: 'stratified', column: 'category', seed: 1, ratios: { train: 0.8, val: 0.1, test: 0.1 } })).id;
  } finally {
    lab.close();
  }
}, 60_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

const train = (dataset: string, set: string) => gatelab(['train', '--dataset', dataset, '--template', 'gmu', '--target', 'recommended', '--set', set, '--home', home]);

describe('a refused data.split or data.splitId names the stored split the user meant', () => {
  it('--set split=stratified: the stored stratified splits, by name first, with the flag to paste (exit 2, nothing queued)', async () => {
    const { code, err } = await train('reviews', 'split=stratified');
    expect(code).toBe(2);
    expect(err).toContain('a stratified split is stored with the dataset first');
    expect(err).toContain(`. Dataset 'reviews' already has stored splits 'stratified' (id ${stratifiedId}), 'by-category' (id ${secondId}): train on it with --set data.splitId=${stratifiedId} (or another of these ids)`);
    expect((await gatelab(['runs', '--json', '--home', home])).out).toBe('[]\n');
  });

  it('--set data.splitId=by-category (a name where the id goes): that split\'s id', async () => {
    const { code, err } = await train('reviews', 'data.splitId=by-category');
    expect(code).toBe(2);
    expect(err).toContain(`a stored split's id, not its name`);
    expect(err).toContain(`. Dataset 'reviews' already has a stored split 'by-category' (id ${secondId}, stratified): train on it with --set data.splitId=${secondId}`);
  });

  it('a lab home that does not exist yet stays so: the refusal as it was, no folder made', async () => {
    const nowhere = join(home, 'no-lab-here');
    const { code, err } = await gatelab(['train', '--dataset', 'reviews', '--template', 'gmu', '--set', 'split=stratified', '--home', nowhere]);
    expect(code).toBe(2);
    expect(err).toContain('a stratified split is stored with the dataset first');
    expect(existsSync(nowhere)).toBe(false);
  });

  it('a dataset without such a split keeps the refusal as it was', async () => {
    const { code, err } = await train('plain', 'split=stratified');
    expect(code).toBe(2);
    expect(err).toContain('gatelab datasets split plain --kind stratified --column COLUMN prints its id');
    expect(err).not.toContain('already has');
  });
});

describe('storedSplitHint', () => {
  const splits = [
    { id: 4, name: 'u1', spec: { kind: 'given' } },
    { id: 5, name: 'leave-last-out', spec: { kind: 'leave-last-out' } },
  ];
  it('matches a split by name or by kind, and says nothing when none fits', () => {
    expect(storedSplitHint('u1', "'ml'", splits)).toBe(". Dataset 'ml' already has a stored split 'u1' (id 4, given): train on it with --set data.splitId=4");
    expect(storedSplitHint('leave-last-out', "'ml'", splits)).toBe(". Dataset 'ml' already has a stored split 'leave-last-out' (id 5): train on it with --set data.splitId=5");
    expect(storedSplitHint('stratified', "'ml'", splits)).toBe('');
  });
});
