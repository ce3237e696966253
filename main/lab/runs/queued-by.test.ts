// Runs a CLI command queued for itself (`gatelab sweep`): an open app leaves them to that command while
// it lives; once it is gone (a second Ctrl-C, kill -9) no lab leaves them 'queued' for good, they become
// paused at step 0 with a note, which both `gatelab resume` and the app's Resume button start. No trainer
// is started here: the runs are rows written straight into the store.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore, type LabStore } from '../store/index';
import { RunManager } from './run-manager';

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
    /** A queued run, recorded as queued by process `pid` (a CLI), or by nobody (the app's queue). */
    queued(pid: number | null): number {
      const id = store.runs.create({ config, seed: 1 });
      if (pid !== null) {
        mkdirSync(join(paths.checkpoints, `run-${id}`), { recursive: true });
        writeFileSync(join(paths.checkpoints, `run-${id}`, 'queued-by.json'), JSON.stringify({ pid, since: new Date().toISOString() }));
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
    expect(status(l.store, orphan)).toMatchObject({
      status: 'paused', step: 0,
      error: `the gatelab command that queued this run (process ${dead}) exited before starting it; resume it: gatelab resume ${orphan}`,
    });
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
    expect(status(l.store, id)).toMatchObject({ status: 'paused', step: 0 });
    expect(status(l.store, id).error).toContain(`exited before starting it; resume it: gatelab resume ${id}`);
  });

  it("the first Ctrl-C holds the command's runs still queued: paused at step 0, not taken by the next free slot", () => {
    const l = lab();
    const m = l.manager(false);
    const ids = [l.queued(process.pid), l.queued(process.pid)]; // as this command's own sweep queued them
    const done = l.queued(null);
    l.store.runs.setStatus(done, 'completed');
    expect(m.holdQueued([...ids, done])).toEqual(ids); // a finished run is not touched
    for (const id of ids) {
      expect(status(l.store, id)).toMatchObject({ status: 'paused', step: 0, error: `not started: the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume ${id}` });
    }
    expect(status(l.store, done).status).toBe('completed');
    m.schedule();
    expect(ids.map((id) => status(l.store, id).status)).toEqual(['paused', 'paused']);
  });
});
