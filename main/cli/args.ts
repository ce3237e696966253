// Shared argument parsing for every CLI verb: positionals, --flag, --key value, --key=value,
// and repeatable --set key=value. No dependency: the grammar is small. A mistake in them is a Refusal (exit 2).
import { Refusal } from '../lab/runs/refusal';
export interface CliArgs {
  positionals: string[];
  /** Last value of each --key (true for a bare flag). */
  options: Record<string, string | true>;
  /** Every value of each --key, in order, for the options that may be given more than once (stringOptions). */
  repeated: Record<string, Array<string | true>>;
  /** Every `--set key=value`, in order. */
  sets: Array<[string, string]>;
  /**
   * Mistakes in the words themselves (a `--set` without key=value), refused with the unknown options
   * (options.ts argumentProblem) rather than thrown here, so that a verb's --json refusal line says them too.
   */
  problems?: string[];
}

const BOOLEAN_FLAGS = new Set(['json', 'follow', 'help', 'cuda', 'report', 'yes', 'new-token', 'no-open', 'all-interrupted']);

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { positionals: [], options: {}, repeated: {}, sets: [], problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { out.positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    let value: string | true;
    if (eq > 0) value = a.slice(eq + 1);
    else if (BOOLEAN_FLAGS.has(key) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) value = true;
    else value = argv[++i];
    if (key === 'set') {
      if (value === true || !value.includes('=')) {
        out.problems!.push(value === true ? '--set needs key=value (e.g. --set lookback=336)' : `--set takes key=value (got '${value}'; e.g. --set ${value}=…)`);
        continue;
      }
      const k = value.slice(0, value.indexOf('='));
      out.sets.push([k, value.slice(k.length + 1)]);
    } else {
      out.options[key] = value;
      (out.repeated[key] ??= []).push(value);
    }
  }
  return out;
}

/** A string option, or undefined; a bare flag where a value was expected is an error the user can fix. */
export function stringOption(args: CliArgs, key: string): string | undefined {
  const v = args.options[key];
  if (v === true) throw new Refusal(`--${key} needs a value`);
  return v;
}

/** Every value of a repeatable option, in order (`--data-dir A --data-dir B`); [] when not given. */
export function stringOptions(args: CliArgs, key: string): string[] {
  return (args.repeated[key] ?? []).map((v) => {
    if (v === true) throw new Refusal(`--${key} needs a value`);
    return v;
  });
}
