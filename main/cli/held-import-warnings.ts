// `gatelab train --dataset FILE` imports the file and counts its import warnings with where to read them
// ("1 import warning (gatelab datasets show 7 lists them)"). A run refused after that removes the dataset
// again, so that pointer would name a dataset that no longer exists, just when the warning may be why the run
// was refused (repeated times in a long-format file). The line is held until the run is queued, or until the
// removal is said; then it points at the import that keeps the dataset and lists them.
import type { HeldTargetLine } from './held-target-line';

/** The setup's count of import warnings (dataset-runs.ts importWarningsLine). Group 1: the count's words. */
const IMPORT_WARNINGS = /^(\d[\d,]* import warnings?) \(gatelab datasets show \d+ lists them\)$/;
/** The setup's removal of the dataset it imported (dataset-runs.ts importUndo). Group 1: the import to type. */
const REMOVED = /^dataset \d+ removed again: .*\(to keep it, (gatelab import .+?)(?:; the advice below |\)$)/;
/** The removal failed: the dataset stays, and so does the pointer to it. */
const KEPT = /^dataset \d+ \(imported from .*\) is kept: /;

/** `lines` with the import-warnings line held as the module comment says; `queued` says it as it was. */
export function holdImportWarnings(lines: HeldTargetLine): HeldTargetLine {
  let held: string | null = null;
  const release = (line: string | null) => { if (line !== null) lines.log(line); held = null; };
  return {
    log: (line) => {
      if (IMPORT_WARNINGS.test(line)) { held = line; return; }
      const removed = REMOVED.exec(line);
      if (removed && held !== null) release(`${IMPORT_WARNINGS.exec(held)![1]} (${removed[1]} lists them, and keeps the dataset)`);
      else if (KEPT.test(line)) release(held);
      lines.log(line);
    },
    queued: () => { release(held); lines.queued(); },
  };
}
