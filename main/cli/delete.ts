// `gatelab delete RUN [--json]`: removes a run that is not training, with its metrics, gate statistics,
// checkpoints and analytics (exported ONNX files and reports stay where they were written).
// A run whose stored row is damaged (a JSON column that does not parse: store/damaged-rows.ts) is deleted
// too (the manager reads only its plain columns): it is the way out the lab's messages point at, so this
// verb does not open the row first as every other run verb does, and says what it removed.
import { existsSync } from 'node:fs';
import type { CliCommand } from '../cli';
import { withCliRuns, noRun } from './with-runs';
import { EXIT_REFUSED } from './exit-codes';
import { sayRefusal } from './json-refusal';

const USAGE = 'usage: gatelab delete RUN (a run id; gatelab runs lists them)';

export const command: CliCommand = {
  summary: 'delete a run that is not training, with its metrics and checkpoints (RUN [--json])',
  usage: "RUN",
  options: [
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  run: (args) => {
    const id = Number(args.positionals[0]);
    if (!Number.isInteger(id)) {
      sayRefusal('delete', command, args, USAGE);
      return Promise.resolve(EXIT_REFUSED);
    }
    return withCliRuns('delete', args, (s) => {
      const damaged = s.store.runs.damagedColumn(id);
      if (damaged === undefined) throw noRun(id, s);
      const checkpoints = s.store.checkpoints.forRun(id).length;
      const folder = existsSync(s.files.folder(id)) ? s.files.folder(id) : null;
      s.manager.delete(id); // a run still training is refused by the manager (a Refusal: 2); a disk that fails stays 1
      const json = args.options.json === true;
      if (damaged === null) {
        console.log(json ? JSON.stringify({ run: id, deleted: true }) : `run ${id} deleted`);
        return 0;
      }
      console.log(json
        ? JSON.stringify({ run: id, deleted: true, damaged, removed: { checkpoints, folder } })
        : `run ${id} deleted (its stored ${damaged.replace(/_/g, ' ')} was damaged, so its settings could not be read): removed its database row with its metrics, gate statistics and analytics, ` +
          `${checkpoints} checkpoint${checkpoints === 1 ? '' : 's'}${folder ? ` and its folder ${folder}` : ' (it had no folder)'}; exported files stay where they were written`);
      return 0;
    });
  },
};
