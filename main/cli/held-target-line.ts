// `gatelab train --target X` sets X as the dataset's target before the run's checks, and says so
// ("target of dataset 5: column_3"). A run refused after that sets it back ("target of dataset 5 left as it
// was: the run was refused"), so the two lines, one after the other, read as a change and its denial. The
// change is held here until the run is queued, and dropped when it is refused: the user reads the change
// only when it stands. Every other fact of the setup is said at once, in its order.
import { setupLine, type SetupEvent, type SetupLines } from '../lab/runs/setup-lines';

/** The setup's facts that --target was set and the old target's label rule dropped with it: a refusal sets both back. */
const HELD: ReadonlySet<SetupEvent['kind']> = new Set(['target-set', 'label-rule-removed']);

export interface HeldTargetLine extends SetupLines {
  /** The run was queued: the held change stands, and is said now. */
  queued: () => void;
}

export function holdTargetLine(say: (line: string) => void): HeldTargetLine {
  const held: SetupEvent[] = [];
  return {
    event: (e) => (HELD.has(e.kind) ? held.push(e) : say(setupLine(e))),
    queued: () => { for (const e of held.splice(0)) say(setupLine(e)); },
  };
}
