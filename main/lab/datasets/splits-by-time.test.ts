// A stored chronological split of a ratings log (grouped by user, not sorted by time) is cut in time order,
// as a new run's default split is: the stored rows and the stored spec agree, and no test row is earlier
// than a training row (review: the stored split was by row order while runs said "by time"). A new ETT split
// on weekly data is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from './index';

let home: string;
let lab: LabDatasets;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-split-time-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('stored splits in time order', () => {
  it('chronological on a recommendation log orders rows by its time column; ETT on weekly data is refused', async () => {
    // 50 users × 8 ratings each, user by user; each user's times spread over the whole period
    const lines = ['user,item,ts,rating'];
    for (let u = 0; u < 50; u++) for (let k = 0; k < 8; k++) lines.push(`u${u},i${(u * 7 + k) % 30},${1_600_000_000 + ((u * 13 + k * 97) % 400) * 3600},${1 + ((u + k) % 5)}`);
    const file = join(home, 'ratings.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const { dataset } = await lab.registry.importDataset(file, { family: 'recsys', roles: { ts: 'time', rating: 'target' } });
    const split = await createSplit(lab.registry, dataset.id, 'by-time', { kind: 'chronological' });
    expect(split.spec).toMatchObject({ kind: 'chronological', timeColumn: 'ts' });
    const rows = lab.store.splits.get(split.id)!.assignment;
    const times = lines.slice(1).map((l) => Number(l.split(',')[2]));
    const part = (p: number) => times.filter((_, r) => rows[r] === p);
    expect(Math.max(...part(0))).toBeLessThanOrEqual(Math.min(...part(2)));

    const weekly = ['date,load', ...Array.from({ length: 600 }, (_, i) => `${new Date(Date.UTC(2010, 0, 4 + 7 * i)).toISOString().slice(0, 10)},${i % 13}`)];
    writeFileSync(join(home, 'weekly.csv'), weekly.join('\n') + '\n');
    const w = await lab.registry.importDataset(join(home, 'weekly.csv'), { family: 'forecasting' });
    await expect(createSplit(lab.registry, w.dataset.id, 'ett', { kind: 'ett' })).rejects.toThrow(/hourly and 15-minute data .*one row per 7 days/);
  });
});
