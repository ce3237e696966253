// Refusals at the source (run-manager.ts, data-guard.ts, dataset-defaults.ts): what a newcomer typed on the
// demo data is refused before a run is queued (exit 2, no run stored) in words that name the fix, or trains;
// pause and cancel refuse a run that is not there or not in a state for it (2); a lab database that cannot be
// opened is the lab's failure (1), whatever the verb. In-process (testing/gatelab.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { openLabStore } from '../lab/store/index';
import { labPaths } from '../lab/home';
import { parseNewRunConfig } from '../../common/runs/new-run-config';

let home: string;
const CLICKS = 'Demo: click log (CTR)';
const FUSION = 'Demo: sensor + camera (fusion)';

beforeAll(async () => { home = await labHomeWithDemos(['recsys', 'fusion'], 'gatelab-refuse-'); }, 120_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

const runsInLab = async () => JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out) as Array<{ run: number; status: string; template?: string }>;

describe('gatelab train on the demo data: refused before queueing, or queued with the defaults the app uses', () => {
  it('mmoe on the click log (a click, no rating behind it): exit 2, the app\'s message, no run', async () => {
    const r = await gatelab(['train', '--home', home, '--dataset', CLICKS, '--template', 'mmoe', '--epochs', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/mmoe predicts the click and the rating behind it: .*target 'clicked' is a click, with no rating to learn: pick another template \(finalmlp, dnn, moe-dnn…\)/);
    expect(await runsInLab()).toEqual([]);
  });

  it('moe-fusion with router.experts that is not the number of modalities: exit 2 naming the field, no run', async () => {
    const r = await gatelab(['train', '--home', home, '--dataset', FUSION, '--template', 'moe-fusion', '--set', 'router.experts=2', '--epochs', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/model\.router\.experts: moe-fusion has one expert per modality, and Demo: sensor \+ camera \(fusion\) has 3 \(.*\), not 2: set router\.experts=3, or leave it out/);
    expect(await runsInLab()).toEqual([]);
  });

  it('a template field out of range (textBuckets=8): exit 2 naming the field and its range, no run (it failed at step 0)', async () => {
    const r = await gatelab(['train', '--home', home, '--dataset', FUSION, '--template', 'gmu', '--set', 'textBuckets=8', '--epochs', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/model\.textBuckets: 8 is out of range: template gmu takes a whole number from 16 to/);
    expect(await runsInLab()).toEqual([]);
  });

  it('moe-fusion without router.experts: queued with one expert per modality (it failed at step 0: "experts must equal ... (3), got 2")', async () => {
    const sweep = join(home, 'moe.json');
    // a sweep file queues through the same create as train; maxSteps keeps it to a few steps
    writeFileSync(sweep, JSON.stringify({ config: { model: { template: 'moe-fusion' }, data: { kind: 'dataset', datasetId: FUSION }, epochs: 1, maxSteps: 2, maxRowsPerEpoch: 256 }, seeds: 1 }));
    const r = await gatelab(['sweep', sweep, '--home', home, '--json']);
    expect(r.err).toBe('');
    const last = JSON.parse(r.out.trim().split('\n').at(-1)!) as { runs: Array<{ run: number; status: string }> };
    expect(last.runs.map((x) => x.status)).toEqual(['completed']);
    const store = openLabStore(labPaths(home).database);
    try {
      expect((store.runs.get(last.runs[0].run)!.config as { model: { router: { experts: number } } }).model.router.experts).toBe(3);
    } finally {
      store.close();
    }
    expect(r.code).toBe(0);
  }, 120_000);
});

describe('gatelab pause and cancel', () => {
  it('no such run, a finished run: exit 2 with the reason; nothing changes', async () => {
    const store = openLabStore(labPaths(home).database);
    const done = store.runs.create({ config: parseNewRunConfig({ epochs: 1, data: { kind: 'synthetic', samples: 256 } }), seed: 1 });
    store.runs.setStatus(done, 'completed', { step: 4 });
    store.close();
    for (const verb of ['pause', 'cancel']) {
      expect(await gatelab([verb, '999', '--home', home])).toMatchObject({ code: 2, err: `gatelab ${verb}: no run 999 in ${home} (gatelab runs lists them)\n` });
    }
    expect(await gatelab(['pause', String(done), '--home', home])).toMatchObject({ code: 2, err: `gatelab pause: run ${done} is completed: only queued or running runs can be paused\n` });
    expect(await gatelab(['cancel', String(done), '--home', home])).toMatchObject({ code: 2, err: `gatelab cancel: run ${done} is already completed\n` });
    expect((await runsInLab()).find((r) => r.run === done)?.status).toBe('completed');
  });
});

describe('a lab database that cannot be opened is a failure of the lab (exit 1)', () => {
  it('pause, cancel and train on a home whose gatelab.sqlite is not a database say so, with 1', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'gatelab-broken-'));
    try {
      writeFileSync(join(broken, 'gatelab.sqlite'), 'this is not a SQLite database, just text the length of a page'.repeat(100));
      for (const args of [['pause', '1'], ['cancel', '1'], ['train', '--epochs', '1'], ['train', '--dataset', 'anything', '--template', 'dlinear']]) {
        const r = await gatelab([...args, '--home', broken]);
        expect([args[0], r.code]).toEqual([args[0], 1]);
        expect(r.err).toMatch(/is damaged and cannot be opened/);
      }
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
