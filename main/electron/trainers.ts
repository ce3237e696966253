// Trainer processes for the desktop app: Electron's utilityProcess (a Node child that Chromium's
// process model knows about, so it shows in the task manager and dies with the app) implementing the
// run manager's TrainerLauncher. The trainer code is the same as under fork(): workers/utility-trainer.mjs
// loads the TypeScript trainer, which talks over process.parentPort there (workers/run/parent-channel.ts).
import { utilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import { setPriority } from 'node:os';
import { lastWords, TRAINER_NICE, type TrainerExit, type TrainerLauncher, type TrainerProcess } from '../lab/runs/trainer-process';
import type { ToTrainer } from '../../common/trainer-protocol';
import { trainerEnv } from '../lab/runs/trainer-env';

export const UTILITY_TRAINER_ENTRY = fileURLToPath(new URL('../../workers/utility-trainer.mjs', import.meta.url));
const STDERR_KEEP = 4096;

export const utilityTrainers: TrainerLauncher = (label) => startUtilityTrainer(label);

function startUtilityTrainer(label: string): TrainerProcess {
  const child = utilityProcess.fork(UTILITY_TRAINER_ENTRY, [`--gatelab-trainer=${label}`], {
    serviceName: `GateLab trainer (${label.split('@')[0]})`,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: trainerEnv(),
  });
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => { tail = (tail + s).slice(-STDERR_KEEP); });
  const exitListeners: Array<(e: TrainerExit) => void> = [];
  let exited: TrainerExit | null = null;
  child.once('spawn', () => {
    // Below the app's priority, like forked trainers: the UI stays responsive when runs fill the cores.
    if (child.pid) try { setPriority(child.pid, TRAINER_NICE); } catch { /* not permitted: normal priority */ }
  });
  child.on('exit', (code) => {
    // utilityProcess reports no signal; a kill() (SIGTERM) or a crash shows as a non-zero code.
    exited = { code, signal: null, stderrTail: lastWords(tail) };
    for (const l of exitListeners) l(exited);
  });
  return {
    get pid() { return child.pid; },
    send(msg: ToTrainer) {
      if (!exited) child.postMessage(msg);
    },
    onMessage: (l) => void child.on('message', l),
    onExit(l) {
      if (exited) l(exited);
      else exitListeners.push(l);
    },
    kill: () => void (exited || child.kill()),
  };
}
