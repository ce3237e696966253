// `gatelab train --dataset FILE` imports the file and counts its import warnings with where to read them
// ("1 import warning (gatelab datasets show 7 lists them)"). A run refused after that removes the dataset
// again, so that pointer would name a dataset that no longer exists, just when the warning may be why the run
// was refused (repeated times in a long-format file). The count is held until the run is queued, or until the
// removal is said; then it points at the import that keeps the dataset and lists them.
import type { SetupEvent } from '../lab/runs/setup-lines';
import type { HeldTargetLine } from './held-target-line';

/** `lines` with the import-warnings count held as the module comment says; `queued` says it as it was. */
export function holdImportWarnings(lines: HeldTargetLine): HeldTargetLine {
  let held: Extract<SetupEvent, { kind: 'import-warnings' }> | null = null;
  const release = (e: SetupEvent | null) => { if (e !== null) lines.event(e); held = null; };
  return {
    event: (e) => {
      if (e.kind === 'import-warnings') { held = e; return; }
      // removed: the count points at the import of the file; kept (the removal failed): at the dataset, as it was
      if (e.kind === 'import-removed' && held !== null) release({ ...held, removedFile: e.file });
      else if (e.kind === 'import-kept') release(held);
      lines.event(e);
    },
    queued: () => { release(held); lines.queued(); },
  };
}
