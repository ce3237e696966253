// A TrainerLauncher over Electron's utilityProcess, typed structurally (main/lab may not import electron).
// In main/electron:  new Lab({ ..., launcher: utilityTrainer(utilityProcess.fork) })
// The trainer entry is the same workers/trainer.ts (it listens on process.parentPort when not forked).
import { setPriority } from 'node:os';
import type { ToTrainer } from '../../../common/trainer-protocol';
import { lastWords, TRAINER_ENTRY, TRAINER_NICE, type TrainerExit, type TrainerLauncher } from './trainer-process';
import { trainerEnv } from './trainer-env';

/** The parts of Electron's UtilityProcess the launcher uses. */
export interface UtilityProcessLike {
  pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'spawn', listener: () => void): unknown;
  kill(): boolean;
  stderr: { setEncoding?(e: string): unknown; on(event: 'data', l: (chunk: string | Buffer) => void): unknown } | null;
}

export type UtilityFork = (modulePath: string, args?: string[], options?: { execArgv?: string[]; stdio?: 'pipe' | 'ignore' | 'inherit' | string[]; serviceName?: string; env?: NodeJS.ProcessEnv }) => UtilityProcessLike;

export function utilityTrainer(fork: UtilityFork, options: { nice?: number } = {}): TrainerLauncher {
  return (label) => {
    const child = fork(TRAINER_ENTRY, [`--gatelab-trainer=${label}`], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'ignore', 'pipe'],
      serviceName: `GateLab trainer (${label.split('@')[0]})`,
      env: trainerEnv(),
    });
    child.on('spawn', () => {
      const nice = options.nice ?? TRAINER_NICE;
      if (nice && child.pid) try { setPriority(child.pid, nice); } catch { /* normal priority */ }
    });
    let tail = '';
    child.stderr?.on('data', (d) => { tail = (tail + String(d)).slice(-4096); });
    const exitListeners: Array<(e: TrainerExit) => void> = [];
    let exited: TrainerExit | null = null;
    let killed = false;
    child.on('exit', (code) => {
      // utilityProcess reports no signal: a kill we sent is reported as SIGKILL.
      exited = { code: killed ? null : code, signal: killed ? 'SIGKILL' : null, stderrTail: lastWords(tail) };
      for (const l of exitListeners) l(exited);
    });
    return {
      get pid() { return child.pid; },
      send: (msg: ToTrainer) => { if (!exited) child.postMessage(msg); },
      onMessage: (l) => void child.on('message', l),
      onExit: (l) => { if (exited) l(exited); else exitListeners.push(l); },
      kill: () => { if (!exited) { killed = true; child.kill(); } },
    };
  };
}
