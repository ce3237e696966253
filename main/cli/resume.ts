// `gatelab resume RUN [RUN ...] [--all-interrupted] [--follow] [--json]`: continues paused or interrupted runs
// from their last checkpoints, in this process (like train; several at once share the run slots, as a
// sweep's do); a run paused inside another live lab is resumed there. Each run is reported on its own: one
// that cannot be resumed (no such run, already completed) is said and skipped, the others go on.
// Exit code (exit-codes.ts): 0 only when every run was resumed and completed; otherwise 1 if any failed, was
// cancelled or interrupted (or the lab failed), else 2 if any was refused, else 3 if any ended paused.
import type { CliCommand } from '../cli';
import type { CliArgs } from './args';
import { refused, withRunsRefusing } from './refusal-line';
import { followRuns, runResult, describeResult, exitCodeOf, runList, EXIT_PAUSED, type CliRuns } from '../lab/runs/cli-session';
import { Refusal } from '../lab/runs/refusal';
import { exitCodeOfError, EXIT_FAILED, EXIT_OK, EXIT_REFUSED } from './exit-codes';

const USAGE = 'give one or more run ids (gatelab resume 4 7 9), or --all-interrupted (gatelab runs lists them)';

/** The run ids as typed, each once and in order; a word that is not an id refuses the command (nothing resumes). */
export function runIdsOf(args: CliArgs): number[] {
  const bad = args.positionals.filter((p) => !/^\d+$/.test(p));
  if (bad.length) throw new Refusal(`'${bad[0]}' is not a run id; ${USAGE}`);
  return [...new Set(args.positionals.map(Number))];
}

/** Why a run was not resumed, kept for its report line. */
interface NotResumed {
  id: number;
  error: unknown;
}

/** The command's exit code: 0 only when every run was resumed and completed (module comment). */
export function resumeExitCode(outcomes: number[]): number {
  if (outcomes.includes(EXIT_FAILED)) return EXIT_FAILED;
  if (outcomes.includes(EXIT_REFUSED)) return EXIT_REFUSED;
  if (outcomes.includes(EXIT_PAUSED)) return EXIT_PAUSED;
  return EXIT_OK;
}

export const command: CliCommand = {
  summary: 'continue paused or interrupted runs from their last checkpoints (RUN [RUN ...] | --all-interrupted [--follow] [--json])',
  usage: 'RUN [RUN ...]',
  options: [
    ['--all-interrupted', 'also every interrupted run of the lab (a crash, a kill, a full disk)'],
    ['--follow', 'print progress about once a second while it trains (with --json: every event, one JSON line each)'],
    ['--json', 'one JSON object on stdout (for scripts): {run, status, ...} for one run, {runs: [...]} for several'],
  ],
  // one line both success shapes' readers find the refusal in (a single run's `run`/`status`/`test`, several
  // runs' `runs`), since a refusal found before the ids are read cannot tell which was asked
  jsonRefusal: (error) => ({ run: null, status: 'error', test: {}, runs: [], error }),
  async run(args) {
    const all = args.options['all-interrupted'] === true;
    let ids: number[];
    try {
      if (args.options['all-interrupted'] !== undefined && !all) throw new Refusal(`--all-interrupted takes no value (got '${String(args.options['all-interrupted'])}')`);
      ids = runIdsOf(args);
      if (!ids.length && !all) throw new Refusal(USAGE);
    } catch (e) {
      return refused('resume', command, args, e);
    }
    return withRunsRefusing('resume', command, args, (s) => resumeRuns(s, args, all ? [...ids, ...interruptedRuns(s, ids)] : ids, !all && ids.length === 1));
  },
};

/** The lab's interrupted runs that were not named already, oldest first. */
function interruptedRuns(s: CliRuns, named: number[]): number[] {
  return s.store.runs.list({ status: 'interrupted' }).map((r) => r.id).filter((id) => !named.includes(id)).sort((a, b) => a - b);
}

async function resumeRuns(s: CliRuns, args: CliArgs, ids: number[], single: boolean): Promise<number> {
  const json = args.options.json === true;
  const m = s.manager;
  if (!ids.length) {
    console.log(json ? JSON.stringify({ runs: [] }) : 'no interrupted run to resume (gatelab runs --status interrupted lists them)');
    return EXIT_OK;
  }
  const here: number[] = [];
  const elsewhere: { id: number; owner: number }[] = [];
  const notResumed: NotResumed[] = [];
  for (const id of ids) {
    try {
      if (!s.store.runs.get(id)) throw new Refusal(`no run ${id} in ${s.paths.home} (gatelab runs lists them)`);
      const owner = s.files.liveOwner(id);
      // a run in a state it cannot resume from (completed, running) is refused by the manager (a Refusal: 2)
      m.resume(id);
      if (owner !== null) {
        elsewhere.push({ id, owner });
        continue;
      }
      here.push(id);
      if (!json) console.log(resumingFrom(s, id));
    } catch (e) {
      notResumed.push({ id, error: e });
    }
  }
  if (single && notResumed.length) {
    // one run, as before several were taken: its message alone, and its code (with --json: the refusal line, naming the run)
    return refused('resume', command, args, notResumed[0].error, { run: notResumed[0].id });
  }
  // each run's outcome line below (describeResult) says a failure's error: not printed as it happens too; with
  // --json the data line (its warnings) goes to stderr, as train's does, since stdout is the JSON's
  const runs = here.length ? await followRuns(m, here, { follow: args.options.follow === true, json, outcomeLine: true, printNote: (l) => console.error(l) }) : [];
  const reports = ids.map((id) => {
    const run = runs.find((r) => r.id === id);
    if (run) return { code: exitCodeOf(run), outcome: run.status, json: { resumed: true, ...runResult(s.store, run) }, text: describeResult(s.store, run) };
    const away = elsewhere.find((x) => x.id === id);
    if (away) return { code: EXIT_OK, outcome: 'resumed in another lab process', json: { run: id, resumed: true, status: 'running', owner: away.owner }, text: `run ${id} resumed in the lab process ${away.owner} that trains it` };
    const no = notResumed.find((x) => x.id === id)!;
    const status = s.store.runs.get(id)?.status ?? null;
    return { code: exitCodeOfError(no.error), outcome: 'not resumed', json: { run: id, resumed: false, status, error: (no.error as Error).message }, text: `gatelab resume: run ${id} not resumed: ${(no.error as Error).message}`, stderr: true };
  });
  if (json) console.log(JSON.stringify(single ? withoutResumed(reports[0].json) : { runs: reports.map((r) => r.json) }));
  else for (const r of reports) ('stderr' in r ? console.error : console.log)(r.text);
  const code = resumeExitCode(reports.map((r) => r.code));
  if (!json && !single && code !== EXIT_OK) console.log(summary(reports.map((r, i) => ({ id: ids[i], outcome: r.outcome }))));
  return code;
}

/**
 * "resuming run 4 from its epoch checkpoint at step 1200". Only asked after m.resume(id) accepted the run
 * (which checked the file whole moments ago: it is not read whole again, run-checkpoints.ts checkFile):
 * a run whose every checkpoint is damaged was refused there and stays interrupted (run-manager.ts resume()).
 * The catch covers a checkpoint damaged in the moment between the two; the queue then refuses it, saying so.
 */
function resumingFrom(s: CliRuns, id: number): string {
  try {
    const from = s.manager.resumePoint(id);
    return from ? `resuming run ${id} from its ${from.kind} checkpoint at step ${from.step}` : `run ${id} has no checkpoint: it restarts from step 0`;
  } catch {
    return `resuming run ${id}`;
  }
}

/** One run's --json object as `gatelab resume RUN` has always printed it (no `resumed` field). */
function withoutResumed(o: Record<string, unknown>): Record<string, unknown> {
  const { resumed: _resumed, ...rest } = o;
  return rest;
}

/** The last line when not every run completed: the runs by outcome ("runs 4, 7 completed; run 9 not resumed"). */
function summary(outcomes: { id: number; outcome: string }[]): string {
  const kinds = [...new Set(outcomes.map((o) => o.outcome))];
  return kinds.map((k) => `${runList(outcomes.filter((o) => o.outcome === k).map((o) => o.id))} ${k}`).join('; ');
}
