// The shape every run-level CLI verb shares: parse the run id, open the lab's runs (which also recovers
// runs a dead lab left 'running'), report an error as `gatelab VERB: message`, and always close the lab
// again. The exit code says whose the error was (exit-codes.ts): 2 a refusal of what was asked (a bad id,
// no such run, a run not in a state for it), 1 a failure of the lab.
import type { CliArgs } from './args';
import { stringOption } from './args';
import { openCliRuns } from '../lab/runs/cli-session';
import { noRun as noRunIn, type Refusal } from '../lab/runs/refusal';
import { exitCodeOfError, EXIT_REFUSED } from './exit-codes';

type CliRuns = ReturnType<typeof openCliRuns>;

/** Runs `fn` with the lab's runs open; when it throws, the message and exit code 2 (a refusal) or 1. */
export async function withCliRuns(verb: string, args: CliArgs, fn: (s: CliRuns) => number | Promise<number>): Promise<number> {
  let s: CliRuns | undefined;
  try {
    s = openCliRuns(stringOption(args, 'home'));
    return await fn(s);
  } catch (e) {
    console.error(`gatelab ${verb}: ${(e as Error).message}`);
    return exitCodeOfError(e);
  } finally {
    await s?.close();
  }
}

/** The refusal of a run id this lab does not have (exit 2), in the words every run verb uses. */
export const noRun = (id: number, s: CliRuns): Refusal => noRunIn(id, s.paths.home);

/**
 * Like withCliRuns for a verb whose first argument is a run id: exit code 2 with `usage` when it is not one,
 * and with "no run N" when the lab has no such run.
 */
export async function withCliRun(verb: string, args: CliArgs, usage: string, fn: (s: CliRuns, id: number) => number | Promise<number>): Promise<number> {
  const id = Number(args.positionals[0]);
  if (!Number.isInteger(id)) {
    console.error(`gatelab ${verb}: ${usage}`);
    return EXIT_REFUSED;
  }
  return withCliRuns(verb, args, (s) => {
    if (!s.store.runs.get(id)) throw noRun(id, s);
    return fn(s, id);
  });
}
