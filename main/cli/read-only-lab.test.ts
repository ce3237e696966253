// A lab whose database failed its start-up check is open read-only, and its notice says "you can browse what
// is readable" (store/database.ts): the verbs that read runs (runs, show, export, which writes only its
// output file) work there and say the notice once on stderr; the verbs that write refuse with the notice,
// exit 1 (the lab's state, README "Exit codes"), never SQLite's raw "attempt to write a readonly database".
// The database file is left byte for byte as it was. In-process (testing/gatelab.ts); no run trains here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { addCheckpointedRun } from './testing/checkpointed-run';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { DEMO_VERSION } from '../lab/datasets/demo-install';

let home: string;
let database: string;
let damaged: Buffer;
let run: number;
let dataset: number;
let storedSplit: number;
const failedCheck = () => `The lab database '${database}' failed its integrity check`;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-read-only-'));
  const paths = labPaths(home);
  database = paths.database;
  writeFileSync(join(home, 'small.csv'), ['x,flag,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i % 2},${i + 0.5}`)].join('\n') + '\n');
  const lab = await openLabDatasets(paths, { demos: false });
  try {
    lab.store.settings.set('demo.installedVersion', DEMO_VERSION); // no demos: `gatelab datasets` would install them
    dataset = (await lab.registry.importDataset(join(home, 'small.csv'))).dataset.id;
    run = addCheckpointedRun(lab.store, paths, { template: 'demo-gated', inputs: 8, hidden: 8, experts: 2, expertHidden: 4 });
    // a table of filler rows that makes up the middle of the file, where the damage goes: the runs, their
    // metrics and the datasets stay readable (a damaged page they need fails the command: exit 1)
    lab.store.db.exec('CREATE TABLE filler (x TEXT)');
    const add = lab.store.db.prepare('INSERT INTO filler VALUES (?)');
    lab.store.db.transaction(() => { for (let i = 0; i < 2_000; i++) add.run('f'.repeat(200)); })();
    lab.store.metrics.append(run, [{ step: 8, name: 'loss', value: 0.5 }]);
  } finally {
    lab.close();
  }
  const split = await gatelab(['datasets', 'split', String(dataset), '--kind', 'random', '--seed', '1', '--home', home, '--json']);
  storedSplit = (JSON.parse(split.out) as { id: number }).id;
  // damage one b-tree page in the middle of the file (header intact: SQLite opens it, GateLab read-only)
  const pageSize = 4096;
  const fd = openSync(database, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(statSync(database).size / pageSize / 2) * pageSize);
  closeSync(fd);
  damaged = readFileSync(database);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('a lab open read-only: the verbs that read runs work, saying so once', () => {
  it('runs, show and export (to a writable folder) exit 0 with what they read; the notice once on stderr', async () => {
    const listed = await gatelab(['runs', '--home', home, '--json']);
    expect([listed.code, occurrences(listed.err, failedCheck())]).toEqual([0, 1]);
    expect(listed.err).toContain(`gatelab runs: ${failedCheck()}`);
    expect(JSON.parse(listed.out)).toMatchObject([{ run, status: 'completed' }]);

    const shown = await gatelab(['show', String(run), '--home', home, '--json']);
    expect([shown.code, occurrences(shown.err, failedCheck())]).toEqual([0, 1]);
    expect(JSON.parse(shown.out)).toMatchObject({ run, status: 'completed' });
    expect((await gatelab(['runs', 'show', String(run), '--home', home])).code).toBe(0);

    const out = join(home, 'model.onnx');
    const exported = await gatelab(['export', String(run), '--out', out, '--home', home, '--json']);
    expect([exported.code, occurrences(exported.err, failedCheck())]).toEqual([0, 1]);
    expect(JSON.parse(exported.out)).toMatchObject({ run, path: out, note: expect.stringContaining("the file is not in the lab's list of exports: the lab database is open read-only") });
    expect(existsSync(out)).toBe(true);

    // gatelab split only reads too: a stored split's rows as CSV
    const rows = await gatelab(['split', '--stored', String(storedSplit), '--home', home]);
    expect([rows.code, occurrences(rows.err, failedCheck())]).toEqual([0, 1]);
    expect(rows.out.split('\n')[0]).toBe('row,split');
    expect(rows.out.trim().split('\n')).toHaveLength(21);

    // a run the lab does not have is still "no such run" (2), not the lab's state
    expect(await gatelab(['show', '999', '--home', home])).toMatchObject({ code: 2, err: expect.stringContaining(`gatelab show: no run 999 in ${home} (gatelab runs lists them)`) });
    expect(readFileSync(database).equals(damaged)).toBe(true);
  });

  it('the run verbs that write refuse with the notice (exit 1)', async () => {
    for (const verb of ['pause', 'cancel', 'resume', 'delete']) {
      const r = await gatelab([verb, String(run), '--home', home]);
      expect([verb, r.code]).toEqual([verb, 1]);
      expect(r.err).toContain(`gatelab ${verb}: ${failedCheck()}`);
      expect(r.err).toMatch(/--home DIR/);
    }
    expect(readFileSync(database).equals(damaged)).toBe(true);
  });
});

describe('gatelab datasets on a lab open read-only', () => {
  it("roles, split and delete refuse with the lab's notice (exit 1), not SQLite's message; the dataset is still there", async () => {
    const cases: Array<[string[], string]> = [
      [['roles', String(dataset), 'y=target'], 'Cannot set roles'],
      [['split', String(dataset), '--kind', 'random'], 'Cannot store a split'],
      [['split', String(dataset), '--delete', 'random'], 'Cannot delete a split'],
      [['delete', String(dataset), '--yes'], 'Cannot delete a dataset'],
    ];
    for (const [args, what] of cases) {
      const r = await gatelab(['datasets', ...args, '--home', home]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 1]);
      expect(r.err).toContain(`gatelab datasets: ${what}: ${failedCheck()}`);
      expect(r.err).not.toMatch(/readonly database/);
      expect(occurrences(r.err, failedCheck())).toBe(1);
    }
    const shown = await gatelab(['datasets', 'show', String(dataset), '--home', home, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out)).toMatchObject({ id: dataset, name: 'small' });
    expect(readFileSync(database).equals(damaged)).toBe(true);
  });

  it('types says the notice once (it said it twice), exit 1', async () => {
    const r = await gatelab(['datasets', 'types', String(dataset), 'flag=categorical', '--home', home]);
    expect(r.code).toBe(1);
    expect(r.err.startsWith(`gatelab datasets: Cannot change types: ${failedCheck()}`)).toBe(true);
    expect(occurrences(r.err, failedCheck())).toBe(1);
  });
});
