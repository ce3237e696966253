// The analytics job books in a real database file: rows survive reopening, progress updates land, and a
// restart marks queued and running jobs interrupted (and only those), which later reports cannot undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openLabStore } from './index';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-jobs-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('analytics_jobs', () => {
  it('keeps a job and its progress across closing and reopening the database', () => {
    const path = join(dir, 'lab.sqlite');
    const a = openLabStore(path);
    const run = a.runs.create({ config: { lr: 0.1 } });
    const id = a.analyticsJobs.create(run, 'knockout');
    a.analyticsJobs.update(id, { status: 'running', done: 3, total: 9, label: 'gate1 closed' });
    a.close();
    const b = openLabStore(path);
    expect(b.analyticsJobs.forRun(run)).toEqual([expect.objectContaining({ id, runId: run, kind: 'knockout', status: 'running', done: 3, total: 9, label: 'gate1 closed', error: null })]);
    expect(b.analyticsJobs.get(id)!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    b.close();
  });

  it('interrupts queued and running jobs only, and a late report does not undo it', () => {
    const s = openLabStore(join(dir, 'lab.sqlite'));
    const run = s.runs.create({ config: {} });
    const [queued, running, done, failed] = ['queued', 'running', 'done', 'failed'].map((status) => {
      const id = s.analyticsJobs.create(run, 'knockout');
      s.analyticsJobs.update(id, { status: status as 'queued' });
      return id;
    });
    expect(s.analyticsJobs.interruptUnfinished('the lab stopped')).toEqual([queued, running]);
    const byId = new Map(s.analyticsJobs.forRun(run).map((j) => [j.id, j]));
    expect([queued, running, done, failed].map((id) => byId.get(id)!.status)).toEqual(['interrupted', 'interrupted', 'done', 'failed']);
    expect(byId.get(running)!.error).toBe('the lab stopped');
    s.analyticsJobs.update(running, { status: 'cancelled', done: 9 });
    expect(s.analyticsJobs.get(running)).toMatchObject({ status: 'interrupted', done: 0 });
    expect(s.analyticsJobs.interruptUnfinished('again')).toEqual([]);
    s.close();
  });

  it('interrupts only the given jobs when asked, and deleting the run deletes its jobs', () => {
    const s = openLabStore(join(dir, 'lab.sqlite'));
    const run = s.runs.create({ config: {} });
    const a = s.analyticsJobs.create(run, 'knockout');
    const b = s.analyticsJobs.create(run, 'report', 'running');
    expect(s.analyticsJobs.interruptUnfinished('closing', [b])).toEqual([b]);
    expect(s.analyticsJobs.get(a)!.status).toBe('queued');
    s.db.prepare('DELETE FROM runs WHERE id = ?').run(run);
    expect(s.analyticsJobs.forRun(run)).toEqual([]);
    s.close();
  });
});
