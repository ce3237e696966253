// `gatelab resume RUN [--follow] [--json]`: continues a paused or interrupted run from its last
// checkpoint, in this process (like train); a run paused inside another live lab is resumed there.
import type { CliCommand } from '../cli';
import { withCliRun } from './with-runs';
import { followRuns, runResult, describeResult, exitCodeOf } from '../lab/runs/cli-session';

export const command: CliCommand = {
  summary: 'continue a paused or interrupted run from its last checkpoint (RUN [--follow] [--json])',
  usage: "RUN",
  options: [
    ["--follow", "print progress about once a second while it trains (with --json: every event, one JSON line each)"],
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  run: (args) => withCliRun('resume', args, 'give a run id (gatelab runs lists them)', async (s, id) => {
    const json = args.options.json === true;
    const m = s.manager;
    if (!s.store.runs.get(id)) throw new Error(`no run ${id} in ${s.paths.home}`);
    const owner = s.files.liveOwner(id);
    m.resume(id);
    if (owner !== null) {
      console.log(json ? JSON.stringify({ run: id, status: 'running', owner }) : `run ${id} resumed in the lab process ${owner} that trains it`);
      return 0;
    }
    const from = m.resumePoint(id);
    if (!json) console.log(from ? `resuming run ${id} from its ${from.kind} checkpoint at step ${from.step}` : `run ${id} has no checkpoint: it restarts from step 0`);
    const [run] = await followRuns(m, [id], { follow: args.options.follow === true, json });
    console.log(json ? JSON.stringify(runResult(s.store, run)) : describeResult(s.store, run));
    return exitCodeOf(run); // as train's: 3 when it ends paused again
  }),
};
