// `gatelab datasets delete ID [--yes]`, run as a user runs it (child processes, --home): a dataset runs were
// trained on is deleted only with --yes, after saying how many runs use it and what they keep and lose;
// the runs stay, with their results. A dataset no run used is deleted at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { labHomeWithDemos } from '../lab/testing/lab-home';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let home: string;

const gatelab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/gatelab.js'), ...args, '--home', home], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

// a lab that has had its first start (demos recorded, none generated): the command is not a new lab's first
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-cli-dataset-delete-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A dataset, and `runs` finished runs on it (rows in the real store: what a trained run leaves). */
async function datasetWithRuns(name: string, runs: number): Promise<{ id: number; cachePath: string; runIds: number[] }> {
  const file = join(home, `${name}.csv`);
  writeFileSync(file, `x,y\n1,2\n2,4\n3,${6 + runs}\n`);
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    const { dataset } = await lab.registry.importDataset(file);
    const runIds = Array.from({ length: runs }, () => {
      const run = lab.store.runs.create({ config: {}, datasetId: dataset.id });
      lab.store.runs.setStatus(run, 'completed');
      return run;
    });
    return { id: dataset.id, cachePath: dataset.cachePath, runIds };
  } finally {
    lab.close();
  }
}

describe('gatelab datasets delete', () => {
  it('refuses without --yes while runs use the dataset, saying how many and what they keep; --yes deletes it and the runs stay', async () => {
    const { id, cachePath, runIds } = await datasetWithRuns('used', 2);
    const refused = gatelab('datasets', 'delete', String(id));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(`gatelab datasets: dataset ${id} 'used' is used by 2 runs (${runIds.join(', ')}): deleting it, they keep their results, curves, checkpoints and exported files, but Try it, knockouts, gate reports and resume need the data and will stop working. Add --yes to delete it anyway (gatelab datasets delete ${id} --yes)`);
    expect(existsSync(cachePath)).toBe(true);
    expect(gatelab('datasets', 'show', String(id)).code).toBe(0);

    const done = gatelab('datasets', 'delete', String(id), '--yes');
    expect(done.code).toBe(0);
    expect(done.stdout.trim()).toBe(`Deleted dataset ${id} 'used' and its files; 2 runs (${runIds.join(', ')}) trained on it: they keep their results, curves, checkpoints and exported files, but Try it, knockouts, gate reports and resume need the data and will stop working`);
    expect(existsSync(cachePath)).toBe(false);
    const lab = await openLabDatasets(labPaths(home), { demos: false });
    try {
      expect(runIds.map((r) => lab.store.runs.get(r))).toEqual(runIds.map((r) => expect.objectContaining({ id: r, status: 'completed', datasetId: null })));
    } finally {
      lab.close();
    }
  });

  it('deletes a dataset no run used without asking', async () => {
    const { id, cachePath } = await datasetWithRuns('unused', 0);
    const r = gatelab('datasets', 'delete', String(id), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ dataset: id, deleted: true, runsUsing: [] });
    expect(existsSync(cachePath)).toBe(false);
  });
});
