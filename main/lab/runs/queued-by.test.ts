// Runs a CLI command queued for itself (`gatelab sweep`): an open app leaves them to that command while
// it lives; once it is gone (a second Ctrl-C, kill -9) no lab leaves them 'queued' for good, they become
// paused at step 0 with a note, which both `gatelab resume` and the app's Resume button start. No trainer
// is started here: the runs are rows written straight into the store.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore, type LabStore } from '../store/index';
import { RunManager } from './run-manager';
import { runResult } from './cli-session';
import { describeStop } from './stop-note';

const config = { model: { template: 'demo-gated' }, data: { kind: 'synthetic' } };
let cleanup: (() => void)[] = [];
afterEach(() => { for (const f of cleanup.splice(0)) f(); });

function lab() {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-queued-by-'));
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  const managers: RunManager[] = [];
  cleanup.push(() => { for (const m of managers) void m.close(); store.close(); rmSync(home, { recursive: true, force: true }); });
  return {
    paths, store,
    manager: (takeAnyQueued: boolean) => { const m = new RunManager({ store, paths, takeAnyQueued, poolSize: 2 }); managers.push(m); return m; },
    /**
     * A queued run, recorded as queued by process `pid` (a CLI), or by nobody (the app's queue). `where`:
     * the host and pid namespace the record names (absent: a record written before they were recorded).
     */
    queued(pid: number | null, where: { host?: string; pidNamespace?: string } = {}): number {
      const id = store.runs.create({ config, seed: 1 });
      if (pid !== null) {
        mkdirSync(join(paths.checkpoints, `run-${id}`), { recursive: true });
        writeFileSync(join(paths.checkpoints, `run-${id}`, 'queued-by.json'), JSON.stringify({ pid, ...where, since: new Date().toISOString() }));
      }
      return id;
    },
  };
}

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  cleanup.push(() => child.kill('SIGKILL'));
  return child;
}

const status = (store: LabStore, id: number) => store.runs.get(id)!;

describe('runs a CLI queued for itself', () => {
  it('a lab that starts after that CLI died makes its never-started runs paused at step 0, saying why and how to start them', () => {
    const l = lab();
    const dead = deadPid();
    const orphan = l.queued(dead);
    const appQueued = l.queued(null); // queued in the app: any app starts it, nothing to recover
    const other = liveProcess();
    const held = l.queued(other.pid!);
    l.manager(false); // a CLI command opening the lab (gatelab runs, train, …): it starts none of these
    // why it waits is a note (the stop reason), not an error: the run did not fail
    expect(status(l.store, orphan)).toMatchObject({ status: 'paused', step: 0, error: null });
    expect(describeStop(status(l.store, orphan).stop, config))
      .toBe(`held before it started: the gatelab command that queued this run (process ${dead}) exited before starting it; resume it: gatelab resume ${orphan}`);
    expect(existsSync(join(l.paths.checkpoints, `run-${orphan}`, 'queued-by.json'))).toBe(false);
    expect(status(l.store, appQueued).status).toBe('queued');
    expect(status(l.store, held).status).toBe('queued'); // its command is alive and will start it
  });

  it("an open app leaves a live CLI's queued run to it, and makes it resumable within its poll once that CLI is gone", async () => {
    const l = lab();
    const cli = liveProcess();
    const id = l.queued(cli.pid!);
    const app = l.manager(true);
    await new Promise((r) => setTimeout(r, 50)); // the app's first scheduling (a microtask) has run
    expect(status(l.store, id).status).toBe('queued'); // not claimed: the sweep that queued it waits for it
    const gone = new Promise((r) => cli.once('exit', r));
    cli.kill('SIGKILL');
    await gone;
    expect(app.holdOrphanedQueue()).toEqual([id]); // what the app's control poll runs every 2 s
    expect(status(l.store, id)).toMatchObject({ status: 'paused', step: 0, error: null });
    expect(status(l.store, id).stop?.reason).toContain(`exited before starting it; resume it: gatelab resume ${id}`);
  });

  it("the first Ctrl-C holds the command's runs still queued: paused at step 0, not taken by the next free slot", () => {
    const l = lab();
    const m = l.manager(false);
    const ids = [l.queued(process.pid), l.queued(process.pid)]; // as this command's own sweep queued them
    const done = l.queued(null);
    l.store.runs.setStatus(done, 'completed');
    expect(m.holdQueued([...ids, done])).toEqual(ids); // a finished run is not touched
    for (const id of ids) {
      expect(status(l.store, id)).toMatchObject({ status: 'paused', step: 0, error: null });
      // --json: no `error` (scripts read one as a failure), the reason as `note`
      const json = runResult(l.store, status(l.store, id));
      expect(json).not.toHaveProperty('error');
      expect(json).toMatchObject({ status: 'paused', note: `not started: the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume ${id}` });
    }
    expect(status(l.store, done).status).toBe('completed');
    m.schedule();
    expect(ids.map((id) => status(l.store, id).status)).toEqual(['paused', 'paused']);
  });

  it('a held run that is resumed, then cancelled, no longer carries the note', () => {
    const l = lab();
    const m = l.manager(false);
    const id = l.queued(process.pid);
    m.holdQueued([id]);
    expect(status(l.store, id).stop?.reason).toMatch(/^not started: /);
    m.transition(id, 'queued'); // what resume does before its trainer starts
    expect(status(l.store, id).stop).toBeNull();
    m.holdQueued([id]);
    m.cancel(id);
    expect(status(l.store, id)).toMatchObject({ status: 'cancelled', stop: null });
  });
});

describe('a CLI on another machine or in another container sharing the lab home', () => {
  it('its queued runs are never paused, whatever its pid is here; a dead pid of this host and namespace is', () => {
    const l = lab();
    const dead = deadPid();
    const elsewhere = l.queued(dead, { host: `not-${hostname()}` });
    const otherContainer = l.queued(dead, { host: hostname(), pidNamespace: 'pid:[1]' });
    const ownPidElsewhere = l.queued(process.pid, { host: `not-${hostname()}` }); // same number, another machine
    const here = l.queued(dead, { host: hostname() });
    const app = l.manager(true);
    expect(app.holdOrphanedQueue()).toEqual([]); // `here` was paused when the app opened
    expect(status(l.store, here).status).toBe('paused');
    for (const id of [elsewhere, otherContainer, ownPidElsewhere]) expect(status(l.store, id).status).toBe('queued');
    app.schedule(); // and the app does not take them: their command starts them
    for (const id of [elsewhere, otherContainer, ownPidElsewhere]) expect(status(l.store, id).status).toBe('queued');
  });

  it('a CLI records its host and pid namespace with its pid', () => {
    const l = lab();
    const m = l.manager(false);
    const id = l.queued(null);
    m.files.setQueuedBy(id);
    const by = JSON.parse(readFileSync(join(l.paths.checkpoints, `run-${id}`, 'queued-by.json'), 'utf8'));
    expect(by).toMatchObject({ pid: process.pid, host: hostname() });
    if (process.platform === 'linux') expect(by.pidNamespace).toBe(readlinkSync('/proc/self/ns/pid'));
    expect(m.files.queuedBy(id)).toEqual({ pid: process.pid, local: true, alive: true });
  });
});
