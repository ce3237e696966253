// `gatelab pause RUN`: the run writes a checkpoint and waits; resume it with `gatelab resume RUN`.
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { controlVerb } from '../lab/runs/control-verb';
import { sayRefusal } from './json-refusal';

export const command: CliCommand = {
  summary: 'pause a run after its current step batch, with a checkpoint (RUN [--json])',
  usage: "RUN",
  options: [
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  run: (args) => controlVerb('pause', { run: args.positionals[0], home: stringOption(args, 'home'), json: args.options.json === true, sayRefusal: (message) => sayRefusal('pause', command, args, message) }),
};
