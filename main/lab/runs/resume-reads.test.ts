// One resume asks for the run's resume point three times (the manager's up-front check, the claim, the CLI's
// "resuming from" line), all on the lab's main thread: the checkpoint it continues from is read whole once,
// not three times. A file changed since it was checked (damaged in place, replaced) is read again and judged
// again. Real store and files in a temp home; the trainer is a stand-in that starts and waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type LabStore } from '../store/index';
import { labPaths, type LabPaths } from '../home';
import { RunManager } from './run-manager';
import { findResumePoint } from './run-checkpoints';
import { RunFiles } from './run-files';
import { encodeCheckpoint } from '../../../common/runs/checkpoint-format';
import type { TrainerExit, TrainerLauncher } from './trainer-process';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

/** A trainer that starts and waits (no messages), and ends when killed. */
const idle: TrainerLauncher = () => {
  const exits: Array<(e: TrainerExit) => void> = [];
  return { pid: undefined, send: () => {}, onMessage: () => {}, onExit: (l) => { exits.push(l); }, kill: () => { for (const l of exits) l({ code: null, signal: 'SIGKILL', stderrTail: '' }); } };
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

/** An interrupted run with one epoch checkpoint of `size` parameters (plus Adam's two state vectors). */
function interruptedRun(size: number): { store: LabStore; paths: LabPaths; id: number; file: string } {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-resume-reads-'));
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  cleanups.push(() => store.close());
  const id = store.runs.create({ config: {} });
  store.runs.setStatus(id, 'interrupted', { step: 100, epoch: 1 });
  mkdirSync(join(paths.checkpoints, `run-${id}`), { recursive: true });
  const stored = `checkpoints/run-${id}/epoch-00000001-step-00000100.ckpt`;
  const file = join(home, stored);
  writeFileSync(file, Buffer.concat(encodeCheckpoint({
    header: { runId: id, step: 100, epoch: 1, order: { epoch: 1, batch: 0 }, best: { metric: 0.5, epoch: 1, step: 100, badEpochs: 0 }, dtype: 'float32', size, stateNames: ['m', 'v'], model: 'm', kind: 'epoch', createdAt: '2026-12-01T00:00:00Z' },
    params: new Float32Array(size).fill(0.5), state: { m: new Float32Array(size), v: new Float32Array(size) },
  })));
  store.checkpoints.add({ runId: id, step: 100, epoch: 1, kind: 'epoch', path: stored, bytes: statSync(file).size, metric: null });
  return { store, paths, id, file };
}

const wholeReads = (file: string) => vi.mocked(fs.readFileSync).mock.calls.filter((c) => String(c[0]) === file).length;

describe('resuming a run reads its checkpoint once', () => {
  it('the up-front check, the claim and the "resuming from" line read the 12 MB file whole once between them', async () => {
    const { store, paths, id, file } = interruptedRun(1_000_000);
    expect(statSync(file).size).toBeGreaterThan(12_000_000);
    const m = new RunManager({ store, paths, poolSize: 2, launcher: idle });
    cleanups.push(() => m.close());
    vi.mocked(fs.readFileSync).mockClear();
    m.resume(id); // checks, queues, claims and starts it (gatelab resume's path)
    expect(store.runs.get(id)?.status).toBe('running');
    expect(m.resumePoint(id)).toMatchObject({ kind: 'epoch', step: 100 }); // the CLI's line
    expect(wholeReads(file)).toBe(1);
  });

  it('a file damaged or replaced after its check is read and judged again', () => {
    const { store, paths, id, file } = interruptedRun(64);
    const files = new RunFiles(paths.checkpoints, paths.home);
    vi.mocked(fs.readFileSync).mockClear();
    expect(findResumePoint(store, files, id)).toMatchObject({ step: 100 });
    expect(findResumePoint(store, files, id)).toMatchObject({ step: 100 });
    expect(wholeReads(file)).toBe(1);
    // zeroed in place at once: same inode and size, maybe the same clock tick
    writeFileSync(file, Buffer.alloc(statSync(file).size));
    expect(() => findResumePoint(store, files, id)).toThrow(`run ${id} cannot resume: every checkpoint it has is damaged ('checkpoints/run-${id}/epoch-00000001-step-00000100.ckpt' is not a GateLab checkpoint (bad magic))`);
    expect(wholeReads(file)).toBe(2);
  });
});
