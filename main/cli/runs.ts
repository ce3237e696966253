// `gatelab runs [--status S] [--group G] [--json]`: the lab's runs, newest last, with their result.
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { refused, withReadingRefusing } from './refusal-line';
import { Refusal } from '../lab/runs/refusal';
import { runSummary, runsTable } from '../lab/runs/run-report';
import { RUN_STATUSES, type RunStatus } from '../lab/store/index';

export const command: CliCommand = {
  summary: 'list runs with status and metrics (--status S, --group G, --json)',
  usage: "",
  options: [
    ["--status S", "only runs with this status (queued, running, paused, completed, failed, cancelled, interrupted)"],
    ["--group G", "only the runs of this group (a sweep or seeds)"],
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  // the list is a JSON array, which has no room for an error: a refusal is an object a script cannot take
  // for an empty list (`runs` empty, `status: 'error'`)
  jsonRefusal: (error) => ({ runs: [], status: 'error', error }),
  // Opening the runs also recovers runs left 'running' by a lab that died (-> interrupted).
  run: async (args) => {
    // `gatelab runs show 3` (or `runs 3`) reads as "show run 3": do that rather than list every run
    const [first, ...rest] = args.positionals;
    if (first === 'show' || (first !== undefined && /^\d+$/.test(first))) {
      const show = (await import('./show')).command;
      return show.run({ ...args, positionals: first === 'show' ? rest : args.positionals });
    }
    if (first !== undefined) return refused('runs', command, args, new Refusal(`it takes no '${first}'; it lists runs (--status S, --group G), and gatelab show RUN shows one`));
    return listRuns(args);
  },
};

function listRuns(args: Parameters<CliCommand['run']>[0]) {
  return withReadingRefusing('runs', command, args, (s) => {
    const status = stringOption(args, 'status');
    if (status !== undefined && !(RUN_STATUSES as readonly string[]).includes(status)) throw new Refusal(`--status must be one of ${RUN_STATUSES.join(', ')} (got '${status}')`);
    const group = stringOption(args, 'group');
    const { records: runs, damaged } = s.store.runs.listChecked({ status: status as RunStatus | undefined, groupId: group });
    // rows whose stored JSON is damaged are left out, each said once on stderr (--json's stdout stays JSON)
    for (const d of damaged) console.error(`gatelab runs: ${d.reason}`);
    const filtered = status !== undefined || group !== undefined;
    if (args.options.json === true) console.log(JSON.stringify(runs.map((r) => runSummary(s.store, r))));
    else if (runs.length) console.log(runsTable(s.store, runs, { settings: group !== undefined }));
    else console.log(filtered ? 'no run matches --status/--group (gatelab runs lists them all)' : damaged.length ? 'no other runs' : 'no runs yet: start one with gatelab train');
    return 0;
  });
}
