// The demo's trainer process (workers/trainer.ts), forked by `gatelab demo`. Its own module, apart from the
// verb's printing (demo.ts), so that a test of what the verb prints when training fails can stand in for it.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DemoSpec, TrainerEvent } from '../../engine/train/demo-run';

const TRAINER = fileURLToPath(new URL('../../workers/trainer.ts', import.meta.url));

/**
 * Runs the demo in a forked trainer; calls `onEvent` for each message; resolves with the final one.
 * Aborting `signal` (or Ctrl-C) asks the trainer to stop after its current call; it still reports 'done'.
 */
export function runDemoTrainer(spec: DemoSpec, onEvent: (e: TrainerEvent) => void, signal?: AbortSignal): Promise<TrainerEvent> {
  return new Promise((resolve, reject) => {
    // The trainer is TypeScript: load tsx into the child by absolute path, so any working directory works.
    const child = fork(TRAINER, [], { execArgv: ['--import', import.meta.resolve('tsx')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let last: TrainerEvent | null = null;
    const stop = () => child.connected && child.send({ type: 'cancel' });
    process.once('SIGINT', stop);
    signal?.addEventListener('abort', stop, { once: true });
    child.on('message', (e: TrainerEvent) => {
      last = e;
      onEvent(e);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', stop);
      if (last && (last.type === 'done' || last.type === 'error')) resolve(last);
      else reject(new Error(`the trainer process exited (${signal ?? `code ${code}`}) before finishing; see its output above`));
    });
    child.send({ type: 'start', spec });
  });
}
