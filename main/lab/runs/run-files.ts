// A run's folder under the lab's checkpoints directory, and two small files in it that coordinate lab
// processes sharing one home (the desktop app, `gatelab serve`, a `gatelab train` in a terminal):
//   owner.json    which process is training the run (a dead owner means the run was interrupted)
//   control.json  a pause / resume / cancel request from another process (the owner polls for it)
//   queued-by.json which CLI process queued the run and will start it (a dead one left it to nobody)
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { isAlive, writtenBeforeBoot } from '../process-alive';

export type ControlAction = 'pause' | 'resume' | 'cancel';

export class RunFiles {
  constructor(private readonly checkpointsRoot: string, private readonly home: string) {}

  dir(runId: number): string {
    const d = this.folder(runId);
    mkdirSync(d, { recursive: true });
    return d;
  }

  /** The run's folder, without creating it. */
  folder(runId: number): string {
    return join(this.checkpointsRoot, `run-${runId}`);
  }

  /** Paths in the database are relative to the lab home (a lab folder can be moved). */
  toStored(path: string): string {
    return relative(this.home, path);
  }

  fromStored(path: string): string {
    return isAbsolute(path) ? path : join(this.home, path);
  }

  setOwner(runId: number): void {
    writeAtomic(join(this.dir(runId), 'owner.json'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  }

  clearOwner(runId: number): void {
    rmSync(join(this.dir(runId), 'owner.json'), { force: true });
  }

  /** The pid of the live process training this run, or null (none, or it died). */
  liveOwner(runId: number): number | null {
    const o = readJson<{ pid: number }>(join(this.dir(runId), 'owner.json'));
    return o && isAlive(o.pid) ? o.pid : null;
  }

  /**
   * A CLI command (`gatelab sweep`, `train`, `resume`) queues runs only it will start: it records itself, so
   * an open app leaves them alone while it lives, and any lab can tell when it died before starting them.
   */
  setQueuedBy(runId: number): void {
    writeAtomic(join(this.dir(runId), 'queued-by.json'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  }

  clearQueuedBy(runId: number): void {
    rmSync(join(this.folder(runId), 'queued-by.json'), { force: true });
  }

  /** The process that queued this run for itself: its pid and whether it still runs; null when none did. */
  queuedBy(runId: number): { pid: number; alive: boolean } | null {
    const o = readJson<{ pid: number; since?: string }>(join(this.folder(runId), 'queued-by.json'));
    // a record from before a reboot names a pid another process may hold now
    return o && typeof o.pid === 'number' ? { pid: o.pid, alive: isAlive(o.pid) && !writtenBeforeBoot(o.since ?? '') } : null;
  }

  requestControl(runId: number, action: ControlAction): void {
    writeAtomic(join(this.dir(runId), 'control.json'), JSON.stringify({ action, at: new Date().toISOString() }));
  }

  /** Reads and removes a pending request. */
  takeControl(runId: number): ControlAction | null {
    const path = join(this.checkpointsRoot, `run-${runId}`, 'control.json');
    const c = readJson<{ action: ControlAction }>(path);
    if (c) rmSync(path, { force: true });
    return c?.action ?? null;
  }
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
