// Each verb's options, declared beside it: `gatelab VERB --help` prints them, and an option the verb does
// not take is refused before anything runs. Before, `train --epoch 1` trained for the default 10 epochs
// and `runs --stauts failed` listed every run, without a word.
import type { CliArgs } from './args';
import { closestName } from '../../common/runs/dropped-fields';

/** `['--epochs N', 'what it does']`: the flag as the user types it (name and value placeholder), and one line. */
export type CliOption = readonly [flag: string, help: string];

/** Options every verb takes. */
export const COMMON_OPTIONS: readonly CliOption[] = [
  ['--home DIR', 'the lab home (default: $GATELAB_HOME or the app-data folder)'],
  ['--help', 'show this help'],
];

const nameOf = (o: CliOption) => o[0].slice(2).split(/[ =]/)[0];

/**
 * The first mistake in the verb's words: a `--set` without key=value, or an option the verb does not take
 * (with the nearest one it does take), as an error message; undefined when there is none. It prints
 * nothing: the caller (main/cli.ts) says it on stderr, with --json the verb's JSON refusal line too, and
 * exits 2.
 */
export function unknownOption(verb: string, args: CliArgs, options: readonly CliOption[]): string | undefined {
  const known = [...options, ...COMMON_OPTIONS].map(nameOf);
  if (args.problems?.length && known.includes('set')) return args.problems[0];
  const given = [...Object.keys(args.options), ...(args.sets.length || args.problems?.length ? ['set'] : [])];
  const unknown = given.find((k) => !known.includes(k));
  if (unknown === undefined) return undefined;
  const near = closestName(unknown, known);
  return `unknown option --${unknown}${near ? ` (did you mean --${near}?)` : ''}; 'gatelab ${verb} --help' lists its options`;
}

export function helpText(verb: string, summary: string, usage: string, options: readonly CliOption[]): string {
  const rows = [...options, ...COMMON_OPTIONS];
  const w = Math.max(...rows.map((o) => o[0].length));
  return [`Usage: gatelab ${verb} ${usage}`.trimEnd(), '', summary, '', 'Options:', ...rows.map(([flag, help]) => `  ${flag.padEnd(w)}  ${help}`)].join('\n');
}
