// A trainer process, behind a small interface so the pool does not care how it was started:
// child_process.fork here (serve mode, CLI, tests); the Electron shell adds a utilityProcess one.
// The trainer is TypeScript: the child loads tsx by absolute path, so any working directory works.
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ToTrainer } from '../../../common/trainer-protocol';
import { trainerEnv } from './trainer-env';

export interface TrainerExit {
  code: number | null;
  signal: string | null;
  /** The last lines the process wrote to stderr (native aborts, OOM messages). */
  stderrTail: string;
}

export interface TrainerProcess {
  readonly pid: number | undefined;
  send(msg: ToTrainer): void;
  onMessage(listener: (msg: unknown) => void): void;
  onExit(listener: (exit: TrainerExit) => void): void;
  /** SIGKILL: after the cancel grace period, or when the lab shuts down. */
  kill(): void;
}

/** Starts one trainer process; `label` appears in its command line (process tables, orphan checks). */
export type TrainerLauncher = (label: string) => TrainerProcess;

export const TRAINER_ENTRY = fileURLToPath(new URL('../../../workers/trainer.ts', import.meta.url));
const STDERR_KEEP = 4096;
/**
 * Trainers run at a lower CPU priority than the lab: when runs saturate the cores, the lab's event loop
 * (IPC, metrics, the UI's requests) still gets scheduled first; on an otherwise idle machine the trainers
 * lose nothing. 0 turns it off.
 */
export const TRAINER_NICE = 5;

/** `execArgv`: extra Node flags for the trainer (e.g. ['--cpu-prof'] to profile a run). */
export function forkTrainerWith(options: { nice?: number; execArgv?: string[] } = {}): TrainerLauncher {
  return (label) => startTrainer(label, options.nice ?? TRAINER_NICE, options.execArgv ?? []);
}

export const forkTrainer: TrainerLauncher = forkTrainerWith();

function startTrainer(label: string, nice: number, execArgv: string[]): TrainerProcess {
  const child = fork(TRAINER_ENTRY, [`--gatelab-trainer=${label}`], {
    execArgv: [...execArgv, '--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: trainerEnv(),
    // Its own process group (POSIX): Ctrl-C in a terminal reaches the lab, which pauses the run with a
    // checkpoint, instead of killing the trainer mid-step. (Windows: the trainer ignores SIGINT itself.)
    detached: process.platform !== 'win32',
  });
  if (nice && child.pid) {
    try { setPriority(child.pid, nice); } catch { /* not permitted here: run at normal priority */ }
  }
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => { tail = (tail + s).slice(-STDERR_KEEP); });
  const exitListeners: Array<(e: TrainerExit) => void> = [];
  let exited: TrainerExit | null = null;
  // 'close' (not 'exit'): stderr is fully read by then, so the tail holds the last words.
  child.on('close', (code, signal) => {
    exited = { code, signal, stderrTail: lastWords(tail) };
    for (const l of exitListeners) l(exited);
  });
  child.on('error', () => { /* reported through 'close' */ });
  return {
    pid: child.pid,
    send(msg) {
      if (child.connected) child.send(msg, (err) => { if (err) { /* the process is gone: 'close' reports it */ } });
    },
    onMessage: (l) => void child.on('message', l),
    onExit(l) {
      if (exited) l(exited);
      else exitListeners.push(l);
    },
    kill: () => void (exited || child.kill('SIGKILL')),
  };
}

/**
 * The part of a dying process's stderr worth showing: from the last error message (Node prints it above
 * its stack; native aborts print 'terminate called...'), at most 20 lines; else the last 12 lines.
 */
export function lastWords(stderr: string): string {
  const lines = stderr.trim().split('\n');
  let from = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s+at /.test(lines[i])) continue;
    if (/error|terminate|abort|killed|out of memory|fatal|exception/i.test(lines[i])) { from = i; break; }
  }
  return (from >= 0 ? lines.slice(from, from + 20) : lines.slice(-12)).join('\n');
}
