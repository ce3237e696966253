// The analytics job books in a real database file: rows survive reopening, progress updates land, and a
// restart marks queued and running jobs interrupted (and only those), which later reports cannot undo;
// with several lab processes on one home, only the jobs whose lab process is gone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadMigrations, migrate, openLabStore, schemaVersion } from './index';
import { LabAnalytics, INTERRUPTED_AT_START } from '../lab/analytics';
import { labPaths } from '../home';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

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

// Several lab processes share one lab home. A job records the lab process that owns it, and a lab starting
// up interrupts only the jobs whose owner is gone: another live lab's job keeps running and reporting.
describe('analytics_jobs shared by lab processes', () => {
  const children: ChildProcess[] = [];
  afterEach(() => { for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL'); });

  /** Another real lab process on the same database: it creates jobs and reports their progress on request. */
  function otherLab(path: string) {
    const script = `
      const { openLabStore } = await import(${JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url)))});
      const s = openLabStore(${JSON.stringify(path)});
      for await (const line of (await import('node:readline')).createInterface({ input: process.stdin })) {
        const [verb, a, b] = line.split(' ');
        if (verb === 'create') console.log(s.analyticsJobs.create(Number(a), 'knockout', 'running'));
        if (verb === 'progress') { s.analyticsJobs.update(Number(a), { done: Number(b), total: 9 }); console.log('ok'); }
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    return {
      pid: child.pid!,
      async ask(line: string): Promise<string> {
        child.stdin!.write(`${line}\n`);
        const next = await lines.next();
        if (next.done) throw new Error(`the other lab process exited before answering '${line}'`);
        return next.value;
      },
      async kill(): Promise<void> {
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      },
    };
  }

  it("another lab's start-up leaves a job a live lab process is running, which keeps reporting; once that process dies it is interrupted", async () => {
    const path = join(dir, 'lab.sqlite');
    const s = openLabStore(path);
    const run = s.runs.create({ config: {} });
    const other = otherLab(path);
    const job = Number(await other.ask(`create ${run}`));
    expect(s.analyticsJobs.get(job)).toMatchObject({ status: 'running', ownerPid: other.pid, ownerSince: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    // This lab starts its analytics (the desktop app opening while `gatelab serve` runs the job).
    new LabAnalytics(s, labPaths(dir));
    expect(s.analyticsJobs.get(job)!.status).toBe('running');
    expect(await other.ask(`progress ${job} 5`)).toBe('ok');
    expect(s.analyticsJobs.get(job)).toMatchObject({ status: 'running', done: 5, total: 9, error: null });

    await other.kill();
    const next = new LabAnalytics(s, labPaths(dir));
    const seen = next.jobs(String(run)).jobs;
    expect(seen.map((j) => [j.id, j.state, j.done])).toEqual([[job, 'interrupted', 5]]);
    expect(seen[0].error).toBe(INTERRUPTED_AT_START);
    s.close();
  });

  it("a live pid recorded before the machine's last boot is another process: its job is interrupted", async () => {
    const s = openLabStore(join(dir, 'lab.sqlite'));
    const run = s.runs.create({ config: {} });
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    children.push(sleeper);
    const job = s.analyticsJobs.create(run, 'report', 'running');
    const recent = s.analyticsJobs.create(run, 'knockout', 'running');
    const own = s.db.prepare('UPDATE analytics_jobs SET owner_pid = ?, owner_since = ? WHERE id = ?');
    own.run(sleeper.pid, '2000-01-01T00:00:00.000Z', job);
    own.run(sleeper.pid, new Date().toISOString(), recent);
    expect(s.analyticsJobs.interruptOrphaned('stopped')).toEqual([job]);
    expect(s.analyticsJobs.get(recent)!.status).toBe('running');
    s.close();
  });

  it('in this process, jobs of an open connection are left alone; a closed connection or an unknown stamp (an earlier process with this pid) is not an owner', () => {
    const path = join(dir, 'lab.sqlite');
    const a = openLabStore(path);
    const run = a.runs.create({ config: {} });
    const kept = a.analyticsJobs.create(run, 'knockout', 'running');
    const reused = a.analyticsJobs.create(run, 'knockout');
    a.db.prepare(`UPDATE analytics_jobs SET owner_since = '2020-05-05T00:00:00.000Z' WHERE id = ?`).run(reused);
    const b = openLabStore(path);
    expect(b.analyticsJobs.interruptOrphaned('stopped')).toEqual([reused]);
    expect(b.analyticsJobs.get(kept)).toMatchObject({ status: 'running', ownerPid: process.pid });
    a.close();
    expect(b.analyticsJobs.interruptOrphaned('stopped')).toEqual([kept]);
    b.close();
  });

  it('a database at schema 0002 with a queued job upgrades; the job keeps its row with no owner and start-up interrupts it as before', () => {
    const path = join(dir, 'lab.sqlite');
    const old = new Database(path);
    migrate(old, loadMigrations().slice(0, 2));
    old.prepare(`INSERT INTO runs (config, status) VALUES ('{}', 'completed')`).run();
    old.prepare(`INSERT INTO analytics_jobs (run_id, kind, status, done, total, label) VALUES (1, 'knockout', 'queued', 2, 9, 'gate1 open')`).run();
    old.close();

    const s = openLabStore(path);
    expect(schemaVersion(s.db)).toBe(loadMigrations().length);
    expect(s.analyticsJobs.forRun(1)).toEqual([expect.objectContaining({ id: 1, status: 'queued', done: 2, total: 9, label: 'gate1 open', ownerPid: null, ownerSince: null })]);
    expect(s.analyticsJobs.interruptOrphaned('the lab stopped')).toEqual([1]);
    expect(s.analyticsJobs.get(1)).toMatchObject({ status: 'interrupted', error: 'the lab stopped', done: 2 });
    s.close();
  });
});
