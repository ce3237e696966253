// `gatelab train --target X` sets X as the dataset's target before the run's checks, and says so
// ("target of dataset 5: column_3"). A run refused after that sets it back ("target of dataset 5 left as it
// was: the run was refused"), so the two lines, one after the other, read as a change and its denial. The
// line that claims the change is held here until the run is queued, and dropped when it is refused: the
// user reads the change only when it stands. Every other line of the setup is said at once, in its order.

/**
 * The setup's lines that say --target was set (dataset-runs.ts setTarget) and the old target's label rule
 * dropped with it: both are set back on a refusal. Not its "left as it was".
 */
const TARGET_SET = /^(target of dataset \d+: |label rule of '.*' removed: )/;

export interface HeldTargetLine {
  /** The setup's log: says each line, except a target change, which it holds. */
  log: (line: string) => void;
  /** The run was queued: the held change stands, and is said now. */
  queued: () => void;
}

export function holdTargetLine(say: (line: string) => void): HeldTargetLine {
  const held: string[] = [];
  return {
    log: (line) => (TARGET_SET.test(line) ? held.push(line) : say(line)),
    queued: () => { for (const line of held.splice(0)) say(line); },
  };
}
