// `gatelab cancel RUN`: stops a run between two session.run calls (killed after a grace period).
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { controlVerb } from '../lab/runs/control-verb';
import { sayRefusal } from './json-refusal';

export const command: CliCommand = {
  summary: 'cancel a queued, running or paused run (RUN [--json])',
  usage: "RUN",
  options: [
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  run: (args) => controlVerb('cancel', { run: args.positionals[0], home: stringOption(args, 'home'), json: args.options.json === true, sayRefusal: (message) => sayRefusal('cancel', command, args, message) }),
};
