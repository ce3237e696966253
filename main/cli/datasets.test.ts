// `gatelab datasets show|roles|types|rename|split|delete` with --home, as a user types them. `datasets show`
// runs once as a real process (what a shell sees); the rest call the CLI in-process (testing/gatelab.ts).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { rmSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { DEMO_VERSION } from '../lab/datasets/demo-install';
import { gatelab as cli, gatelabProcess, type CliOutput } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
let id: number;
let cachePath: string;

const output = (r: CliOutput) => ({ code: r.code, stdout: r.out, stderr: r.err });
const gatelab = async (...args: string[]) => output(await cli([...args, '--home', home]));
const gatelabInAProcess = (...args: string[]) => output(gatelabProcess([...args, '--home', home]));

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-cli-datasets-'); // had its first start: no demos to install
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  const { dataset } = await lab.registry.importDataset('/work/shared/data/forecasting/ETTh1.csv');
  ({ id, cachePath } = dataset);
  lab.close();
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab datasets', () => {
  it('split --kind ett stores 8,640 / 2,880 / 2,880 and show lists it', async () => {
    const split = await gatelab('datasets', 'split', String(id), '--kind', 'ett', '--json');
    expect(split.stderr).toBe('');
    expect(JSON.parse(split.stdout)).toMatchObject({ name: 'ett', counts: { train: 8640, val: 2880, test: 2880 } });
    // a second split without --name gets its own name: the first (which runs may name by id) stays
    const again = JSON.parse((await gatelab('datasets', 'split', String(id), '--kind', 'ett', '--json')).stdout);
    expect(again.name).toBe('ett-2');
    // the text output says how a run uses it (runs take the family's default split unless they name one)
    const third = await gatelab('datasets', 'split', String(id), '--kind', 'ett');
    expect(third.stdout).toMatch(new RegExp(`train on it: gatelab train --dataset ${id} --template T --set data\\.splitId=\\d+`));
    const show = gatelabInAProcess('datasets', 'show', 'ETTh1'); // by name, in a real process
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Split 'ett' \(id \d+\): 8,640 train \/ 2,880 val \/ 2,880 test/);
    expect(show.stdout).toMatch(/Split 'ett-2' \(id \d+\)/);
    // naming an existing split replaces it, and says so
    const replace = await gatelab('datasets', 'split', String(id), '--kind', 'chronological', '--name', 'ett-2');
    expect(replace.stdout).toMatch(/replaces split 'ett-2', id \d+/);
    expect(show.stdout).toMatch(/date\s+datetime\s+time\s+2016-07-01 00:00 \.\. 2018-06-26 19:00/);
  });

  it('roles sets a target and a modality group; a wrong role is refused with the list of roles', async () => {
    const r = await gatelab('datasets', 'roles', String(id), 'OT=target', 'HUFL=feature:high', '--json');
    expect(r.code).toBe(0);
    // --json prints the updated dataset as one JSON object, as show --json does
    expect(JSON.parse(r.stdout).columns.find((c: { name: string }) => c.name === 'OT').role).toBe('target');
    const shown = JSON.parse((await gatelab('datasets', 'show', String(id), '--json')).stdout);
    expect(shown.columns.find((c: { name: string }) => c.name === 'OT').role).toBe('target');
    expect(shown.columns.find((c: { name: string }) => c.name === 'HUFL').modality).toBe('high');
    const bad = await gatelab('datasets', 'roles', String(id), 'OT=label');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/'OT=label'.*target, time/);
  });

  it('an unknown dataset or split kind is a clear usage error (exit 2)', async () => {
    const r = await gatelab('datasets', 'show', '999');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No dataset '999'. Known datasets: \d+ \(ETTh1\)/);
    expect((await gatelab('datasets', 'split', String(id), '--kind', 'weird')).stderr).toMatch(/--kind must be one of ett, chronological/);
  });

  it('types re-parses ETTh1 with a column read as another type (its splits stay); a type the values do not fit is refused with the count; rename', async () => {
    const typed = await gatelab('datasets', 'types', String(id), 'HUFL=categorical', '--json');
    expect(typed.stderr).toBe('');
    const out = JSON.parse(typed.stdout);
    expect(out.changed).toEqual([{ column: 'HUFL', from: 'float', to: 'categorical' }]);
    expect(out).toMatchObject({ rows: 17_420 });
    expect(out.columns.find((c: { name: string }) => c.name === 'OT').role).toBe('target'); // roles kept
    const bad = await gatelab('datasets', 'types', String(id), 'HUFL=inferred', 'date=int');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/column 'date' cannot be int: 17,420 of 17,420 values do not read as int, e\.g\. line 2: '2016-07-01 00:00:00'.*--on-invalid drop/);
    expect((await gatelab('datasets', 'types', String(id), 'HUFL=inferred')).stdout).toContain("'HUFL' is now float (was categorical)");
    const renamed = await gatelab('datasets', 'rename', String(id), 'ETT hourly');
    expect(renamed.stdout.trim()).toBe(`Dataset ${id} is now 'ETT hourly'`);
    expect((await gatelab('datasets', 'show', 'ETT hourly')).stdout).toContain(`Dataset ${id} 'ETT hourly'`);
  });

  it('the list shows a dash for an imported dataset\'s family, explained under the table, and a demo\'s family', async () => {
    const lab = await openLabDatasets(labPaths(home), { demos: false });
    try {
      lab.store.settings.set('demo.installedVersion', DEMO_VERSION); // this test is about the table, not the demos
      const file = join(home, 'made-for-fusion.csv');
      writeFileSync(file, 'a,b,label\n1,2,0\n3,4,1\n5,6,0\n');
      await lab.registry.importDataset(file, { family: 'fusion' });
    } finally {
      lab.close();
    }
    const r = await gatelab('datasets');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+rows\s+cols\s+format\s+family\s+source$/);
    expect(lines.find((l) => l.includes('ETTh1.csv'))).toMatch(/\s—\s+ETTh1\.csv$/);
    expect(lines.find((l) => l.includes('made-for-fusion.csv'))).toMatch(/\sfusion\s+made-for-fusion\.csv$/);
    expect(lines.at(-1)).toBe('family —: an imported file, made for no model family (only the demos are): any family its columns fit trains on it (forecasting: numeric columns over time; recsys: categorical fields and a target; fusion: a target and feature columns)');
  });

  it("roles prints the hints of the roles it set: the multi-hot hint for a '|'-list column goes once the column is multi-hot", async () => {
    const tokens = ['Action', 'Comedy', 'Drama', 'Horror', 'Romance', 'War'];
    const rows = ['movie,genres,rating'];
    for (let i = 0; i < 300; i++) rows.push(`${i},${tokens[i % 6]}|${tokens[Math.floor(i / 6) % 6]}${i % 4 ? `|${tokens[Math.floor(i / 36) % 6]}` : ''},${1 + (i % 5)}`);
    const file = join(home, 'ml-genres.csv');
    writeFileSync(file, rows.join('\n'));
    const imported = JSON.parse((await gatelab('import', file, '--name', 'ml-genres', '--json')).stdout);
    // both ways, the app's and the command line's, with the dataset's id in the command (the importer wrote "ID")
    const hint = new RegExp(`For recommendation models give it the multi-hot role, one feature of its tokens \\(in the app: Datasets → Schema → that column's Role → multi-hot; on the command line: gatelab datasets roles ${imported.id} 'genres=multi-hot'\\)`);
    expect((await gatelab('datasets', 'show', 'ml-genres')).stdout).toMatch(hint); // the import's advice, while it applies
    const set = await gatelab('datasets', 'roles', 'ml-genres', 'genres=multi-hot', 'rating=target');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/genres\s+categorical\s+multi-hot/);
    expect(set.stdout).not.toMatch(hint);
    expect((await gatelab('datasets', 'show', 'ml-genres')).stdout).not.toMatch(hint);
    expect(JSON.parse((await gatelab('datasets', 'show', 'ml-genres', '--json')).stdout).issues.map((i: { message: string }) => i.message).join('\n')).not.toMatch(hint);
    // back to categorical: the advice applies again
    expect((await gatelab('datasets', 'roles', 'ml-genres', 'genres=categorical')).stdout).toMatch(hint);
    expect(imported.id).toBeGreaterThan(0);
  });

  it('delete removes the dataset and its files', async () => {
    expect((await gatelab('datasets', 'delete', String(id))).code).toBe(0);
    expect(existsSync(cachePath)).toBe(false);
    expect((await gatelab('datasets', 'show', String(id))).code).toBe(2);
  });
});
