// `gatelab cancel RUN`: stops a run between two session.run calls (killed after a grace period).
import type { CliCommand } from '../cli';
import { controlVerb } from '../lab/runs/control-verb';

export const command: CliCommand = {
  summary: 'cancel a queued, running or paused run (RUN [--json])',
  run: (args) => controlVerb('cancel', args),
};
