// `gatelab show RUN [--json]`: one run's config, status, metrics summary, gate summary and checkpoints.
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { openCliRuns } from '../lab/runs/cli-session';
import { runDetail, showText } from '../lab/runs/run-report';

export const command: CliCommand = {
  summary: 'show one run: config, status, metrics and gate summary, checkpoints (RUN [--json])',
  async run(args) {
    const id = Number(args.positionals[0]);
    if (!Number.isInteger(id)) {
      console.error('gatelab show: give a run id (gatelab runs lists them)');
      return 2;
    }
    let s;
    try {
      s = openCliRuns(stringOption(args, 'home'));
      const run = s.store.runs.get(id);
      if (!run) throw new Error(`no run ${id} in ${s.paths.home} (gatelab runs lists them)`);
      console.log(args.options.json === true ? JSON.stringify(runDetail(s.store, run)) : showText(s.store, run));
      return 0;
    } catch (e) {
      console.error(`gatelab show: ${(e as Error).message}`);
      return 1;
    } finally {
      await s?.close();
    }
  },
};
