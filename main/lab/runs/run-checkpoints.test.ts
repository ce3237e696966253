// Losing nothing when files and the database disagree, with real trainers and a real store: a checkpoint
// file whose row was never written (kill between rename and INSERT), a damaged newest checkpoint, every
// checkpoint damaged (resume continues from best.ckpt, then from the previous epoch file; with none left the
// request is refused and the run waits, interrupted, for its files to be restored), a disk that fills while a checkpoint is written, and a run whose lab process died
// while another lab process is open.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestLab, waitNoTrainers, nextEvent } from './testing/lab-fixture';
import { RunManager } from './run-manager';
import { Refusal } from './refusal';

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
  it('registers a complete file the table missed, falls back past a damaged newest one, and refuses to resume when all are damaged', async () => {
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
      // The newest file is damaged: best.ckpt, the same epoch's weights with the full training state, is newer
      // than the previous epoch file, so resume continues from it, naming the damaged one.
      damage(join(l.home, epoch3.path));
      const bestRow = l.store.checkpoints.forRun(id).filter((c) => c.kind === 'best').at(-1)!;
      expect(bestRow.step).toBe(96); // validation improved in the last epoch (deterministic: fixed seed)
      const fromBest = l.manager.resumePoint(id)!;
      expect(fromBest).toMatchObject({ step: 96, kind: 'best', path: bestRow.path });
      expect(fromBest.note).toMatch(new RegExp(`checkpoint '${epoch3.path}' is damaged: its checksum is .*; resuming from ${bestRow.path} \\(step 96\\), the best checkpoint, which holds the full training state \\(parameters, optimizer state, data order\\): the newest other intact checkpoint, .*epoch-00000002-step-00000064\\.ckpt, is at step 64$`));
      // best.ckpt damaged too: the previous epoch file, named with both.
      damage(join(dir, 'best.ckpt'));
      const point = l.manager.resumePoint(id)!;
      expect(point.step).toBe(64);
      expect(point.note).toMatch(new RegExp(`checkpoint '${epoch3.path}' is damaged: its checksum is .*; resuming from the previous valid checkpoint .*epoch-00000002-step-00000064\\.ckpt \\(step 64\\)`));
      // Every one damaged (best.ckpt too): resume fails with a sentence, not a stack, and nothing is deleted.
      damage(join(dir, 'epoch-00000002-step-00000064.ckpt'));
      expect(() => l.manager.resumePoint(id)).toThrow(/^run \d+ cannot resume: every checkpoint it has is damaged \(.*epoch-00000003.*; .*epoch-00000002.*; .*best\.ckpt.*\)/);
      // the request is refused; the run stays interrupted (see the next test), nothing is deleted
      expect(() => l.manager.resume(id)).toThrow(/cannot resume: every checkpoint it has is damaged/);
      expect(l.store.runs.get(id)!.status).toBe('interrupted');
      expect(readdirSync(dir).filter((f) => f.endsWith('.ckpt')).sort()).toEqual(['best.ckpt', 'epoch-00000002-step-00000064.ckpt', 'epoch-00000003-step-00000096.ckpt']);
    } finally {
      await l.close();
    }
  });

  it('every checkpoint zeroed: resume is refused naming each file, the run stays interrupted, and resumes once they are restored', async () => {
    const l = lab();
    try {
      const id = l.manager.create({ ...small, epochs: 2 });
      expect((await l.manager.waitFor(id)).status).toBe('completed');
      // a kill after the last epoch checkpoint, before the run finished: interrupted at its next start
      l.store.db.prepare(`UPDATE runs SET status = 'running' WHERE id = ?`).run(id);
      await new RunManager({ store: l.store, paths: l.paths }).close();
      expect(l.store.runs.get(id)!.status).toBe('interrupted');
      const dir = join(l.paths.checkpoints, `run-${id}`);
      const names = readdirSync(dir).filter((f) => f.endsWith('.ckpt')).sort();
      expect(names).toEqual(['best.ckpt', 'epoch-00000001-step-00000032.ckpt', 'epoch-00000002-step-00000064.ckpt']);
      const originals = new Map(names.map((n) => [n, readFileSync(join(dir, n))]));
      for (const [n, bytes] of originals) writeFileSync(join(dir, n), Buffer.alloc(bytes.length));
      const before = l.store.runs.get(id)!;
      const pointsBefore = l.store.metrics.series(id, 'loss').steps.length;

      let refusal: unknown;
      try { l.manager.resume(id); } catch (e) { refusal = e; }
      expect(refusal).toBeInstanceOf(Refusal); // the CLI exits 2, the app shows the message
      const message = (refusal as Error).message;
      for (const n of names) expect(message).toContain(`checkpoints/run-${id}/${n}`); // best.ckpt judged and named too
      expect(message).not.toMatch(/export or inspect best\.ckpt/i); // it is zeroed: not offered as intact
      expect(message).toMatch(new RegExp(`^run ${id} cannot resume: every checkpoint it has is damaged \\(.*\\)\\. Nothing was deleted: restore these files .*, or start a new run with the same settings\\. The run stays interrupted: once its checkpoints are intact again, resume it: gatelab resume ${id}$`));
      // the run is as it was, its note saying why; its points and files stay
      const after = l.store.runs.get(id)!;
      expect(after).toMatchObject({ status: 'interrupted', step: before.step, epoch: before.epoch, error: message });
      expect(l.store.metrics.series(id, 'loss').steps.length).toBe(pointsBefore);
      for (const [n, bytes] of originals) expect(readFileSync(join(dir, n)).equals(Buffer.alloc(bytes.length))).toBe(true);
      // asked again: the same refusal, not "run N is failed"
      expect(() => l.manager.resume(id)).toThrow(/cannot resume: every checkpoint it has is damaged/);

      // restored from the backup: it resumes from its last checkpoint and completes
      for (const [n, bytes] of originals) writeFileSync(join(dir, n), bytes);
      l.manager.resume(id);
      const done = await l.manager.waitFor(id);
      expect(done.status).toBe('completed');
      expect(done.error).toBeNull();
    } finally {
      await l.close();
    }
  });

  it('a queued run whose every checkpoint is damaged goes back to interrupted, out of the queue, and the queue goes on', async () => {
    const l = lab();
    try {
      const id = l.manager.create({ ...small, epochs: 1 });
      expect((await l.manager.waitFor(id)).status).toBe('completed');
      const dir = join(l.paths.checkpoints, `run-${id}`);
      for (const n of readdirSync(dir).filter((f) => f.endsWith('.ckpt'))) writeFileSync(join(dir, n), Buffer.alloc(statSync(join(dir, n)).size));
      // queued for a resume (the queue claims it later, e.g. an app session that picks up an earlier queue)
      l.store.db.prepare(`UPDATE runs SET status = 'queued' WHERE id = ?`).run(id);
      const other = l.manager.create({ ...small, epochs: 1 });
      l.manager.run(id);
      const back = await l.manager.waitFor(id);
      expect(back.status).toBe('interrupted');
      expect(back.error).toMatch(new RegExp(`^run ${id} cannot resume: every checkpoint it has is damaged \\(.*best\\.ckpt.*\\)\\. .*\\. The run went back to interrupted: once its checkpoints are intact again, resume it: gatelab resume ${id}$`));
      expect((await l.manager.waitFor(other)).status).toBe('completed');
      expect(l.store.runs.list({ status: 'queued' })).toEqual([]);
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
