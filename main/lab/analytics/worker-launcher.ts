// How the lab starts its short-lived worker processes (Try it's predictions: workers/predict.ts; gate
// analytics jobs: workers/analytics/entry.ts), behind a small interface like the trainers' TrainerLauncher:
// child_process.fork here (CLI, serve mode, tests); the desktop app passes a utilityProcess one
// (main/electron/utility-workers.ts), because fork() in Electron's main process needs ELECTRON_RUN_AS_NODE,
// a fuse the installed app keeps off. Both speak the workers' fork-style messages (process.send / 'message').
import { fork } from 'node:child_process';

export interface WorkerExit {
  code: number | null;
  /** Null when not known (utilityProcess reports none). */
  signal: NodeJS.Signals | null;
  /** The last STDERR_KEEP characters the process wrote to stderr, as written (callers pick the lines they show). */
  stderrTail: string;
}

export interface WorkerChild {
  /** Dropped once the process has exited (its onExit then says why). */
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once: when the process has ended (or could not start); right away if it already has. */
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Ends it now (a cancel that was not honoured, a timeout). */
  kill(): void;
  /** Messages can still reach it. */
  readonly connected: boolean;
}

export interface WorkerStart {
  /** The worker's TypeScript entry. */
  entry: string;
  /** Extra command-line arguments: they label the process in `ps` (e.g. `--gatelab-analytics=run-4`). */
  args?: string[];
  /** A readable name where the platform shows one (Electron's task manager). */
  name: string;
  env?: NodeJS.ProcessEnv;
}

export type WorkerLauncher = (start: WorkerStart) => WorkerChild;

export const STDERR_KEEP = 4096;

/** The plain-Node launcher: child_process.fork with tsx registered (the workers are TypeScript). */
export const forkWorkers: WorkerLauncher = ({ entry, args = [], env }) => {
  const child = fork(entry, args, {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    ...(env ? { env } : {}),
  });
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => { tail = (tail + s).slice(-STDERR_KEEP); });
  const listeners: Array<(e: WorkerExit) => void> = [];
  let exited: WorkerExit | null = null;
  const exit = (e: WorkerExit) => {
    if (exited) return;
    exited = e;
    for (const l of listeners.splice(0)) l(e);
  };
  // 'close' (not 'exit'): stderr has been read to its end, so the tail holds the last words.
  child.on('close', (code, signal) => exit({ code, signal, stderrTail: tail }));
  // A process that could not be started gets no 'close': report the error as its exit.
  child.on('error', (e) => { if (child.pid === undefined) exit({ code: null, signal: null, stderrTail: e.message }); });
  return {
    send(message) {
      if (!exited && child.connected) child.send(message as never, (err) => { if (err) { /* it is gone: 'close' says why */ } });
    },
    onMessage: (l) => void child.on('message', l),
    onExit(l) {
      if (exited) l(exited);
      else listeners.push(l);
    },
    kill: () => void (exited || child.kill('SIGKILL')),
    get connected() { return !exited && child.connected; },
  };
};
