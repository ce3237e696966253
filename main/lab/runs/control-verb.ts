// `gatelab pause|cancel RUN`: act on a run wherever it trains. A run trained by another lab process
// (serve, the app, a `gatelab train` in another terminal) gets a request file its owner picks up within
// ~250 ms; this command then waits (up to `waitMs`) for the status to change and reports it.
// Exit codes (exit-codes.ts): 2 for no such run or a run not in a state for it, 1 when the lab failed.
import { openCliRuns } from './cli-session';
import type { RunStatus } from '../store/index';
import { refusing } from './refusal';
import { exitCodeOfError, EXIT_FAILED, EXIT_OK, EXIT_REFUSED } from './exit-codes';

export interface ControlArgs {
  /** The run id as typed. */
  run: string | undefined;
  home: string | undefined;
  json: boolean;
  /** Says a refusal as the CLI does (`gatelab VERB: …` on stderr; with --json its JSON line on stdout too). */
  sayRefusal: (message: string) => void;
}

export async function controlVerb(verb: 'pause' | 'cancel', args: ControlArgs, waitMs = 20_000): Promise<number> {
  const id = Number(args.run);
  if (!Number.isInteger(id)) {
    args.sayRefusal('give a run id (gatelab runs lists them)');
    return EXIT_REFUSED;
  }
  const target: RunStatus[] = verb === 'pause' ? ['paused', 'completed', 'failed', 'cancelled'] : ['cancelled', 'completed', 'failed'];
  let s;
  try {
    s = openCliRuns(args.home);
    const m = s.manager;
    // no such run, a run in the wrong state: refused (2). Only the request is wrapped: a lab that cannot be
    // opened (a damaged or read-only database) is the lab's failure (1), whatever words it uses.
    refusing(() => (verb === 'pause' ? m.pause(id) : m.cancel(id)));
    const until = Date.now() + waitMs;
    let run = s.store.runs.get(id)!;
    while (!target.includes(run.status) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      run = s.store.runs.get(id)!;
    }
    const ok = target.includes(run.status);
    const out = { run: id, status: run.status, step: run.step, requested: verb };
    if (args.json) console.log(JSON.stringify(out));
    else console.log(ok ? `run ${id} is ${run.status} at step ${run.step}` : `run ${id} is still ${run.status}: the ${verb} request is pending with its trainer`);
    return ok ? EXIT_OK : EXIT_FAILED;
  } catch (e) {
    args.sayRefusal((e as Error).message);
    return exitCodeOfError(e);
  } finally {
    await s?.close();
  }
}
