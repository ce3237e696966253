// Try it's and gate analytics' worker processes in the desktop app: Electron utilityProcesses (shown in
// the task manager, ended with the app, and no ELECTRON_RUN_AS_NODE needed, so the installed app keeps
// the runAsNode fuse off). Each starts main/electron/utility-worker.mjs, which gives the worker the
// fork-style IPC it speaks and loads it. Typed structurally over utilityProcess.fork so it is tested in
// plain Node with a stand-in (utility-workers.test.ts); app-data.ts passes the real one.
import { fileURLToPath } from 'node:url';
import { STDERR_KEEP, type WorkerExit, type WorkerLauncher } from '../lab/analytics/worker-launcher';

export const UTILITY_WORKER_ENTRY = fileURLToPath(new URL('./utility-worker.mjs', import.meta.url));

/** The parts of Electron's UtilityProcess used here. */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
  stderr: { setEncoding?(encoding: BufferEncoding): unknown; on(event: 'data', listener: (chunk: string | Buffer) => void): unknown } | null;
}

/** utilityProcess.fork, as far as it is used here. */
export type UtilityFork = (modulePath: string, args: string[], options: { serviceName: string; stdio: Array<'ignore' | 'pipe'>; env?: NodeJS.ProcessEnv }) => UtilityChild;

export function utilityWorkers(fork: UtilityFork): WorkerLauncher {
  return ({ entry, args = [], name, env }) => {
    const child = fork(UTILITY_WORKER_ENTRY, [`--gatelab-worker-entry=${entry}`, ...args], {
      serviceName: name,
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(env ? { env } : {}),
    });
    let tail = '';
    child.stderr?.setEncoding?.('utf8');
    child.stderr?.on('data', (d) => { tail = (tail + String(d)).slice(-STDERR_KEEP); });
    const listeners: Array<(e: WorkerExit) => void> = [];
    let exited: WorkerExit | null = null;
    let killed = false;
    child.on('exit', (code) => {
      // utilityProcess reports no signal; its kill() sends SIGTERM, so a kill of ours is reported as that.
      exited = { code: killed ? null : code, signal: killed ? 'SIGTERM' : null, stderrTail: tail };
      for (const l of listeners.splice(0)) l(exited);
    });
    return {
      send: (message) => { if (!exited) child.postMessage(message); },
      onMessage: (l) => void child.on('message', l),
      onExit(l) {
        if (exited) l(exited);
        else listeners.push(l);
      },
      kill: () => { if (!exited) { killed = true; child.kill(); } },
      get connected() { return !exited; },
    };
  };
}
