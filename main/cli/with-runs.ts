// The shape every run-level CLI verb shares: parse the run id, open the lab's runs (which also recovers
// runs a dead lab left 'running'), report an error as `gatelab VERB: message` with exit code 1, and
// always close the lab again.
import type { CliArgs } from './args';
import { stringOption } from './args';
import { openCliRuns } from '../lab/runs/cli-session';

type CliRuns = ReturnType<typeof openCliRuns>;

/** Runs `fn` with the lab's runs open; exit code 1 with the message when it throws. */
export async function withCliRuns(verb: string, args: CliArgs, fn: (s: CliRuns) => number | Promise<number>): Promise<number> {
  let s: CliRuns | undefined;
  try {
    s = openCliRuns(stringOption(args, 'home'));
    return await fn(s);
  } catch (e) {
    console.error(`gatelab ${verb}: ${(e as Error).message}`);
    return 1;
  } finally {
    await s?.close();
  }
}

/** Like withCliRuns for a verb whose first argument is a run id; exit code 2 with `usage` when it is not one. */
export async function withCliRun(verb: string, args: CliArgs, usage: string, fn: (s: CliRuns, id: number) => number | Promise<number>): Promise<number> {
  const id = Number(args.positionals[0]);
  if (!Number.isInteger(id)) {
    console.error(`gatelab ${verb}: ${usage}`);
    return 2;
  }
  return withCliRuns(verb, args, (s) => fn(s, id));
}
