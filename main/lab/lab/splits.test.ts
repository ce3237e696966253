// The splits channels through Lab.dispatch against a real lab (temp home, real SQLite store, the demo
// datasets): a split created from the app has the same rows as the CLI's createSplit with the same spec
// and seed, it is listed with its counts, names follow the CLI's rule, and bad payloads name their field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Lab } from '../lab';
import { startServer } from '../../serve/server';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from '../datasets/index';
import type { CreatedSplit, DatasetSummary, SplitInfo } from '../../../common/lab-api';

const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { result: T }).result;
};
const failure = (r: unknown): { code: string; message: string } => {
  if ((r as { ok: boolean }).ok) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return (r as { error: { code: string; message: string } }).error;
};

let home: string;
let lab: Lab;
let fusion: DatasetSummary;
let forecasting: DatasetSummary;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-splits-api-'));
  lab = await Lab.open({ home, face: 'test' });
  const list = ok<DatasetSummary[]>(await lab.dispatch('datasets.list', {}));
  fusion = list.find((d) => d.family === 'fusion')!;
  forecasting = list.find((d) => d.family === 'forecasting')!;
});
afterAll(async () => {
  await lab.close();
  rmSync(home, { recursive: true, force: true });
});

describe('splits channels', () => {
  it('creates a stratified split with the same rows as the CLI’s createSplit, and lists it', async () => {
    const spec = { kind: 'stratified' as const, ratios: { train: 0.7, val: 0.1, test: 0.2 }, column: 'label', seed: 7 };
    const created = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: fusion.id, spec }));
    expect(created.replaced).toBeNull();
    expect(created.split).toMatchObject({ name: 'stratified', kind: 'stratified', seed: 7, datasetId: fusion.id });
    const c = created.split.counts;
    expect(c.train + c.val + c.test + c.unused).toBe(fusion.rows);
    expect(c.unused).toBe(0);

    // The CLI's path, on the same store, with the same spec and seed: the same row assignment.
    const ds: LabDatasets = await openLabDatasets(labPaths(home), { demos: false });
    try {
      const cli = await createSplit(ds.registry, Number(fusion.id), 'cli-copy', spec);
      expect({ ...c, unused: undefined }).toEqual({ ...cli.counts, unused: undefined });
      const ours = ds.store.splits.get(Number(created.split.id))!.assignment;
      const theirs = ds.store.splits.get(cli.id)!.assignment;
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    } finally {
      ds.close();
    }
    const listed = ok<SplitInfo[]>(await lab.dispatch('splits.list', { datasetId: fusion.id }));
    expect(listed.map((s) => s.name)).toEqual(['stratified', 'cli-copy']);
    expect(listed[0]).toEqual(created.split);
  });

  it('names splits as the CLI does: kind, kind-2; a given name in use is replaced, and said so', async () => {
    const spec = { kind: 'random' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 1 };
    const a = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: fusion.id, spec }));
    const b = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: fusion.id, spec }));
    expect([a.split.name, b.split.name]).toEqual(['random', 'random-2']);
    expect([a.split.counts.train, a.split.counts.val, a.split.counts.test]).toEqual([16_000, 2_000, 2_000]);
    const again = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: fusion.id, name: 'random', spec: { ...spec, seed: 2 } }));
    expect(again.replaced).toEqual({ id: a.split.id });
    const names = ok<SplitInfo[]>(await lab.dispatch('splits.list', { datasetId: fusion.id })).map((s) => s.name);
    expect(names.filter((n) => n === 'random')).toHaveLength(1);
  });

  it('refuses to replace a split that a run names (data.splitId), naming the run; nothing is replaced', async () => {
    const spec = { kind: 'random' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 5 };
    const used = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: fusion.id, name: 'held', spec }));
    const ds: LabDatasets = await openLabDatasets(labPaths(home), { demos: false });
    let runId: number;
    try {
      runId = ds.store.runs.create({ config: { model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: Number(fusion.id), splitId: Number(used.split.id) } } });
    } finally {
      ds.close();
    }
    const e = failure(await lab.dispatch('splits.create', { datasetId: fusion.id, name: 'held', spec: { ...spec, seed: 6 } }));
    expect(e.message).toBe(`splits.create: name: split 'held' (id ${used.split.id}) is used by run ${runId}; replacing it would cut that run off from its rows. Give the new split another name`);
    const listed = ok<SplitInfo[]>(await lab.dispatch('splits.list', { datasetId: fusion.id }));
    expect(listed.find((x) => x.name === 'held')!.id).toBe(used.split.id);
  });

  it('deletes a split no run names; refuses one a run names (data.splitId), naming the run; bad ids name the field', async () => {
    const spec = { kind: 'random' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 9 };
    const free = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: fusion.id, name: 'free', spec }));
    const kept = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: fusion.id, name: 'kept', spec }));
    expect(ok(await lab.dispatch('splits.delete', { datasetId: fusion.id, id: free.split.id }))).toEqual({ deleted: { id: free.split.id, name: 'free' } });
    let names = ok<SplitInfo[]>(await lab.dispatch('splits.list', { datasetId: fusion.id })).map((s) => s.name);
    expect(names).not.toContain('free');
    expect(names).toContain('kept');
    const again = failure(await lab.dispatch('splits.delete', { datasetId: fusion.id, id: free.split.id }));
    expect(again.code).toBe('not-found');
    expect(again.message).toMatch(new RegExp(`no split with id ${free.split.id}.*kept \\(id ${kept.split.id}\\)`));

    const ds: LabDatasets = await openLabDatasets(labPaths(home), { demos: false });
    let runId: number;
    try {
      runId = ds.store.runs.create({ config: { model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: Number(fusion.id), splitId: Number(kept.split.id) } } });
    } finally {
      ds.close();
    }
    const refused = failure(await lab.dispatch('splits.delete', { datasetId: fusion.id, id: kept.split.id }));
    expect(refused.code).toBe('invalid-payload');
    expect(refused.message).toBe(`splits.delete: split 'kept' (id ${kept.split.id}) is used by run ${runId}; deleting it would cut that run off from its rows (resume, Try it, analytics and export read them). Delete that run first, or keep the split`);
    names = ok<SplitInfo[]>(await lab.dispatch('splits.list', { datasetId: fusion.id })).map((s) => s.name);
    expect(names).toContain('kept');
    // a split of another dataset is not found through this one
    expect(failure(await lab.dispatch('splits.delete', { datasetId: forecasting.id, id: kept.split.id })).code).toBe('not-found');
    expect(failure(await lab.dispatch('splits.delete', { datasetId: fusion.id, id: 'x1' })).message).toMatch(/id: a split id is a whole number/);
  });

  it('creates the ETT split of the forecasting demo with its unused rows counted', async () => {
    const r = ok<CreatedSplit>(await lab.dispatch('splits.create', { datasetId: forecasting.id, spec: { kind: 'ett' } }));
    expect([r.split.counts.train, r.split.counts.val, r.split.counts.test]).toEqual([8640, 2880, 2880]);
    expect(r.split.counts.unused).toBe(forecasting.rows - 14_400);
    expect(r.split.seed).toBeNull();
  });

  it('refuses bad payloads naming the field', async () => {
    const bad = async (payload: unknown) => failure(await lab.dispatch('splits.create', payload));
    const ratios = { train: 0.8, val: 0.1, test: 0.1 };
    expect((await bad({ datasetId: fusion.id, spec: { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.2 }, seed: 1 } })).message).toMatch(/spec\.ratios: train \+ val \+ test must add up to 1/);
    expect((await bad({ datasetId: fusion.id, spec: { kind: 'random', ratios: { train: 0, val: 0.5, test: 0.5 }, seed: 1 } })).message).toMatch(/spec\.ratios\.train/);
    expect((await bad({ datasetId: fusion.id, spec: { kind: 'random', ratios, seed: 1.5 } })).message).toMatch(/spec\.seed/);
    expect((await bad({ datasetId: fusion.id, name: 'x'.repeat(61), spec: { kind: 'ett' } })).message).toMatch(/name: the name must have 1 to 60/);
    expect((await bad({ datasetId: fusion.id, spec: { kind: 'given', files: { train: 'a', test: 'b' } } })).message).toMatch(/spec\.kind/);
    expect((await bad({ datasetId: fusion.id, spec: { kind: 'ett', extra: 1 } })).message).toMatch(/extra/);
    expect((await bad({ datasetId: fusion.id, spec: { kind: 'stratified', ratios, column: 'visibility', seed: 1 } })).message).toMatch(/spec\.column: column 'visibility' is float/);
    expect((await bad({ datasetId: fusion.id, spec: { kind: 'leave-last-out', userColumn: 'nope', timeColumn: 'visibility' } })).message).toMatch(/spec\.userColumn: .*no column 'nope'/);
    const missing = await bad({ datasetId: '9999', spec: { kind: 'ett' } });
    expect(missing.code).toBe('not-found');
    expect(failure(await lab.dispatch('splits.list', { datasetId: fusion.id, x: 1 })).message).toMatch(/x/);
  });

  it('answers over serve mode’s WebSocket as through dispatch', async () => {
    const ui = join(home, 'ui');
    mkdirSync(ui, { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
    const server = await startServer({ lab, rendererDir: ui, port: 0 });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/lab?token=${server.token}`);
      await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
      const call = (message: unknown) => new Promise<{ ok: boolean; result?: SplitInfo[]; error?: { message: string } }>((resolve) => {
        ws.once('message', (data) => resolve(JSON.parse(String(data))));
        ws.send(JSON.stringify(message));
      });
      const listed = await call({ id: 1, channel: 'splits.list', payload: { datasetId: forecasting.id } });
      expect(listed.ok).toBe(true);
      expect(listed.result!.map((s) => s.name)).toEqual(['ett']);
      const bad = await call({ id: 2, channel: 'splits.create', payload: { datasetId: forecasting.id, spec: { kind: 'chronological', ratios: { train: 0.5, val: 0.5, test: 0 } } } });
      expect(bad.ok).toBe(false);
      expect(bad.error!.message).toMatch(/spec\.ratios\.test: test must be more than 0/);
      ws.close();
    } finally {
      await server.close();
    }
  });
});
