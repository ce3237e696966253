// A run or dataset whose stored row is damaged (a JSON column that does not parse) is left out of
// `gatelab runs` and `gatelab datasets`, named once on stderr with what says more; the others are listed as
// usual and --json's stdout stays JSON. And `datasets show` gives a '|' list column's tokens. In-process
// (testing/gatelab.ts), in a real temp lab home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { DEMO_VERSION } from '../lab/datasets/demo-install';

let home: string;
let good: number;
let broken: number;
let goodRun: number;
let brokenRun: number;
const GENRES = ['Action|Comedy', 'Drama', 'Action|Drama|Thriller', 'Comedy', 'Drama|Comedy'];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-damaged-cli-'));
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    lab.store.settings.set('demo.installedVersion', DEMO_VERSION); // no demos: `gatelab datasets` would install them
    writeFileSync(join(home, 'movies.csv'), 'x,genres\n' + Array.from({ length: 10 }, (_, i) => `${i},${GENRES[i % 5]}`).join('\n') + '\n');
    writeFileSync(join(home, 'sensors.csv'), 'a,b\n' + Array.from({ length: 10 }, (_, i) => `${i},${i * 2}`).join('\n') + '\n');
    good = (await lab.registry.importDataset(join(home, 'movies.csv'))).dataset.id;
    broken = (await lab.registry.importDataset(join(home, 'sensors.csv'))).dataset.id;
    lab.store.db.prepare(`UPDATE datasets SET import_options = '{"delimiter": ' WHERE id = ?`).run(broken);
    for (const which of ['good', 'broken'] as const) {
      const id = lab.store.runs.create({ config: { template: 'demo-gated' }, datasetId: good, seed: 1 });
      lab.store.runs.setStatus(id, 'cancelled');
      if (which === 'good') goodRun = id; else brokenRun = id;
    }
    lab.store.db.prepare(`UPDATE runs SET config = '{"template": ' WHERE id = ?`).run(brokenRun);
  } finally {
    lab.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('listings with a damaged row', () => {
  it('gatelab runs lists the readable runs and names the damaged one once on stderr', async () => {
    const listed = await gatelab(['runs', '--home', home, '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as Array<{ run: number }>).map((r) => r.run)).toEqual([goodRun]);
    expect(listed.err).toBe(`gatelab runs: run ${brokenRun}'s stored config is damaged: left out of the list; \`gatelab show ${brokenRun}\` says more\n`);
    const table = await gatelab(['runs', '--home', home]);
    expect([table.code, table.err.split('left out of the list').length - 1]).toEqual([0, 1]);
  });

  it('gatelab datasets lists the readable datasets and names the damaged one once on stderr', async () => {
    const listed = await gatelab(['datasets', '--home', home, '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as Array<{ id: number }>).map((d) => d.id)).toEqual([good]);
    expect(listed.err).toBe(`gatelab datasets: dataset ${broken}'s stored import_options is damaged: left out of the list; \`gatelab datasets show ${broken}\` says more\n`);
    const table = await gatelab(['datasets', '--home', home]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('movies');
    expect(table.out).not.toContain('sensors');
  });
});

describe("datasets show: a column of '|' lists", () => {
  it('gives its distinct tokens, tokens per row and the most in a row', async () => {
    const shown = await gatelab(['datasets', 'show', String(good), '--home', home]);
    expect(shown.code).toBe(0);
    // 2,1,3,1,2 tokens per row twice over: 1.80 per row; Action, Comedy, Drama, Thriller
    const line = shown.out.split('\n').find((l) => /\bgenres\b/.test(l));
    expect(line).toContain("5 distinct, 4 distinct tokens ('|'), 1.80 per row (max 3)");
  });
});
