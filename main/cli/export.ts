// `gatelab export RUN --out model.onnx [--json]`: the run's model (best-on-validation weights) as ONNX.
import type { CliCommand } from '../cli';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { stringOption } from './args';
import { withCliReadingRun } from './with-runs';
import { exportRun, NoTrainedWeights } from '../lab/runs/export-run';
import { Refusal, asRefusal } from '../lab/runs/refusal';
import type { CliReading } from './cli-reading';

export const command: CliCommand = {
  summary: "export a run's trained model as ONNX (RUN [--out model.onnx] [--json]; without --out: the lab's exports folder)",
  usage: "RUN",
  options: [
    ["--out FILE", "where to write the ONNX model (default: the lab's exports folder)"],
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  run: (args) => withCliReadingRun('export', args, 'give a run id (gatelab runs lists them) and --out FILE.onnx', (s, id) => {
    const out = resolve(stringOption(args, 'out') ?? `${s.paths.exports}/run-${id}.onnx`);
    if (!existsSync(dirname(out))) throw new Refusal(`--out: the folder '${dirname(out)}' does not exist; create it or choose another path`);
    let r: ReturnType<typeof exportRun>;
    try {
      r = exportRun(s.store, s.files, id, out);
    } catch (e) {
      // every checkpoint damaged: refused (2) as resume refuses it; the lab's message says why and the ways on
      // (export-run.ts damagedCheckpointsWaysOn), the same words the app's Export view shows
      if (e instanceof NoTrainedWeights && e.damaged.length) throw new Refusal(e.message);
      // a run with no checkpoint yet is refused (2: train it first). With checkpoints, a failure is the lab's
      // (1): a graph that cannot be built (GraphError), a disk that fails.
      throw hasCheckpoint(s, id) ? e : asRefusal(e);
    }
    console.log(args.options.json === true ? JSON.stringify({ run: id, ...r }) : `run ${id} exported to ${r.path} (${r.bytes.toLocaleString('en-US')} bytes, from ${r.checkpoint})${r.note ? `\nnote: ${r.note}` : ''}`);
    return 0;
  }),
};

/** Whether the run has a checkpoint file to export from (damaged or not): export-run.ts reads these. */
const hasCheckpoint = (s: CliReading, id: number): boolean => s.store.checkpoints.forRun(id).some((c) => existsSync(s.files.fromStored(c.path)));

