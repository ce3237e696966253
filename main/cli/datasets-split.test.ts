// `gatelab datasets split ID --delete NAME`, run as a user runs it (--home): a split no run names is
// deleted; a split a run names stays, the command exits 2 (refused) naming the run; --help lists the option. The
// commands run in this process (testing/gatelab.ts: the same main(), stdout and stderr apart, the exit
// code bin/gatelab.js would give), without a child's second of start-up each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { labPaths } from '../lab/home';
import { openLabDatasets, createSplit } from '../lab/datasets/index';
import { gatelab as cli } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
let id: number;
let used: number;
let runId: number;

const gatelab = async (...args: string[]) => {
  const r = await cli([...args, '--home', home]);
  return { code: r.code, stdout: r.out, stderr: r.err };
};

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-cli-split-delete-'); // had its first start: no demos to install
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    const { dataset } = await lab.registry.importDataset('/work/shared/data/forecasting/ETTh1.csv');
    id = dataset.id;
    await createSplit(lab.registry, id, 'free', { kind: 'chronological' });
    used = (await createSplit(lab.registry, id, 'used', { kind: 'ett' })).id;
    runId = lab.store.runs.create({ config: { model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: id, splitId: used } } });
  } finally {
    lab.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab datasets split --delete', () => {
  it('deletes a split no run names, and says which', async () => {
    const r = await gatelab('datasets', 'split', String(id), '--delete', 'free');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Deleted split 'free' \\(id \\d+\\) of dataset ${id} 'ETTh1'`));
    const shown = JSON.parse((await gatelab('datasets', 'show', String(id), '--json')).stdout) as { splits: Array<{ name: string }> };
    expect(shown.splits.map((s) => s.name)).toEqual(['used']);
    const again = await gatelab('datasets', 'split', String(id), '--delete', 'free');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/has no split named 'free'; its splits: used \(id \d+\)/);
  });

  it('refuses a split a run names (exit 2), naming the run; the split stays', async () => {
    const r = await gatelab('datasets', 'split', String(id), '--delete', 'used', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`split 'used' (id ${used}) is used by run ${runId}; deleting it would cut that run off from its rows`);
    // with --json the refusal ends stdout too, in stderr's words
    expect(JSON.parse(r.stdout)).toEqual({ command: 'datasets', status: 'error', error: r.stderr.trim().replace(/^gatelab datasets: /, '') });
    const shown = JSON.parse((await gatelab('datasets', 'show', String(id), '--json')).stdout) as { splits: Array<{ name: string }> };
    expect(shown.splits.map((s) => s.name)).toEqual(['used']);
  });

  it('--name of a split a run names is refused (exit 2), naming the run and the ways out; the split keeps its rows', async () => {
    const before = JSON.parse((await gatelab('datasets', 'show', String(id), '--json')).stdout) as { splits: Array<{ id: number; name: string; spec: unknown }> };
    const r = await gatelab('datasets', 'split', String(id), '--kind', 'chronological', '--name', 'used');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`gatelab datasets: split 'used' (id ${used}) is used by run ${runId}; replacing it would cut that run off from its rows (resume, Try it, analytics and export read them). ` +
      `Give the new split another name (--name used-2), or delete that run first (gatelab delete ${runId}) and then the split (gatelab datasets split ${id} --delete used)`);
    const after = JSON.parse((await gatelab('datasets', 'show', String(id), '--json')).stdout) as typeof before;
    expect(after.splits).toEqual(before.splits); // same id, same spec (ett, not chronological)
    // a split no run names is still replaced, and says so
    const free = await gatelab('datasets', 'split', String(id), '--kind', 'ett', '--name', 'spare');
    expect(free.code).toBe(0);
    const again = await gatelab('datasets', 'split', String(id), '--kind', 'chronological', '--name', 'spare');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^\(replaces split 'spare', id \d+, which no run trains on\)\nSplit 'spare' \(id \d+\)/);
    expect((await gatelab('datasets', 'split', String(id), '--delete', 'spare')).code).toBe(0);
  });

  it('--help lists --delete', async () => {
    expect((await gatelab('datasets', '--help')).stdout).toMatch(/--delete NAME\s+split: delete the stored split NAME/);
  });
});
