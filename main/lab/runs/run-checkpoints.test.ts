// Losing nothing when files and the database disagree, with real trainers and a real store: a checkpoint
// file whose row was never written (kill between rename and INSERT), a damaged newest checkpoint, every
// checkpoint damaged, a disk that fills while a checkpoint is written, and a run whose lab process died
// while another lab process is open.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestLab, waitNoTrainers, nextEvent } from './testing/lab-fixture';
import { RunManager } from './run-manager';

const small = { data: { kind: 'synthetic', samples: 2048 }, batchSize: 64, epochs: 3, keepCheckpoints: 2 } as const;
const homes: string[] = [];
const lab = () => {
  const l = openTestLab();
  homes.push(l.home);
  return l;
};
afterAll(async () => {
  for (const h of homes) expect(await waitNoTrainers(h)).toEqual([]);
});

/** Flips one byte in the middle of a file: same length, different content. */
const damage = (path: string) => {
  const b = readFileSync(path);
  b[b.length >> 1] ^= 0xff;
  writeFileSync(path, b);
};

describe('checkpoints on disk against the table', () => {
  it('registers a complete file the table missed, falls back past a damaged newest one, and fails saying so when all are damaged', async () => {
    const l = lab();
    try {
      const id = l.manager.create(small);
      expect((await l.manager.waitFor(id)).status).toBe('completed');
      const dir = join(l.paths.checkpoints, `run-${id}`);
      // best.ckpt is its own file: damage to an epoch file cannot reach it.
      expect(statSync(join(dir, 'best.ckpt')).nlink).toBe(1);
      // The kill landed after the rename of epoch 3 and before its row: the table knows epoch 2 only.
      const epoch3 = l.store.checkpoints.forRun(id).find((c) => c.kind === 'epoch' && c.epoch === 3)!;
      l.store.checkpoints.remove(epoch3.id);
      l.store.db.prepare(`UPDATE runs SET status = 'running' WHERE id = ?`).run(id);
      const next = new RunManager({ store: l.store, paths: l.paths });
      await next.close();
      const run = l.store.runs.get(id)!;
      expect(run.status).toBe('interrupted');
      expect(run.error).toMatch(/Resume continues from its last checkpoint, at step 96 \(after 3 full epochs\)\. Resume it: gatelab resume \d+$/);
      expect(l.store.checkpoints.forRun(id).find((c) => c.path === epoch3.path)).toMatchObject({ step: 96, epoch: 3, kind: 'epoch' });
      // The newest file is damaged: the previous one, named with it.
      damage(join(l.home, epoch3.path));
      const point = l.manager.resumePoint(id)!;
      expect(point.step).toBe(64);
      expect(point.note).toMatch(new RegExp(`checkpoint '${epoch3.path}' is damaged: its checksum is .*; resuming from the previous valid checkpoint .*epoch-00000002-step-00000064\\.ckpt \\(step 64\\)`));
      // Every one damaged: resume fails with a sentence, not a stack, and nothing is deleted.
      damage(join(dir, 'epoch-00000002-step-00000064.ckpt'));
      expect(() => l.manager.resumePoint(id)).toThrow(/^run \d+ cannot resume: every checkpoint it has is damaged \(.*epoch-00000003.*; .*epoch-00000002.*\)/);
      l.manager.resume(id);
      const failed = await l.manager.waitFor(id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/cannot resume: every checkpoint it has is damaged/);
      expect(readdirSync(dir).filter((f) => f.endsWith('.ckpt')).sort()).toEqual(['best.ckpt', 'epoch-00000002-step-00000064.ckpt', 'epoch-00000003-step-00000096.ckpt']);
    } finally {
      await l.close();
    }
  });

  it('a disk that fills while a checkpoint is written: temp file removed, run interrupted saying what to do, resume completes it', async () => {
    const l = lab();
    try {
      const id = l.manager.create(small);
      const pid = l.manager.trainerPid(id)!;
      // The trainer's temp file for its first epoch checkpoint is /dev/full: every write fails with ENOSPC.
      const target = join(l.paths.checkpoints, `run-${id}`, 'epoch-00000001-step-00000032.ckpt');
      symlinkSync('/dev/full', `${target}.tmp-${pid}`);
      const run = await l.manager.waitFor(id);
      expect(run.status).toBe('interrupted');
      expect(run.error).toBe(`could not write the checkpoint to ${target}: no space left on device (ENOSPC); free space and resume run ${id} (gatelab resume ${id})`);
      expect(readdirSync(join(l.paths.checkpoints, `run-${id}`)).filter((f) => f.includes('.tmp-'))).toEqual([]);
      l.manager.resume(id);
      expect((await l.manager.waitFor(id, ['completed', 'failed', 'interrupted'])).status).toBe('completed');
    } finally {
      await l.close();
    }
  });

  it('a lab that stays open notices within seconds that another lab process died while training a run', async () => {
    const l = lab();
    try {
      const id = l.store.runs.create({ config: small, seed: 1, name: null, groupId: null, priority: 0, providerRequested: 'cpu', datasetId: null });
      // Another lab process claimed it, trained a while, and was killed: its owner record names a dead pid.
      const dead = Number(execFileSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).trim());
      l.store.db.prepare(`UPDATE runs SET status = 'running', step = 40, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-10 seconds') WHERE id = ?`).run(id);
      writeFileSync(join(l.manager.files.dir(id), 'owner.json'), JSON.stringify({ pid: dead, since: new Date().toISOString() }));
      const t0 = Date.now();
      const e = await nextEvent(l.manager, (ev) => ev.type === 'status' && ev.runId === id);
      expect(Date.now() - t0).toBeLessThan(4000);
      expect(e).toMatchObject({ status: 'interrupted' });
      // plain words and the user's clock time (not "last update 2026-…Z, found at …Z"); the resume point, one step only
      expect(l.store.runs.get(id)!.error).toMatch(/^GateLab stopped while this run was training \(its last progress was at \d\d:\d\d:\d\d\)\. It had no checkpoint yet: resume restarts from step 0\. Resume it: gatelab resume \d+$/);
    } finally {
      await l.close();
    }
  });
});
