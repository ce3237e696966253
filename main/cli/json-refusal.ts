// A command's refusal as a person and a script see it: `gatelab VERB: message` on stderr and, with --json, one
// JSON line ending stdout, the same for every command whoever found the refusal (main/cli.ts before the verb
// runs, or the verb). Kept apart from refusal-line.ts, which opens labs, so that main/cli.ts and the light
// verbs (import, templates) can say a refusal without loading the lab's runs.
import type { CliCommand } from '../cli';
import type { CliArgs } from './args';

/**
 * The `--json` refusal line of every command: `{command, status: "error", error}`, `error` in the words stderr
 * says, with the keys of the command's success line in between (CliCommand.jsonRefusal, empty) and `known`
 * over them (the run it was about: `{run: 4}`). `verb` null: a line that names no command (none, or an
 * unknown one), which has no keys of its own to fill.
 */
export function refusalLine(verb: string | null, command: CliCommand | undefined, message: string, known: Record<string, unknown> = {}): Record<string, unknown> {
  return { command: verb, ...command?.jsonRefusal?.(message), ...known, status: 'error', error: message };
}

/** Prints refusalLine on stdout: the one place a refusal's JSON line is printed. */
export function printRefusalLine(verb: string | null, command: CliCommand | undefined, message: string, known?: Record<string, unknown>): void {
  console.log(JSON.stringify(refusalLine(verb, command, message, known)));
}

/**
 * Says `message` as `verb`'s refusal: its JSON line (above) with --json, and on stderr always. `command`
 * undefined: a verb whose line has no keys of its own.
 */
export function sayRefusal(verb: string, command: CliCommand | undefined, args: CliArgs, message: string, known: Record<string, unknown> = {}): void {
  if (args.options.json === true) printRefusalLine(verb, command, message, known);
  console.error(`gatelab ${verb}: ${message}`);
}
