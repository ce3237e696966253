// A run's folder under the lab's checkpoints directory, and two small files in it that coordinate lab
// processes sharing one home (the desktop app, `gatelab serve`, a `gatelab train` in a terminal):
//   owner.json    which process is training the run (a dead owner means the run was interrupted)
//   control.json  a pause / resume / cancel request from another process (the owner polls for it)
//   queued-by.json which CLI process queued the run and will start it (a dead one left it to nobody)
import { mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
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
    // host and pid namespace: a pid means something only on the machine (and container) that wrote it
    writeAtomic(join(this.dir(runId), 'queued-by.json'), JSON.stringify({ pid: process.pid, host: hostname(), pidNamespace: PID_NAMESPACE, since: new Date().toISOString() }));
  }

  clearQueuedBy(runId: number): void {
    rmSync(join(this.folder(runId), 'queued-by.json'), { force: true });
  }

  /**
   * The process that queued this run for itself: its pid, whether it was written on this host (and in this
   * pid namespace) and whether it still runs; null when none did. A command on another machine sharing the
   * home (a network share), or in another container, cannot be checked from here: it counts as alive, so
   * its runs are never paused under it. Records from before the host was recorded count as this host's.
   */
  queuedBy(runId: number): { pid: number; local: boolean; alive: boolean } | null {
    const o = readJson<{ pid: number; host?: unknown; pidNamespace?: unknown; since?: string }>(join(this.folder(runId), 'queued-by.json'));
    if (!o || typeof o.pid !== 'number') return null;
    const local = (typeof o.host !== 'string' || o.host === hostname())
      && (typeof o.pidNamespace !== 'string' || PID_NAMESPACE === null || o.pidNamespace === PID_NAMESPACE);
    // a record from before a reboot names a pid another process may hold now
    return { pid: o.pid, local, alive: !local || (isAlive(o.pid) && !writtenBeforeBoot(o.since ?? '')) };
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

/** This process's pid namespace ("pid:[4026531836]"; null off Linux): containers on one host differ here. */
const PID_NAMESPACE: string | null = (() => {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
})();

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
