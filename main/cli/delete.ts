// `gatelab delete RUN [--json]`: removes a run that is not training, with its metrics, gate statistics,
// checkpoints and analytics (exported ONNX files and reports stay where they were written).
import type { CliCommand } from '../cli';
import { withCliRun } from './with-runs';

export const command: CliCommand = {
  summary: 'delete a run that is not training, with its metrics and checkpoints (RUN [--json])',
  usage: "RUN",
  options: [
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  run: (args) => withCliRun('delete', args, 'usage: gatelab delete RUN (a run id; gatelab runs lists them)', (s, id) => {
    s.manager.delete(id); // a run still training is refused by the manager (a Refusal: 2); a disk that fails stays 1
    console.log(args.options.json === true ? JSON.stringify({ run: id, deleted: true }) : `run ${id} deleted`);
    return 0;
  }),
};
