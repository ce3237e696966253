// Finding the resume point runs on the lab's main thread (the scheduler, the start-up check, `gatelab show`):
// with many checkpoints of a large model it must read whole only the file resume continues from, judging the
// others (best.ckpt, whose row is current in every run) by their header.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { RunFiles } from './run-files';
import { findResumePoint, readHeader } from './run-checkpoints';
import { encodeCheckpoint } from '../../../common/runs/checkpoint-format';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

const homes: string[] = [];
afterEach(() => { for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true }); });

const bytes = (runId: number, step: number) => Buffer.concat(encodeCheckpoint({
  header: { runId, step, epoch: step / 10, order: { epoch: step / 10, batch: 0 }, best: { metric: 1 / step, epoch: step / 10, step, badEpochs: 0 }, dtype: 'float32', size: 4, stateNames: ['m', 'v'], model: 'm', kind: 'epoch', createdAt: '2026-11-30T10:00:00Z' },
  params: new Float32Array(4).fill(step), state: { m: new Float32Array(4), v: new Float32Array(4) },
}));

describe('finding the resume point reads little', () => {
  it('reads whole only the newest epoch file of 50, not best.ckpt or the older ones', () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-reads-'));
    homes.push(home);
    const store = openLabStore(join(home, 'gatelab.sqlite'));
    try {
      const files = new RunFiles(join(home, 'checkpoints'), home);
      const id = store.runs.create({ config: {} });
      const dir = files.dir(id);
      for (let e = 1; e <= 50; e++) {
        const name = join(dir, `epoch-${String(e).padStart(8, '0')}-step-${String(e * 10).padStart(8, '0')}.ckpt`);
        writeFileSync(name, bytes(id, e * 10));
        store.checkpoints.add({ runId: id, step: e * 10, epoch: e, kind: 'epoch', path: files.toStored(name), bytes: null, metric: 1 / e });
      }
      writeFileSync(join(dir, 'best.ckpt'), bytes(id, 500));
      store.checkpoints.add({ runId: id, step: 500, epoch: 50, kind: 'best', path: files.toStored(join(dir, 'best.ckpt')), bytes: null, metric: 0.02 });
      const read = vi.mocked(fs.readFileSync);
      read.mockClear();
      expect(findResumePoint(store, files, id)).toMatchObject({ step: 500, kind: 'epoch' });
      expect(read.mock.calls.map((c) => String(c[0]))).toEqual([join(dir, 'epoch-00000050-step-00000500.ckpt')]);
    } finally {
      store.close();
    }
  });

  it('reads a header without the payload, and says why a file has none', () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-reads-'));
    homes.push(home);
    const whole = bytes(3, 20);
    writeFileSync(join(home, 'cut.ckpt'), whole.subarray(0, whole.length - 10)); // truncated payload: the header still reads
    expect(readHeader(join(home, 'cut.ckpt'), 'cut.ckpt')).toMatchObject({ header: { runId: 3, step: 20, stateNames: ['m', 'v'] } });
    writeFileSync(join(home, 'other.ckpt'), 'not a checkpoint');
    expect(readHeader(join(home, 'other.ckpt'), 'other.ckpt')).toEqual({ damage: "'other.ckpt' is not a GateLab checkpoint (bad magic)" });
    writeFileSync(join(home, 'short.ckpt'), whole.subarray(0, 20)); // cut inside the header
    expect(readHeader(join(home, 'short.ckpt'), 'short.ckpt')).toEqual({ damage: "checkpoint 'short.ckpt' is damaged: its header is not readable" });
  });
});
