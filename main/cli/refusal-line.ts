// A command's refusal or failure, said where a script and a person look: with --json one JSON line ends
// stdout (json-refusal.ts: the same for every command, plus the keys of the command's own success line), and
// `gatelab VERB: message` goes to stderr either way. main/cli.ts prints the line for the refusals it finds
// before the verb runs; the verbs print theirs with these, so a script reading the last stdout line finds the
// error whoever found it (a bad id, no such run, a run in the wrong state, a lab that cannot be opened).
import type { CliCommand } from '../cli';
import type { CliArgs } from './args';
import { stringOption } from './args';
import { exitCodeOfError } from './exit-codes';
import { openCliRuns } from '../lab/runs/cli-session';
import { openCliReading, type CliReading } from './cli-reading';
import { sayRefusal } from './json-refusal';

/** An error of the verb said as its refusal (json-refusal.ts), and the exit code it ends with (2 a refusal, 1 the lab's). */
export function refused(verb: string, command: CliCommand | undefined, args: CliArgs, e: unknown, known?: Record<string, unknown>): number {
  sayRefusal(verb, command, args, e instanceof Error ? e.message : String(e), known);
  return exitCodeOfError(e);
}

type CliRuns = ReturnType<typeof openCliRuns>;

/**
 * Runs `fn` with the lab's runs open, and closes them again; what opening the lab or `fn` throws is said as
 * the verb's refusal (sayRefusal), ending with 2 for a refusal and 1 for a failure of the lab.
 */
export function withRunsRefusing(verb: string, command: CliCommand | undefined, args: CliArgs, fn: (s: CliRuns) => number | Promise<number>): Promise<number> {
  return refusingSession(verb, command, args, () => openCliRuns(stringOption(args, 'home')), fn);
}

/** withRunsRefusing for a verb that only reads: a read-only lab is open to it too (its notice on stderr). */
export function withReadingRefusing(verb: string, command: CliCommand | undefined, args: CliArgs, fn: (s: CliReading) => number | Promise<number>): Promise<number> {
  return refusingSession(verb, command, args, () => openCliReading(stringOption(args, 'home'), (notice) => console.error(`gatelab ${verb}: ${notice}`)), fn);
}

async function refusingSession<S extends CliReading>(verb: string, command: CliCommand | undefined, args: CliArgs, open: () => S, fn: (s: S) => number | Promise<number>): Promise<number> {
  let s: S | undefined;
  try {
    s = open();
    return await fn(s);
  } catch (e) {
    return refused(verb, command, args, e);
  } finally {
    await s?.close();
  }
}
