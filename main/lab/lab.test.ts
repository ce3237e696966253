// The Lab facade with a real store in a temp home: every channel survives fuzzed payloads with a
// clear error; uploads land inside the lab home whatever the file name; settings persist; parts
// not built yet say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUEST_CHANNELS, REQUESTS } from '../../common/lab-api';
import { Lab } from './lab';
import type { DatasetsPort } from './lab/datasets-port';

let home: string;
let lab: Lab;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-lab-'));
  lab = await Lab.open({ home, face: 'test' });
});
afterAll(async () => {
  await lab.close();
  rmSync(home, { recursive: true, force: true });
});

const GARBAGE: unknown[] = [
  42, 'text', [], [1, 2], true,
  { id: 123 }, { id: '' }, { id: 'x'.repeat(10_000) }, { offset: -1 }, { limit: 1e9 },
  { path: 12 }, { uploadId: null }, { data: { nested: [] } }, { seeds: 1000 }, { ids: [] },
  JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } },
  { threads: 'many' }, { executionProvider: 'tpu' },
];

describe('LabApi fuzzing: every channel, bad payloads', () => {
  it('answers each with a well-formed reply, rejects what fails the schema, and keeps working', async () => {
    for (const channel of REQUEST_CHANNELS) {
      for (const payload of GARBAGE) {
        const reply = await lab.dispatch(channel, payload);
        expect(reply, `${channel} ${JSON.stringify(payload)?.slice(0, 60)}`).toHaveProperty('ok');
        const valid = REQUESTS[channel].payload.safeParse(payload).success;
        if (!valid) {
          expect(reply.ok).toBe(false);
          expect(!reply.ok && reply.error.code).toBe('invalid-payload');
          expect(!reply.ok && reply.error.message.startsWith(`${channel}: invalid payload`)).toBe(true);
        } else if (!reply.ok) {
          expect(['not-found', 'not-available', 'invalid-payload', 'too-large']).toContain(reply.error.code);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await lab.dispatch('system.info', {})).ok).toBe(true);
  });

  it('refuses channels outside the map, including prototype names', async () => {
    for (const c of ['toString', '__proto__', 'constructor', 'runs', 'datasets.list.extra', 42, null]) {
      const r = await lab.dispatch(c, {});
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('unknown-channel');
    }
  });
});

describe('uploads', () => {
  it('keeps a hostile file name inside the lab home and cleans up on cancel', async () => {
    const begin = await lab.dispatch('import.begin', { name: '../../../etc/passwd', size: 4 });
    expect(begin.ok).toBe(true);
    const uploadId = begin.ok ? (begin.result as { uploadId: string }).uploadId : '';
    const folder = join(home, 'uploads', `${process.pid}-${uploadId}`); // <pid>-<id>: the start-up sweep keeps live labs' folders
    expect(readdirSync(folder)).toEqual(['passwd']);
    const outOfOrder = await lab.dispatch('import.chunk', { uploadId, offset: 2, data: 'AAA=' });
    expect(!outOfOrder.ok && outOfOrder.error.message).toContain('send chunks in order');
    const tooMuch = await lab.dispatch('import.chunk', { uploadId, offset: 0, data: Buffer.from('12345').toString('base64') });
    expect(!tooMuch.ok && tooMuch.error.code).toBe('too-large');
    const early = await lab.dispatch('import.finish', { uploadId });
    expect(!early.ok && early.error.message).toContain('incomplete: 0 of 4 bytes');
    expect((await lab.dispatch('import.cancel', { importId: uploadId })).ok).toBe(true);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('settings and missing parts', () => {
  it('persists settings across a reopen of the lab', async () => {
    const set = await lab.dispatch('settings.set', { threads: 2, theme: 'dark' });
    expect(set).toMatchObject({ ok: true, result: { threads: 2, theme: 'dark', executionProvider: 'auto' } });
    const again = await Lab.open({ home, face: 'test', datasets: undefined });
    expect(await again.dispatch('settings.get', {})).toMatchObject({ ok: true, result: { threads: 2, theme: 'dark' } });
    await again.close();
  });

  it('answers runs channels through the run manager', async () => {
    expect(await lab.dispatch('runs.list', {})).toEqual({ ok: true, result: [] });
    const missing = await lab.dispatch('runs.get', { id: '999' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const info = await lab.dispatch('system.info', {});
    expect(info.ok && (info.result as { unavailable: string[] }).unavailable).not.toContain('runs');
  });

  it('sizes a configured template: parameters, and FLOPs per step that scale with the batch', async () => {
    const cfg = { lookback: 96, horizon: 24, channels: 7 };
    const a = await lab.dispatch('models.size', { template: 'tsmixer-gated', config: { ...cfg, batchSize: 32 } });
    const b = await lab.dispatch('models.size', { template: 'tsmixer-gated', config: { ...cfg, batchSize: 64 } });
    const sa = a.ok ? (a.result as { params: number; flopsPerStep: number }) : null;
    const sb = b.ok ? (b.result as { params: number; flopsPerStep: number }) : null;
    expect(sa!.params).toBeGreaterThan(1000);
    expect(sb!.params).toBe(sa!.params);
    expect(sb!.flopsPerStep).toBe(2 * sa!.flopsPerStep);
    const bad = await lab.dispatch('models.size', { template: 'dlinear', config: { kernel: 24 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(!bad.ok && bad.error.message).toContain('kernel');
  });

  it('lists every template with its gates and JSON Schema, and the gate kinds', async () => {
    const t = await lab.dispatch('templates.list', {});
    const list = t.ok ? (t.result as { id: string; gates: string[]; schema: { properties: Record<string, unknown> } }[]) : [];
    expect(list.map((x) => x.id)).toContain('tsmixer-gated');
    const tsm = list.find((x) => x.id === 'tsmixer-gated')!;
    expect(tsm.gates).toEqual(['gate']);
    expect(tsm.schema.properties.gate).toBeTruthy();
    const g = await lab.dispatch('gates.list', {});
    expect(g.ok && (g.result as { kind: string }[]).map((k) => k.kind)).toContain('topk-router');
  });
});

describe("other processes' datasets", () => {
  it('are watched from the moment the lab opens, announced as datasets.changed, and no more once it closes', async () => {
    const calls: string[] = [];
    let report: ((id: string) => void) | undefined;
    const datasets: DatasetsPort = {
      list: () => [], get: () => { throw new Error('none'); }, preview: () => { throw new Error('none'); },
      setRoles: () => { throw new Error('none'); }, remove: () => undefined,
      importFile: () => Promise.reject(new Error('no imports here')),
      watchForeign: (onChange) => { calls.push('watch'); report = onChange; return () => calls.push('stop'); },
      close: () => calls.push('close'),
    };
    const watched = await Lab.open({ home: join(home, 'watched'), face: 'test', datasets });
    const events: unknown[] = [];
    watched.onEvent((e, d) => events.push([e, d]));
    expect(calls).toEqual(['watch']); // once, by the lab itself: no import needed to start it
    report!('7');
    expect(events).toEqual([['datasets.changed', { id: '7' }]]);
    await watched.close();
    expect(calls).toEqual(['watch', 'stop', 'close']); // stopped before the store closes under it
  });
});
