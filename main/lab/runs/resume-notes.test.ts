// A run that resumes past a damaged checkpoint keeps the note (real trainer, real store): the run's
// summary (the app's run row) says which checkpoint was skipped; an ablated run's summary says gates off
// (RunSummary.gatesOff, so the run table marks every such row, not only the selected one).
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestLab, waitNoTrainers } from './testing/lab-fixture';
import { openRunsPort } from './runs-port';
import { recordResumeNote, resumeNotes } from './resume-notes';

const small = { data: { kind: 'synthetic', samples: 2048 }, batchSize: 64, epochs: 3, keepCheckpoints: 2 } as const;

describe('resume notes', () => {
  it('a resume past a damaged newest checkpoint is kept with the run and shown in its summary', async () => {
    const l = openTestLab();
    try {
      const id = l.manager.create(small);
      expect((await l.manager.waitFor(id)).status).toBe('completed');
      const epoch3 = l.store.checkpoints.forRun(id).find((c) => c.kind === 'epoch' && c.epoch === 3)!;
      const b = readFileSync(join(l.home, epoch3.path));
      b[b.length >> 1] ^= 0xff;
      writeFileSync(join(l.home, epoch3.path), b);
      l.store.db.prepare(`UPDATE runs SET status = 'interrupted' WHERE id = ?`).run(id);
      expect(resumeNotes(l.store.settings)).toEqual({});
      l.manager.resume(id);
      expect((await l.manager.waitFor(id)).status).toBe('completed');
      const note = resumeNotes(l.store.settings)[String(id)];
      // best.ckpt (step 96, a copy of the damaged file) carries the full training state: resume continued from it
      expect(note).toMatch(new RegExp(`^checkpoint '${epoch3.path}' is damaged: .*; resuming from .*best\\.ckpt \\(step 96\\), the best checkpoint, which holds the full training state \\(parameters, optimizer state, data order\\): the newest other intact checkpoint, .*epoch-00000002-step-00000064\\.ckpt, is at step 64$`));
      const port = openRunsPort({ store: l.store, paths: l.paths });
      try {
        const [row] = await port.list();
        expect(row.resumeNote).toBe(note);
        expect(row.gatesOff).toBe(false);
        expect((await port.get(String(id))).resumeNote).toBe(note);
      } finally {
        await port.close();
      }
    } finally {
      await l.close();
    }
    expect(await waitNoTrainers(l.home)).toEqual([]);
  }, 60_000);

  it('marks a run whose gates were all off (an ablation) in its summary: every row, no config needed', async () => {
    const l = openTestLab();
    try {
      const ablated = l.store.runs.create({ config: { model: { template: 'gmu', gate: { kind: 'gmu', enabled: false } } } });
      const gated = l.store.runs.create({ config: { model: { template: 'gmu', gate: { kind: 'gmu' } } } });
      const half = l.store.runs.create({ config: { model: { template: 'finalmlp', gate1: { enabled: false } } } });
      l.store.db.prepare(`UPDATE runs SET status = 'completed'`).run();
      const port = openRunsPort({ store: l.store, paths: l.paths });
      try {
        const rows = await port.list();
        expect(Object.fromEntries(rows.map((r) => [r.id, r.gatesOff]))).toEqual({ [ablated]: true, [gated]: false, [half]: false });
        expect(rows.every((r) => r.resumeNote === null)).toBe(true);
      } finally {
        await port.close();
      }
    } finally {
      await l.close();
    }
  });

  it('keeps one note per run (the latest), and ignores a damaged value', () => {
    const m = new Map<string, unknown>();
    const table = { get: <T>(k: string, f: T) => (m.has(k) ? (m.get(k) as T) : f), set: (k: string, v: unknown) => void m.set(k, v) };
    recordResumeNote(table, 3, 'first');
    recordResumeNote(table, 4, 'other');
    recordResumeNote(table, 3, 'second');
    expect(resumeNotes(table)).toEqual({ 3: 'second', 4: 'other' });
    m.set('runs.resumeNotes', ['not', 'a', 'record']);
    expect(resumeNotes(table)).toEqual({});
    recordResumeNote(table, 5, 'again');
    expect(resumeNotes(table)).toEqual({ 5: 'again' });
  });
});
