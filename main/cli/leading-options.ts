// Options typed before the command (`gatelab --home DIR import FILE`, as git and docker take theirs): every
// verb reads its options from the words after it, so these were refused as "unknown command '--home'".
// Moved after the command they parse as they would have there: the leading words start with '--' and end
// before the command word, so no option of the rest can take one of them as its value, nor they one of
// the rest. Words that are not options (a stray positional before the command) or no command at all are
// refused, with the command line reordered as it would work.
import { parseArgs, type CliArgs } from './args';
import { shellWord } from '../../common/text/shell-word';

export type LeadingOptions =
  | { argv: string[] }
  | { refusal: string };

/**
 * `argv` with the options before its first command word moved after that command's own words; argv as it
 * is when it does not start with an option. `isCommand` says which words are commands ('help' among them).
 * The refusal is the line to print after "gatelab: " (exit 2).
 */
export function withLeadingOptionsMoved(argv: string[], isCommand: (word: string) => boolean): LeadingOptions {
  if (!argv[0]?.startsWith('--')) return { argv };
  const all = parseArgs(argv);
  // no command: the first word that is no option's value is taken for one (`--home DIR impot FILE` is then
  // refused as the unknown command 'impot', with the nearest one)
  let at = argv.findIndex(isCommand);
  if (at < 0 && all.positionals.length) at = argv.indexOf(all.positionals[0]);
  if (at < 0) {
    // `gatelab --home DIR --help`: the list of commands, as `gatelab --help` gives it
    if (all.options.help === true) return { argv: ['help'] };
    return { refusal: `options go after the command: gatelab COMMAND ${optionWords(all).join(' ')} ('gatelab help' lists the commands)` };
  }
  const leading = parseArgs(argv.slice(0, at));
  // a word before the command that is no option's value: not an option, and not for us to guess where it goes
  const stray = leading.positionals[0];
  if (stray !== undefined) {
    const asTyped = [argv[at], ...argv.slice(at + 1).map(shownWord), ...optionWords(leading)].join(' ');
    return { refusal: `'${stray}' before the command is not an option; options go after the command: gatelab ${asTyped}` };
  }
  return { argv: [argv[at], ...argv.slice(at + 1), ...argv.slice(0, at)] };
}

/** The options of parsed words as a shell line takes them (`--home DIR`, `--json`, `--set k=v`), without positionals. */
function optionWords(args: CliArgs): string[] {
  const options = Object.entries(args.repeated).flatMap(([key, values]) => values.flatMap((v) => (v === true ? [`--${key}`] : [`--${key}`, shellWord(v)])));
  return [...options, ...args.sets.flatMap(([key, value]) => ['--set', shellWord(`${key}=${value}`)])];
}

/** A word of the command line as typed: options bare, values quoted for a shell when they need it. */
const shownWord = (word: string): string => (word.startsWith('--') ? word : shellWord(word));
