// The shape every run-level CLI verb shares: parse the run id, open the lab's runs (which also recovers
// runs a dead lab left 'running'), report an error as the verb's refusal (`gatelab VERB: message`, and with
// --json its JSON line: refusal-line.ts), and always close the lab again. The exit code says whose the error was (exit-codes.ts): 2 a refusal of what was asked (a bad id,
// no such run, a run not in a state for it), 1 a failure of the lab.
// A verb that only reads (runs, show, export) also works on a lab open read-only (its database failed its
// start-up check: "you can browse what is readable"); one that writes refuses there with the lab's notice.
import type { CliArgs } from './args';
import type { openCliRuns } from '../lab/runs/cli-session';
import { noRun as noRunIn, type Refusal } from '../lab/runs/refusal';
import { EXIT_REFUSED } from './exit-codes';
import type { CliReading } from './cli-reading';
import { withReadingRefusing, withRunsRefusing } from './refusal-line';
import { sayRefusal } from './json-refusal';

type CliRuns = ReturnType<typeof openCliRuns>;

/** Runs `fn` with the lab's runs open; when it throws, its refusal and exit code 2 (a refusal) or 1. */
export function withCliRuns(verb: string, args: CliArgs, fn: (s: CliRuns) => number | Promise<number>): Promise<number> {
  return withRunsRefusing(verb, undefined, args, fn);
}

/** withCliRuns for a verb that only reads: a read-only lab is open to it too (its notice on stderr). */
export function withCliReading(verb: string, args: CliArgs, fn: (s: CliReading) => number | Promise<number>): Promise<number> {
  return withReadingRefusing(verb, undefined, args, fn);
}

/** The refusal of a run id this lab does not have (exit 2), in the words every run verb uses. */
export const noRun = (id: number, s: CliReading): Refusal => noRunIn(id, s.paths.home);

/**
 * Like withCliRuns for a verb whose first argument is a run id: exit code 2 with `usage` when it is not one,
 * and with "no run N" when the lab has no such run.
 */
export async function withCliRun(verb: string, args: CliArgs, usage: string, fn: (s: CliRuns, id: number) => number | Promise<number>): Promise<number> {
  const id = runId(verb, args, usage);
  return id === undefined ? EXIT_REFUSED : withCliRuns(verb, args, (s) => withRun(s, id, fn));
}

/** withCliRun for a verb that only reads (show, export): a read-only lab is open to it too. */
export async function withCliReadingRun(verb: string, args: CliArgs, usage: string, fn: (s: CliReading, id: number) => number | Promise<number>): Promise<number> {
  const id = runId(verb, args, usage);
  return id === undefined ? EXIT_REFUSED : withCliReading(verb, args, (s) => withRun(s, id, fn));
}

function runId(verb: string, args: CliArgs, usage: string): number | undefined {
  const id = Number(args.positionals[0]);
  if (Number.isInteger(id)) return id;
  sayRefusal(verb, undefined, args, usage);
  return undefined;
}

function withRun<S extends CliReading>(s: S, id: number, fn: (s: S, id: number) => number | Promise<number>): number | Promise<number> {
  if (!s.store.runs.get(id)) throw noRun(id, s);
  return fn(s, id);
}
