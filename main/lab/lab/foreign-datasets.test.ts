// Datasets another process changes on the same lab home reach this lab as `datasets.changed` events
// (naming the dataset), so an open window lists a `gatelab import` without a reload. Two Labs on one
// home stand in for the app and the CLI: each has its own SQLite connection, as two processes would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportProgress } from '../../../common/lab-api';
import { Lab } from '../lab';
import { changedDatasets } from './foreign-datasets';

let dir: string;
let app: Lab;
let cli: Lab;
const changed: (string | null)[] = [];
const finished = new Map<string, ImportProgress>();

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function ok<T>(lab: Lab, channel: string, payload: unknown): Promise<T> {
  const reply = await lab.dispatch(channel, payload);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-foreign-datasets-'));
  const home = join(dir, 'home');
  app = await Lab.open({ home, face: 'test' });
  cli = await Lab.open({ home, face: 'test' });
  app.onEvent((e, d) => e === 'datasets.changed' && changed.push((d as { id: string | null }).id));
  cli.onEvent((e, d) => {
    const p = d as ImportProgress;
    if (e === 'import.progress' && p.phase !== 'parsing' && p.phase !== 'queued') finished.set(p.importId, p);
  });
});
afterAll(async () => {
  await cli.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('datasets changed by another process', () => {
  let id = '';

  it('an import there is announced here with the new dataset id, and listed', async () => {
    const before = (await ok<{ id: string }[]>(app, 'datasets.list', {})).map((d) => d.id);
    const file = join(dir, 'prices.csv');
    writeFileSync(file, 'x,y,price\n1,2,3.5\n2,3,4.5\n3,4,5.5\n4,5,6.5\n');
    const { importId } = await ok<{ importId: string }>(cli, 'datasets.import', { path: file });
    await until(() => finished.has(importId));
    expect(finished.get(importId)!.error).toBeNull();
    id = finished.get(importId)!.datasetId!;
    expect(before).not.toContain(id);
    await until(() => changed.includes(id));
    expect((await ok<{ id: string }[]>(app, 'datasets.list', {})).map((d) => d.id)).toContain(id);
  });

  it('a role edit there is announced with that dataset id', async () => {
    changed.length = 0;
    await ok(cli, 'datasets.setRoles', { id, roles: { price: 'target' } });
    await until(() => changed.includes(id));
  });

  it('a delete there is announced too, and the lab lists it no more', async () => {
    changed.length = 0;
    await ok(cli, 'datasets.remove', { id });
    await until(() => changed.includes(id));
    expect((await ok<{ id: string }[]>(app, 'datasets.list', {})).map((d) => d.id)).not.toContain(id);
  });

  it('a quiet lab announces nothing', async () => {
    changed.length = 0;
    await new Promise((r) => setTimeout(r, 2500));
    expect(changed).toEqual([]);
  });
});

describe('changedDatasets', () => {
  it('names datasets that appeared, went or changed, in id order, and not the unchanged', () => {
    const before = new Map([['2', 'a'], ['10', 'b'], ['3', 'c']]);
    const after = new Map([['2', 'a'], ['3', 'c2'], ['11', 'd']]);
    expect(changedDatasets(before, after)).toEqual(['3', '10', '11']);
    expect(changedDatasets(after, after)).toEqual([]);
  });
});
