// `gatelab show RUN [--json]`: one run's config, status, metrics summary, gate summary and checkpoints.
import type { CliCommand } from '../cli';
import { noRun, withCliReadingRun } from './with-runs';
import { runDetail, showText } from '../lab/runs/run-report';

export const command: CliCommand = {
  summary: 'show one run: config, status, metrics and gate summary, checkpoints (RUN [--json])',
  usage: "RUN",
  options: [
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  run: (args) => withCliReadingRun('show', args, 'give a run id (gatelab runs lists them)', (s, id) => {
    const run = s.store.runs.get(id);
    if (!run) throw noRun(id, s);
    console.log(args.options.json === true ? JSON.stringify(runDetail(s.store, run)) : showText(s.store, run));
    return 0;
  }),
};
