import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync, truncateSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCheckpoint, writeCheckpoint, type CheckpointData } from './checkpoint-file';
import { DataOrder } from './data-order';
import { encodeCheckpoint } from '../../common/runs/checkpoint-format';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-ckpt-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sample = (step: number, dtype: 'float32' | 'float64' = 'float32'): CheckpointData => {
  const A = dtype === 'float64' ? Float64Array : Float32Array;
  return {
    header: { runId: 3, step, epoch: 2, order: { epoch: 2, batch: 5 }, best: { metric: 0.25, epoch: 1, step: 10, badEpochs: 1 },
      dtype, size: 5, stateNames: ['m', 'v'], model: 'gated-moe(ü)', kind: 'epoch', createdAt: 'now' },
    params: A.from([1, -2, 3.5, 1e-30, Math.PI]),
    state: { m: A.from([0, 1, 2, 3, 4]), v: A.from([5, 6, 7, 8, 9]) },
  };
};

describe('checkpoint files', () => {
  it('round-trip params, optimizer state, order and best-so-far exactly (float32 and float64)', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const path = join(dir, `${dtype}.ckpt`);
      const c = sample(7, dtype);
      const bytes = writeCheckpoint(path, c);
      expect(bytes).toBe(readFileSync(path).length);
      const back = readCheckpoint(path);
      expect(back.header).toEqual({ ...c.header, checksum: expect.stringMatching(/^fnv1a32:[0-9a-f]{8}$/) });
      expect(Array.from(back.params)).toEqual(Array.from(c.params));
      expect(Array.from(back.state.v)).toEqual(Array.from(c.state.v));
      expect(back.params).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
    }
  });

  it('replaces the previous file atomically and leaves no temp file behind', () => {
    const path = join(dir, 'best.ckpt');
    writeCheckpoint(path, sample(1));
    writeCheckpoint(path, sample(2));
    expect(readCheckpoint(path).header.step).toBe(2);
    expect(readdirSync(dir)).toEqual(['best.ckpt']);
  });

  it('refuses a truncated or foreign file with a message naming it', () => {
    const path = join(dir, 'x.ckpt');
    writeCheckpoint(path, sample(1));
    truncateSync(path, readFileSync(path).length - 3);
    expect(() => readCheckpoint(path)).toThrow(/x\.ckpt' is truncated or damaged/);
    writeFileSync(path, 'hello world, not a checkpoint');
    expect(() => readCheckpoint(path)).toThrow(/not a GateLab checkpoint/);
  });

  it('detects one flipped payload byte by its checksum; a file from before checksums still loads', () => {
    const path = join(dir, 'x.ckpt');
    writeCheckpoint(path, sample(1));
    const bytes = readFileSync(path);
    bytes[bytes.length - 7] ^= 0x10; // inside the optimizer state: same length, different value
    writeFileSync(path, bytes);
    expect(() => readCheckpoint(path)).toThrow(/x\.ckpt' is damaged: its checksum is fnv1a32:[0-9a-f]{8}, the file says fnv1a32:/);
    // An old file: the same layout with no checksum in its header.
    const old = { ...sample(4), header: { ...sample(4).header, model: 'gated-moe' } };
    const parts = encodeCheckpoint(old);
    const header = new TextEncoder().encode(JSON.stringify(old.header));
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, header.length, true);
    writeFileSync(path, Buffer.concat([parts[0], len, header, ...parts.slice(3)]));
    expect(readCheckpoint(path).header).toEqual(old.header);
    writeFileSync(path, Buffer.concat([parts[0], len, header.map((b) => (b === 0x7b ? 0x28 : b)), ...parts.slice(3)]));
    expect(() => readCheckpoint(path)).toThrow(/x\.ckpt' is damaged: its header is not readable/);
  });

  it('a write that fails (disk full) removes its temp file and says where, why and what to do', () => {
    const path = join(dir, 'epoch-00000001-step-00000010.ckpt');
    // The temp file is a link to /dev/full: every write fails with ENOSPC, as on a full disk.
    symlinkSync('/dev/full', `${path}.tmp-${process.pid}`);
    expect(() => writeCheckpoint(path, sample(10))).toThrow(
      `could not write the checkpoint to ${path}: no space left on device (ENOSPC); free space and resume run 3 (gatelab resume 3)`);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync('/dev/full')).toBe(true);
    // A folder that does not exist: the message still names the path.
    expect(() => writeCheckpoint(join(dir, 'gone', 'x.ckpt'), sample(1))).toThrow(/could not write the checkpoint to .*gone\/x\.ckpt: ENOENT/);
  });
});

describe('data order', () => {
  it('each epoch is a permutation of the rows; the order from a saved state equals the uninterrupted order', () => {
    const full = new DataOrder(50, 8, 11);
    expect(full.stepsPerEpoch).toBe(6); // the partial last batch is dropped
    const seen: number[] = [];
    for (let e = 0; e < 3; e++) {
      const rows = [...full.take(2), ...full.take(4)];
      expect(new Set(rows).size).toBe(48);
      seen.push(...rows);
      full.nextEpoch();
    }
    // Interrupted after 1 epoch + 3 batches, restored from its two integers.
    const a = new DataOrder(50, 8, 11);
    a.take(6); a.nextEpoch(); a.take(3);
    const b = new DataOrder(50, 8, 11, { ...a.state });
    const rest = [...b.take(3)];
    b.nextEpoch();
    rest.push(...b.take(6));
    expect(rest).toEqual(seen.slice(48 + 24));
    // Different seeds, different orders.
    expect(Array.from(new DataOrder(50, 8, 12).take(1))).not.toEqual(seen.slice(0, 8));
  });

  it('refuses a batch larger than the data and a take past the epoch end', () => {
    expect(() => new DataOrder(4, 8, 1)).toThrow(/batch size 8 is larger than the 4 training rows/);
    expect(() => new DataOrder(16, 8, 1).take(3)).toThrow(/epoch has 2 left/);
  });
});
