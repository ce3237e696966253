// A queued run whose dataset row is damaged (its JSON changed outside GateLab) must not take the lab down
// when the queue reaches it: resolving its data threw LabUnavailable out of schedule(), uncaught in serve's
// and the app's microtask. The run leaves the queue back to interrupted with a note that names the dataset,
// what is damaged and the way out; the runs behind it start. A real SQLite lab in a temp home.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import type { TrainerExit, TrainerLauncher } from './trainer-process';

let home: string;
let lab: LabDatasets;
let manager: RunManager | undefined;
const started: string[] = [];

/** A trainer that starts and waits: records that it was launched, trains nothing. */
const idle: TrainerLauncher = (label) => {
  started.push(label);
  const exits: Array<(e: TrainerExit) => void> = [];
  return { pid: undefined, send: () => {}, onMessage: () => {}, onExit: (l) => { exits.push(l); }, kill: () => { for (const l of exits) l({ code: null, signal: 'SIGKILL', stderrTail: '' }); } };
};

async function datasetRun(name: string): Promise<{ dataset: number; run: number }> {
  const file = join(home, `${name}.csv`);
  writeFileSync(file, `x,y\n1,${name}\n2,3\n3,4\n`);
  const dataset = (await lab.registry.importDataset(file)).dataset.id;
  const run = lab.store.runs.create({ config: { data: { kind: 'dataset', datasetId: dataset }, epochs: 1 }, datasetId: dataset, priority: name === 'damaged' ? 5 : 1 });
  return { dataset, run };
}

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-unreadable-dataset-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  started.length = 0;
});
afterEach(async () => {
  await manager?.close();
  manager = undefined;
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const damage = (dataset: number) => lab.store.db.prepare('UPDATE datasets SET validation = ? WHERE id = ?').run('{', dataset);

describe('a queued run whose dataset row is damaged', () => {
  it('serve / the app: goes back to interrupted naming the dataset and the way out; the next run starts', async () => {
    const bad = await datasetRun('damaged');
    const good = await datasetRun('fine');
    damage(bad.dataset);
    manager = new RunManager({ store: lab.store, paths: labPaths(home), poolSize: 4, launcher: idle, resolveDataset: datasetResolver(lab.registry), takeAnyQueued: true });
    const settled = await manager.waitFor(bad.run);
    expect(settled.status).toBe('interrupted');
    expect(settled.error).toContain(`run ${bad.run} cannot start: its dataset ${bad.dataset} cannot be read (Corrupt JSON in datasets.validation of dataset ${bad.dataset} (`);
    expect(settled.error).toContain(`The run went back to interrupted; nothing was deleted. Once dataset ${bad.dataset}'s row is restored (the lab database from a backup), resume it: gatelab resume ${bad.run}`);
    // the run behind it (lower priority) was started, and only it
    expect(lab.store.runs.get(good.run)!.status).toBe('running');
    expect(started).toHaveLength(1);
    expect(manager.isLive(bad.run)).toBe(false);
    // the lab keeps working: a later queue pass does not trip over the run again
    expect(() => manager!.schedule()).not.toThrow();
  });

  it('the CLI (gatelab resume): run() does not throw, the run settles interrupted, and resumes once the row is restored', async () => {
    const bad = await datasetRun('damaged');
    const validation = (lab.store.db.prepare('SELECT validation FROM datasets WHERE id = ?').get(bad.dataset) as { validation: string }).validation;
    damage(bad.dataset);
    manager = new RunManager({ store: lab.store, paths: labPaths(home), poolSize: 1, launcher: idle, resolveDataset: datasetResolver(lab.registry), takeAnyQueued: false });
    expect(() => manager!.run(bad.run)).not.toThrow();
    expect((await manager.waitFor(bad.run)).status).toBe('interrupted');
    expect(started).toHaveLength(0);
    // the row restored: Resume starts its trainer
    lab.store.db.prepare('UPDATE datasets SET validation = ? WHERE id = ?').run(validation, bad.dataset);
    manager.resume(bad.run);
    expect(lab.store.runs.get(bad.run)!.status).toBe('running');
    expect(started).toHaveLength(1);
  });
});
