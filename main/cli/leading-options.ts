// Options typed before the command (`gatelab --home DIR import FILE`, as git and docker take theirs): every
// verb reads its options from the words after it, so these were refused as "unknown command '--home'".
// Moved after the command they parse as they would have there: the leading words start with '--' and end
// before the command word, so no option of the rest can take one of them as its value, nor they one of
// the rest. Words that are not options (a stray positional before the command) or no command at all are
// refused, with the command line reordered as it would work (and, under --json, the command's JSON refusal
// line, as every refusal of it prints one). A word that is an option's value is never taken for the command:
// `gatelab --home runs import x.csv` imports into the home 'runs'.
import { parseArgs, type CliArgs } from './args';
import { shellWord } from '../../common/text/shell-word';

export type LeadingOptions =
  | { argv: string[] }
  /** `verb`: the command the line names, whose --json refusal line a script reads (main/cli.ts prints it). */
  | { refusal: string; verb?: string; json: boolean };

/**
 * `argv` with the options before its first command word moved after that command's own words; argv as it
 * is when it does not start with an option. `isCommand` says which words are commands ('help' among them).
 * The refusal is the line to print after "gatelab: " (exit 2).
 */
export function withLeadingOptionsMoved(argv: string[], isCommand: (word: string) => boolean): LeadingOptions {
  if (!argv[0]?.startsWith('--')) return { argv };
  const all = parseArgs(argv);
  const json = all.options.json === true;
  // the command: the first command word that is no option's value (`--home runs import x.csv` keeps its home
  // named 'runs'); else a command word after an option that would take it (`--weird import x.csv`: import,
  // and --weird is refused as an unknown option of it), but never --home's, which every command takes; else
  // the first plain word (`--home DIR impot FILE` is refused as the unknown command 'impot', with the nearest one)
  const plain = plainWordIndexes(argv);
  let at = plain.find((i) => isCommand(argv[i])) ?? argv.findIndex((w, i) => isCommand(w) && argv[i - 1] !== '--home');
  if (at < 0 && plain.length) at = plain[0];
  if (at < 0) {
    // `gatelab --home DIR --help`: the list of commands, as `gatelab --help` gives it
    if (all.options.help === true) return { argv: ['help'] };
    return { refusal: `options go after the command: gatelab COMMAND ${optionWords(all).join(' ')} ('gatelab help' lists the commands)`, json };
  }
  const leading = parseArgs(argv.slice(0, at));
  // a word before the command that is no option's value: not an option, and not for us to guess where it goes
  const stray = leading.positionals[0];
  if (stray !== undefined) {
    const asTyped = [argv[at], ...argv.slice(at + 1).map(shownWord), ...optionWords(leading)].join(' ');
    return { refusal: `'${stray}' before the command is not an option; options go after the command: gatelab ${asTyped}`, verb: argv[at], json };
  }
  return { argv: [argv[at], ...argv.slice(at + 1), ...argv.slice(0, at)] };
}

/** Where the words that are no option's value are, as parseArgs reads the line (a value follows an option without '='). */
function plainWordIndexes(argv: string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) at.push(i);
    // the next word is this option's value: parseArgs would take it so (one word, one parse: args.ts)
    else if (!argv[i].includes('=') && i + 1 < argv.length && !argv[i + 1].startsWith('--') && parseArgs(argv.slice(i, i + 2)).positionals.length === 0) i++;
  }
  return at;
}

/** The options of parsed words as a shell line takes them (`--home DIR`, `--json`, `--set k=v`), without positionals. */
function optionWords(args: CliArgs): string[] {
  const options = Object.entries(args.repeated).flatMap(([key, values]) => values.flatMap((v) => (v === true ? [`--${key}`] : [`--${key}`, shellWord(v)])));
  return [...options, ...args.sets.flatMap(([key, value]) => ['--set', shellWord(`${key}=${value}`)])];
}

/** A word of the command line as typed: options bare, values quoted for a shell when they need it. */
const shownWord = (word: string): string => (word.startsWith('--') ? word : shellWord(word));
