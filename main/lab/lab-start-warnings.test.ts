// The app's Start (runs.start) answers with what the lab's data checks said without refusing: a forecasting
// file too short for a sound number of validation windows queues its runs, and the answer carries the
// warning once for all seeds; a file long enough carries none. Against a real lab (store, importer worker).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportProgress } from '../../common/lab-api';

type StartedRuns = { runIds: string[]; group: string | null; warnings?: string[] };
import { Lab } from './lab';

let dir: string;
let lab: Lab;
const done = new Map<string, ImportProgress>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-start-warnings-'));
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  lab.onEvent((e, d) => {
    const p = d as ImportProgress;
    if (e === 'import.progress' && ['done', 'failed'].includes(p.phase)) done.set(p.importId, p);
  });
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const reply = await lab.dispatch(channel, payload);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result as T;
}

/** An hourly load file of `rows` rows, imported; its dataset id. */
async function hourly(name: string, rows: number): Promise<string> {
  const lines = Array.from({ length: rows }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${(10 + Math.sin(i / 5)).toFixed(3)}`);
  writeFileSync(join(dir, `${name}.csv`), ['time,load', ...lines].join('\n'));
  const { importId } = await call<{ importId: string }>('datasets.import', { path: join(dir, `${name}.csv`) });
  for (const t0 = Date.now(); !done.has(importId); await new Promise((r) => setTimeout(r, 20))) if (Date.now() - t0 > 60_000) throw new Error('import timed out');
  const p = done.get(importId)!;
  if (!p.datasetId) throw new Error(`import failed: ${p.error}`);
  return p.datasetId;
}

const start = async (datasetId: string, seeds: number) => {
  const started = await call<StartedRuns>('runs.start', { template: 'dlinear', datasetId, config: { lookback: 24, horizon: 4, maxSteps: 1, batchSize: 16 }, seeds });
  for (const id of started.runIds) await call('runs.cancel', { id }).catch(() => {});
  return started;
};

describe('runs.start: the data checks\' warnings', () => {
  it('a short file: its runs are queued, and the answer warns once about its few validation windows', async () => {
    const started = await start(await hourly('short', 300), 2);
    expect(started.runIds).toHaveLength(2);
    expect(started.warnings).toHaveLength(1);
    expect(started.warnings![0]).toMatch(/^warning: only 27 validation windows \(early stopping and the best checkpoint rest on them; 30 or more is a sound minimum\)/);
  });

  it('a long enough file: no warnings', async () => {
    const started = await start(await hourly('long', 6000), 1);
    expect(started.runIds).toHaveLength(1);
    expect(started.warnings).toBeUndefined();
  });
});
