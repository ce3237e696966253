// A lab that cannot do what was asked, through no fault of the request, exits 1 from every verb (README
// "Exit codes"), never 2: a lab database open read-only after its start-up check failed (a damaged page, as
// store/database.test.ts makes it), and a database row that is not JSON (store/json.ts). The words say what
// is wrong and what to do, and the file is left byte for byte as it was. Also: a taken name in a rename is a
// refusal (2) naming the dataset that has it. In-process (testing/gatelab.ts); no run trains here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { DEMO_VERSION } from '../lab/datasets/demo-install';
import { parseNewRunConfig } from '../../common/runs/new-run-config';

const homes: string[] = [];
afterAll(() => { for (const h of homes) rmSync(h, { recursive: true, force: true }); });

/** A home with dataset 1 'small' (x, flag, y) and run 1 with enough metrics that the middle of the file is theirs. */
async function labHome(): Promise<{ home: string; dataset: number; run: number; other: string }> {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-unavailable-'));
  homes.push(home);
  const file = join(home, 'small.csv');
  writeFileSync(file, 'x,flag,y\n1,0,1.5\n2,1,2.5\n3,1,3.5\n4,0,4.5\n');
  const other = join(home, 'other.csv');
  writeFileSync(other, 'a,b\n1,2\n3,4\n');
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    lab.store.settings.set('demo.installedVersion', DEMO_VERSION); // no demos: `gatelab datasets` would install them
    const { dataset } = await lab.registry.importDataset(file);
    const run = lab.store.runs.create({ config: parseNewRunConfig({ epochs: 1, data: { kind: 'synthetic', samples: 256 } }), seed: 1 });
    lab.store.runs.setStatus(run, 'paused', { step: 4 });
    lab.store.metrics.append(run, Array.from({ length: 20_000 }, (_, i) => ({ step: i, name: 'loss', value: 1 / (i + 1) })));
    return { home, dataset: dataset.id, run, other };
  } finally {
    lab.close();
  }
}

describe('a lab database open read-only (its integrity check failed): exit 1, not 2, and the file unchanged', () => {
  let home: string;
  let ids: { dataset: number; run: number; other: string };
  let database: string;
  let damaged: Buffer;
  beforeAll(async () => {
    ({ home, ...ids } = await labHome());
    database = labPaths(home).database;
    // damage one b-tree page in the middle of the file (header intact: SQLite still opens it, read-only)
    const pageSize = 4096;
    const fd = openSync(database, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(statSync(database).size / pageSize / 2) * pageSize);
    closeSync(fd);
    damaged = readFileSync(database);
  });

  it('datasets types and rename say so as import does (they exited 2); run verbs too', async () => {
    const failedCheck = `The lab database '${database}' failed its integrity check`;
    const writes: Array<[string[], string]> = [
      [['datasets', 'types', String(ids.dataset), 'flag=categorical'], `gatelab datasets: Cannot change types: ${failedCheck}`],
      [['datasets', 'rename', String(ids.dataset), 'renamed'], `gatelab datasets: Cannot rename: ${failedCheck}`],
      [['import', ids.other], `gatelab import: Cannot import: ${failedCheck}`],
      [['pause', String(ids.run)], `gatelab pause: ${failedCheck}`],
      [['cancel', String(ids.run)], `gatelab cancel: ${failedCheck}`],
      [['resume', String(ids.run)], `gatelab resume: ${failedCheck}`],
    ];
    for (const [args, said] of writes) {
      const r = await gatelab([...args, '--home', home]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 1]);
      expect(r.err).toContain(said);
      expect(r.err).toMatch(/--home DIR/); // the way out
    }
    // what is readable still reads (the run verbs that only read: read-only-lab.test.ts)
    const shown = await gatelab(['datasets', 'show', String(ids.dataset), '--home', home, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out)).toMatchObject({ id: ids.dataset, name: 'small' });
    expect(readFileSync(database).equals(damaged)).toBe(true);
  });
});

describe('a database row that is not JSON: exit 1 with where it is and what to do, also under refusing', () => {
  it('gatelab show, pause and the datasets actions (which turn what they throw into refusals)', async () => {
    const { home, dataset, run } = await labHome();
    const lab = await openLabDatasets(labPaths(home), { demos: false });
    lab.store.db.prepare('UPDATE runs SET config = ? WHERE id = ?').run('{"epochs": ', run);
    lab.store.db.prepare('UPDATE datasets SET validation = ? WHERE id = ?').run('{', dataset);
    lab.close();
    const before = readFileSync(labPaths(home).database);
    const runRow = `Corrupt JSON in runs.config of run ${run} (`;
    const datasetRow = `Corrupt JSON in datasets.validation of dataset ${dataset} (`;
    const cases: Array<[string[], string]> = [
      [['show', String(run)], `gatelab show: ${runRow}`],
      [['pause', String(run)], `gatelab pause: ${runRow}`],
      [['datasets', 'show', String(dataset)], `gatelab datasets: ${datasetRow}`],
      [['datasets', 'rename', String(dataset), 'renamed'], `gatelab datasets: ${datasetRow}`],
      [['datasets', 'types', String(dataset), 'flag=categorical'], `gatelab datasets: ${datasetRow}`],
    ];
    for (const [args, said] of cases) {
      const r = await gatelab([...args, '--home', home]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 1]);
      expect(r.err).toContain(said);
      expect(r.err).toContain('the lab database is damaged there');
      expect(r.err).toContain('Restore the lab database from a backup, or start a fresh lab');
    }
    expect(readFileSync(labPaths(home).database).equals(before)).toBe(true);
  });
});

describe('gatelab datasets rename: a name another dataset has is refused as import --name refuses it', () => {
  it('exit 2, naming the dataset that has it; both keep their names; its own name is fine', async () => {
    const { home, dataset, other } = await labHome();
    const second = JSON.parse((await gatelab(['import', other, '--home', home, '--json'])).out.trim().split('\n').at(-1)!) as { id: number; name: string };
    const r = await gatelab(['datasets', 'rename', String(second.id), 'small', '--home', home]);
    expect([r.code, r.err.trim()]).toEqual([2, `gatelab datasets: dataset ${dataset} is already named 'small', so dataset ${second.id} keeps the name 'other'. Choose another name, or rename dataset ${dataset} first (in the app, or gatelab datasets rename ${dataset} NEW_NAME)`]);
    const listed = JSON.parse((await gatelab(['datasets', '--home', home, '--json'])).out) as Array<{ id: number; name: string }>;
    expect(listed.map((d) => [d.id, d.name])).toEqual([[dataset, 'small'], [second.id, 'other']]);
    expect(await gatelab(['datasets', 'rename', String(dataset), 'small', '--home', home])).toMatchObject({ code: 0, out: `Dataset ${dataset} is now 'small'\n` });
  });
});
