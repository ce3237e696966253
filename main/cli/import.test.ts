// gatelab import / datasets with --home, as a user runs them. The import that is killed mid-file and the
// import after it are real child processes; the other commands call the CLI in-process (testing/gatelab.ts).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { gatelab as cli } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = '/work/shared/data';

interface Result { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function gatelabProcess(args: string[], env: NodeJS.ProcessEnv = {}, onStart?: (child: ReturnType<typeof spawn>) => void): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/gatelab.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onStart?.(child);
  });
}

async function gatelab(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  const r = await cli(args, env);
  return { code: r.code, signal: null, stdout: r.out, stderr: r.err };
}

let home: string;
// a lab that has had its first start (demos recorded, none generated): the command is not a new lab's first
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-cli-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

const importJson = async (file: string, extra: string[] = []) => {
  const r = await gatelab(['import', file, '--json', '--home', home, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1); // ONE JSON object
  return JSON.parse(r.stdout);
};

describe('gatelab import --json on the shared datasets', () => {
  it('ETTh1: 17,420 x 8 with a datetime time index', async () => {
    const j = await importJson(`${DATA}/forecasting/ETTh1.csv`);
    expect(j).toMatchObject({ rows: 17_420, created: true, name: 'ETTh1' });
    expect(typeof j.id).toBe('number');
    expect(j.columns).toHaveLength(8);
    expect(j.columns[0]).toMatchObject({ name: 'date', type: 'datetime', role: 'time' });
    expect(j.columns.slice(1).every((c: { type: string }) => c.type === 'float')).toBe(true);
    expect(j.issues).toEqual([]);
  });

  it('MovieLens u.data: tab-separated without header, 100,000 x 4; latin-1 u.item 1,682 x 24', async () => {
    const data = await importJson(`${DATA}/recsys/ml-100k/u.data`, ['--name', 'ratings']);
    expect(data).toMatchObject({ rows: 100_000, name: 'ratings', delimiter: '\t', hasHeader: false });
    expect(data.columns.map((c: { name: string; type: string }) => c.type)).toEqual(['int', 'int', 'int', 'int']);
    const item = await importJson(`${DATA}/recsys/ml-100k/u.item`); // not valid UTF-8: Windows-1252 (latin-1's superset) detected
    expect(item).toMatchObject({ rows: 1682, delimiter: '|', encoding: 'windows-1252' });
    expect(item.columns).toHaveLength(24);
  });

  it('clothing reviews: 23,486 x 11 with quoted multi-line text', async () => {
    const j = await importJson(`${DATA}/multimodal/womens_clothing_ecommerce_reviews.csv`, ['--target', 'Recommended IND']);
    expect(j.rows).toBe(23_486);
    expect(j.columns.find((c: { name: string }) => c.name === 'Recommended IND').role).toBe('target'); // --target sets the role
    expect(j.columns).toHaveLength(11);
    const type = (n: string) => j.columns.find((c: { name: string }) => c.name === n).type;
    expect(type('Review Text')).toBe('text');
    expect(type('Title')).toBe('text');
    expect(type('Age')).toBe('int');
  });

  // (a new lab's demos in that list: new-lab-demo-ids.test.ts; this home recorded them installed and made none)
  it('the same file again is the same dataset; `datasets --json` lists each once', async () => {
    const again = await importJson(`${DATA}/forecasting/ETTh1.csv`);
    expect(again.created).toBe(false);
    const r = await gatelab(['datasets', '--json'], { GATELAB_HOME: home });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ name: string; isDemo: boolean }>;
    expect(list.filter((d) => !d.isDemo).map((d) => d.name)).toEqual(['ETTh1', 'ratings', 'u.item', 'womens_clothing_ecommerce_reviews']);
    expect(list.filter((d) => d.isDemo)).toHaveLength(0);
  });

  it('a rejected file exits 2 with the line, the column and what was expected on stderr', async () => {
    const bad = join(home, 'prices.csv');
    writeFileSync(bad, 'day,price\n1,2.5\n2,abc\n3,4.0\n');
    const r = await gatelab(['import', bad, '--json', '--home', home, '--types', 'price=float']);
    expect(r.code).toBe(2);
    // --json: the refusal's JSON line alone on stdout, in stderr's words
    expect(JSON.parse(r.stdout)).toEqual({ command: 'import', status: 'error', error: r.stderr.trim().replace(/^gatelab import: /, '') });
    expect(r.stderr).toMatch(/line 3/);
    expect(r.stderr).toMatch(/price/);
    expect(r.stderr).toMatch(/abc/);
  });

  it('a header unlike all its data lines is refused naming line 1, without the --on-invalid flags (dropping would leave no rows)', async () => {
    const bad = join(home, 'rownames.csv');
    writeFileSync(bad, 'x,y\n"1",0.5,1.5\n"2",0.7,1.1\n');
    const r = await gatelab(['import', bad, '--home', home]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gatelab import: rejected rownames\.csv, line 1: the header has 2 fields \('x', 'y'\), but both lines read after it \(from line 2\) have 3: .* and import again\n$/);
    const short = join(home, 'short-row.csv');
    writeFileSync(short, 'x,y\n1,2\n3\n4,5\n');
    expect((await gatelab(['import', short, '--home', home])).stderr).toMatch(/line 3: expected 2 fields .* \(on the command line: --on-invalid drop or --on-invalid impute\)/);
  });
});

describe('gatelab import --encoding', () => {
  it('takes windows-1252 and the CJK encodings by their common names (cp1252, GBK); refuses others, listing them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-encoding-'));
    try {
      const file = join(dir, 'prices.csv');
      writeFileSync(file, Buffer.concat([Buffer.from('item;Preis\nTee;3,50 '), Buffer.from([0x80]), Buffer.from('\nKaffee;2,10 '), Buffer.from([0x80, 0x0a])]));
      const named = await importJson(file, ['--encoding', 'cp1252', '--name', 'prices']);
      expect(named).toMatchObject({ encoding: 'windows-1252', rows: 2 });
      const chinese = join(dir, 'sales.csv'); // 城市 (city), 北京 (Beijing) in GBK
      writeFileSync(chinese, Buffer.from([0xb3, 0xc7, 0xca, 0xd0, 0x2c, 0x6e, 0x0a, 0xb1, 0xb1, 0xbe, 0xa9, 0x2c, 0x31, 0x0a]));
      const gbk = await gatelab(['import', chinese, '--json', '--home', home, '--encoding', 'GBK']);
      expect(JSON.parse(gbk.stdout)).toMatchObject({ encoding: 'gb18030', columns: [{ name: '城市' }, { name: 'n' }] });
      const bad = await gatelab(['import', file, '--home', home, '--encoding', 'ascii']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--encoding must be one of utf-8, utf-16le, utf-16be, latin1, windows-1252 (or cp1252), gb18030 (or gbk, gb2312), shift_jis (or sjis, cp932), euc-kr, big5 (got 'ascii')");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('killing an import mid-file', () => {
  it('leaves no dataset row pointing at a missing cache, and the next import of the same file works', async () => {
    // the demos recorded as installed: what is killed is big.csv's import, not the demos a new lab imports first
    const killHome = await labHomeWithDemos([], 'gatelab-kill-');
    try {
      // ~40 MB of numbers: long enough to be caught mid-parse.
      const big = join(killHome, 'big.csv');
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++) lines.push(`${i},${(i * 0.5).toFixed(1)},${Math.sin(i).toFixed(6)},${Math.cos(i).toFixed(6)},${i % 7},${(i / 3).toFixed(4)}`);
      const chunk = Buffer.from(lines.join('\n') + '\n');
      const fd = openSync(big, 'w');
      writeSync(fd, 'a,b,c,d,e,f\n');
      for (let k = 0; k < 60; k++) writeSync(fd, chunk);
      closeSync(fd);

      let sawStaging = false;
      const r = await gatelabProcess(['import', big, '--home', killHome], {}, (child) => {
        const datasets = join(killHome, 'datasets');
        // Kill once the importer has written part of the columns into its staging folder: mid-file.
        const midFile = () => existsSync(datasets) && readdirSync(datasets).some((h) => readdirSync(join(datasets, h))
          .filter((n) => n.includes('.importing-'))
          .some((n) => readdirSync(join(datasets, h, n)).some((f) => f.endsWith('.bin') && statSync(join(datasets, h, n, f)).size > 0)));
        const poll = setInterval(() => {
          if (midFile()) {
            sawStaging = true;
            child.kill('SIGKILL');
            clearInterval(poll);
          }
        }, 5);
        child.on('close', () => clearInterval(poll));
      });
      expect(sawStaging).toBe(true);
      expect(r.signal).toBe('SIGKILL');

      const db = new Database(join(killHome, 'gatelab.sqlite'), { readonly: true });
      const rows = db.prepare('SELECT cache_dir FROM datasets').all() as Array<{ cache_dir: string }>;
      db.close();
      for (const row of rows) expect(existsSync(join(killHome, row.cache_dir, 'meta.json'))).toBe(true);
      expect(rows).toEqual([]);

      const next = await gatelabProcess(['import', big, '--json', '--home', killHome]);
      expect(next.code).toBe(0);
      expect(JSON.parse(next.stdout)).toMatchObject({ rows: 1_200_000, created: true });
      // the killed import's staging folder was swept
      const left = readdirSync(join(killHome, 'datasets')).flatMap((h) => readdirSync(join(killHome, 'datasets', h)));
      expect(left.filter((n) => n.includes('.importing-') || n.includes('.copying-'))).toEqual([]);
    } finally {
      rmSync(killHome, { recursive: true, force: true });
    }
  });
});
