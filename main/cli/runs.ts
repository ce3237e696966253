// `gatelab runs [--status S] [--group G] [--json]`: the lab's runs, newest last, with their result.
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { withCliRuns } from './with-runs';
import { runSummary, runsTable } from '../lab/runs/run-report';
import type { RunStatus } from '../lab/store/index';

export const command: CliCommand = {
  summary: 'list runs with status and metrics (--status S, --group G, --json)',
  // Opening the runs also recovers runs left 'running' by a lab that died (-> interrupted).
  run: (args) => withCliRuns('runs', args, (s) => {
    const runs = s.store.runs.list({ status: stringOption(args, 'status') as RunStatus | undefined, groupId: stringOption(args, 'group') });
    if (args.options.json === true) console.log(JSON.stringify(runs.map((r) => runSummary(s.store, r))));
    else console.log(runs.length ? runsTable(s.store, runs) : 'no runs yet: start one with gatelab train');
    return 0;
  }),
};
