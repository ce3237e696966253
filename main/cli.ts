// The `gatelab` command line. Each verb lives in its own module under main/cli/; this file is the index.
import { parseArgs, type CliArgs } from './cli/args';
import { helpText, unknownOption, type CliOption } from './cli/options';
import { exitCodeOfError, EXIT_REFUSED } from './cli/exit-codes';
import { closestName } from '../common/runs/dropped-fields';
import { withLeadingOptionsMoved } from './cli/leading-options';
import { printRefusalLine } from './cli/json-refusal';

export interface CliCommand {
  /** One line for `gatelab help`. */
  summary: string;
  /** What follows the verb in `gatelab VERB --help`'s usage line, e.g. 'RUN' or 'FILE'. */
  usage: string;
  /** The options the verb takes besides --home and --help; any other is refused before the verb runs. */
  options: readonly CliOption[];
  run(args: CliArgs): Promise<number>;
  /**
   * The keys of the verb's success line, empty, for its `--json` refusal line (`{run: null, test: {}}` for
   * train): every refusal under --json ends stdout with `{command, status: 'error', error}` and these
   * (cli/json-refusal.ts), whether main() found it before the verb ran (words the parser refuses, an unknown
   * option, a `--set` without key=value) or the verb did. A verb without them gets the three keys alone.
   */
  jsonRefusal?: (message: string) => Record<string, unknown>;
}

// Lazy so that `gatelab import` never pays for loading the trainer, the server or ONNX Runtime.
const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  // verb: () => import('./cli/verb'),   (one line per verb; keep in the order `gatelab help` shows them)
  import: () => import('./cli/import'),
  datasets: () => import('./cli/datasets'),
  demo: () => import('./cli/demo'),
  templates: () => import('./cli/templates'),
  train: () => import('./cli/train'),
  runs: () => import('./cli/runs'),
  show: () => import('./cli/show'),
  pause: () => import('./cli/pause'),
  resume: () => import('./cli/resume'),
  cancel: () => import('./cli/cancel'),
  delete: () => import('./cli/delete'),
  sweep: () => import('./cli/sweep'),
  export: () => import('./cli/export'),
  split: () => import('./cli/split'),
  knockout: () => import('./cli/knockout'),
  serve: () => import('./cli/serve'),
};

async function help(): Promise<number> {
  const lines = ['Usage: gatelab <command> [options]   (every command takes --home DIR; default: $GATELAB_HOME or the app-data folder)', ''];
  for (const [verb, load] of Object.entries(COMMANDS)) {
    const mod = await load().catch(() => null);
    if (mod) lines.push(`  ${verb.padEnd(10)} ${mod.command.summary}`);
  }
  console.log(lines.join('\n'));
  return 0;
}

export async function main(typed: string[]): Promise<number> {
  // `gatelab --home DIR import FILE`: the options before the command read as if typed after it
  const reordered = withLeadingOptionsMoved(typed, (word) => word === 'help' || Object.hasOwn(COMMANDS, word));
  if ('refusal' in reordered) {
    // under --json, the named command's refusal line ends stdout, as its other refusals' do (refuse below)
    const verb = reordered.verb !== undefined && Object.hasOwn(COMMANDS, reordered.verb) ? reordered.verb : undefined;
    const command = reordered.json && verb ? await COMMANDS[verb]().then((m) => m.command, () => undefined) : undefined;
    // no command named (`gatelab --json --home DIR`): command null, yet --json still ends with the line
    if (reordered.json) printRefusalLine(verb ?? null, command, reordered.refusal);
    console.error(`gatelab: ${reordered.refusal}`);
    return EXIT_REFUSED;
  }
  const { argv } = reordered;
  // `gatelab help train` is `gatelab train --help`
  if (argv[0] === 'help' && argv[1] && Object.hasOwn(COMMANDS, argv[1])) return main([argv[1], '--help']);
  const [verb, ...rest] = argv;
  if (!verb || verb === 'help' || verb === '--help' || verb === '-h') return help();
  // own keys only: 'constructor' or 'toString' is no command, not an Object method to call
  const load = Object.hasOwn(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  if (!load) {
    if (rest.includes('--json')) printRefusalLine(null, undefined, unknownCommand(verb));
    console.error(`gatelab: ${unknownCommand(verb)}`);
    return 2;
  }
  let args: CliArgs;
  try {
    args = parseArgs(rest);
  } catch (e) {
    // the words did not parse, so --json is looked for as typed; a verb that does not load has no JSON line
    return refuse(verb, await load().then((m) => m.command, () => undefined), rest.includes('--json'), (e as Error).message);
  }
  let command: CliCommand;
  try {
    ({ command } = await load());
  } catch (e) {
    return escaped(verb, undefined, args.options.json === true, e);
  }
  // `gatelab VERB --help` must never run the verb (a bare `train --help` would otherwise train the demo).
  if (args.options.help === true || args.positionals.includes('-h')) {
    console.log(helpText(verb, command.summary, command.usage, command.options));
    return 0;
  }
  const unknown = unknownOption(verb, args, command.options);
  if (unknown) return refuse(verb, command, args.options.json === true, unknown);
  try {
    return await command.run(args);
  } catch (e) {
    return escaped(verb, command, args.options.json === true, e);
  }
}

/**
 * What the app does and no verb does, by the word a user of the README types for it (its Compare view):
 * where to find it, and what the command line offers instead.
 */
const APP_ONLY: Record<string, string> = {
  compare: "Compare is a view of the app (npm start, or gatelab serve in a browser): tick the runs and click Compare N. " +
    "On the command line, gatelab runs lists every run's test metrics (gatelab runs --group G: a sweep's runs), and gatelab sweep ends with each setting's mean ± std over its seeds",
};

/** An unknown verb, with the nearest one (`dataset` → `datasets`) or where the app does it. */
export function unknownCommand(verb: string): string {
  const lower = verb.toLowerCase();
  if (Object.hasOwn(APP_ONLY, lower)) return `'${verb}' is not a command. ${APP_ONLY[lower]}`;
  const near = closestName(verb, Object.keys(COMMANDS));
  return `unknown command '${verb}'${near ? ` (did you mean '${near}'?)` : ''}. Run 'gatelab help' for the list.`;
}

/** A refusal found before the verb runs (exit 2, nothing done): said on stderr and, with --json, its JSON line. */
function refuse(verb: string, command: CliCommand | undefined, json: boolean, message: string): number {
  if (json) printRefusalLine(verb, command, message);
  console.error(`gatelab ${verb}: ${message}`);
  return EXIT_REFUSED;
}

/**
 * An error no verb reported itself (it escaped the verb's own handling: a bug, or the lab failing where no
 * verb expected it): one line a user can act on, as every verb's errors are, and exit 1 (2 only for a typed
 * refusal). The stack is for whoever debugs GateLab: GATELAB_DEBUG=1 prints it.
 */
function escaped(verb: string, command: CliCommand | undefined, json: boolean, e: unknown): number {
  const message = e instanceof Error ? e.message : String(e);
  const code = exitCodeOfError(e);
  if (process.env.GATELAB_DEBUG) console.error(e instanceof Error && e.stack ? e.stack : message);
  const said = `${message}${code === 1 && !process.env.GATELAB_DEBUG ? ' (GATELAB_DEBUG=1 gatelab ... prints where it happened)' : ''}`;
  // with --json it ends stdout too, as a refusal does: a script reading the last line finds the error there
  if (json) printRefusalLine(verb, command, said);
  console.error(`gatelab ${verb}: ${said}`);
  return code;
}
