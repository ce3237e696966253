// A new user whose first command is `gatelab import my.csv`: the demos are installed first, as the app,
// serve, `gatelab datasets` and `gatelab train` install them on a lab's first start, so they are datasets
// 1-3 whatever the first command was and the user's file is dataset 4. Before, import skipped them: the
// file became dataset 1 and the demos took 2-4 at the next command, so ids in README's examples misled.
// Likewise a first `gatelab sweep` whose file names a demo, as README's sweep example does, a first
// `gatelab train --config FILE` whose config names one (by name, as a sweep file may), and a first
// `gatelab datasets show NAME`.
// The seconds the install takes are said in one line on stderr (stdout stays the command's, JSON with --json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { DEMO_INSTALL_LINE } from '../lab/runs/cli-datasets';

const DEMOS = ['Demo: grid load (forecasting)', 'Demo: click log (CTR)', 'Demo: sensor + camera (fusion)'];
let dir: string;
let home: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-import-demo-ids-'));
  home = join(dir, 'lab'); // no lab there yet: the import is its first start
  writeFileSync(join(dir, 'my.csv'), ['visits,clicked', ...Array.from({ length: 30 }, (_, i) => `${i},${i % 3 === 0 ? 'yes' : 'no'}`)].join('\n') + '\n');
  writeFileSync(join(dir, 'second.csv'), ['a,b', ...Array.from({ length: 10 }, (_, i) => `${i},${i * 2}`)].join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gatelab import as the first command of a new lab', () => {
  it('installs the demos first: they are datasets 1-3 and the file is dataset 4', async () => {
    const r = await gatelab(['import', join(dir, 'my.csv'), '--home', home]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe("Imported dataset 4 'my'");
    // said while the demos install, on stderr only: the first import is not silent for those seconds
    expect(r.err.split('\n').filter((l) => l === DEMO_INSTALL_LINE)).toHaveLength(1);
    expect(r.out).not.toContain('demo datasets');
    const list = await gatelab(['datasets', '--json', '--home', home]);
    const datasets = JSON.parse(list.out) as { id: number; name: string; isDemo: boolean }[];
    expect(datasets.map((d) => [d.id, d.name, d.isDemo])).toEqual([...DEMOS.map((name, i) => [i + 1, name, true]), [4, 'my', false]]);
  }, 120_000);

  it('installs them once: the next import is dataset 5, and --json still prints one object', async () => {
    const r = await gatelab(['import', join(dir, 'second.csv'), '--json', '--home', home]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out)).toMatchObject({ id: 5, name: 'second', created: true });
    const list = JSON.parse((await gatelab(['datasets', '--json', '--home', home])).out) as { isDemo: boolean }[];
    expect(list.filter((d) => d.isDemo)).toHaveLength(3);
  }, 60_000);
});

describe('gatelab sweep as the first command of a new lab', () => {
  it('finds the demo its file names (README\'s sweep example): the click log is dataset 2', async () => {
    const file = join(dir, 'exp.json');
    // refused after the dataset is found (a split kind stored with the dataset): nothing trains on 100,000 rows
    writeFileSync(file, JSON.stringify({ seeds: 1, config: { model: { template: 'moe-dnn' }, data: { kind: 'dataset', datasetId: 'Demo: click log (CTR)', split: 'leave-last-out' }, epochs: 1 } }));
    const { code, err } = await gatelab(['sweep', file, '--home', join(dir, 'sweep-lab')]);
    expect(code).toBe(2);
    expect(err).not.toContain('No dataset');
    expect(err).toContain('a leave-last-out split is stored with the dataset first: gatelab datasets split 2 --kind leave-last-out');
    expect(err.split('\n')[0]).toBe(DEMO_INSTALL_LINE);
  }, 120_000);
});

describe('gatelab train --config as the first command of a new lab', () => {
  it('trains on the demo its config names, by name as a sweep file may; --json keeps stdout one JSON line', async () => {
    const file = join(dir, 'run.json');
    writeFileSync(file, JSON.stringify({ model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: 'Demo: grid load (forecasting)' }, epochs: 1, batchSize: 1024 }));
    const r = await gatelab(['train', '--config', file, '--json', '--home', join(dir, 'train-lab')]);
    expect(r.err).not.toContain('No dataset');
    expect(r.code).toBe(0);
    expect(r.err.split('\n')[0]).toBe(DEMO_INSTALL_LINE);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ run: 1, status: 'completed' });
    // the run stores the id (1: the grid load, installed first), as --dataset would have
    const show = JSON.parse((await gatelab(['show', '1', '--json', '--home', join(dir, 'train-lab')])).out) as { config: { data: { datasetId: unknown } } };
    expect(show.config.data.datasetId).toBe(1);
    // named as a --dataset run is (a config without "name" was listed as null)
    const [listed] = JSON.parse((await gatelab(['runs', '--json', '--home', join(dir, 'train-lab')])).out) as Array<{ name: unknown }>;
    expect(listed.name).toBe('dlinear on Demo: grid load (forecasting)');
  }, 180_000);

  it('a name the lab has no dataset of is refused (exit 2), listing the datasets; no run queued', async () => {
    const file = join(dir, 'typo.json');
    writeFileSync(file, JSON.stringify({ model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: 'Demo: grid lod' }, epochs: 1 }));
    const r = await gatelab(['train', '--config', file, '--home', join(dir, 'train-lab')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("No dataset 'Demo: grid lod'. Known datasets: 1 (Demo: grid load (forecasting))");
    expect(r.err).not.toContain(DEMO_INSTALL_LINE); // installed once, by the first command
    expect(JSON.parse((await gatelab(['runs', '--json', '--home', join(dir, 'train-lab')])).out)).toHaveLength(1);
  }, 60_000);
});

describe('gatelab datasets show as the first command of a new lab', () => {
  it('finds a demo by name, as README\'s examples name them', async () => {
    const r = await gatelab(['datasets', 'show', 'Demo: sensor + camera (fusion)', '--home', join(dir, 'show-lab')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Demo: sensor + camera (fusion)');
    expect(r.err.trim()).toBe(DEMO_INSTALL_LINE);
  }, 120_000);
});
