// What a dataset run's setup (dataset-runs.ts datasetRunSetup) tells the person who asked for the run, handed
// on as facts, and the one place their words are written. `gatelab train` holds some facts until the run is
// queued and rewords the import-warnings count once the dataset it points at is removed again
// (main/cli/held-*.ts): it decides on the facts, never on the words, so rewording a line here cannot
// silently stop it from being held.
import { shellWord } from '../../../common/text/shell-word';

/** A fact of the setup, in the order it happened; setupLine says it. */
export type SetupEvent =
  /** `file` was imported as dataset `datasetId` (`created`), or already was that dataset (named `name`). */
  | { kind: 'imported'; file: string; datasetId: number; created: boolean; name: string }
  /**
   * The file just imported has `count` (> 0) import warnings. `removedFile`: the dataset was removed again
   * (a refused run), so the import of that file, not `gatelab datasets show`, is where to read them.
   */
  | { kind: 'import-warnings'; datasetId: number; count: number; removedFile?: string }
  /** A refused run's undo removed the dataset imported from `file`; `advised`: the refusal's advice now starts with that import. */
  | { kind: 'import-removed'; datasetId: number; file: string; advised: boolean }
  /** The undo could not remove it (`reason`): it stays in the lab. */
  | { kind: 'import-kept'; datasetId: number; file: string; reason: string }
  /** --target made `column` the dataset's target in place of `previous`. */
  | { kind: 'target-set'; datasetId: number; column: string; previous: string[] }
  /** The label rule of the former target `column` was dropped with it. */
  | { kind: 'label-rule-removed'; column: string }
  /** A refused run's undo set the dataset's roles and label rule back. */
  | { kind: 'target-restored'; datasetId: number };

/** Where the setup's facts go: a sink may hold or reword them (main/cli/held-target-line.ts), or say them at once. */
export interface SetupLines {
  event: (e: SetupEvent) => void;
}

/** A fact in the words the user reads. */
export function setupLine(e: SetupEvent): string {
  switch (e.kind) {
    case 'imported':
      return e.created ? `imported ${e.file} as dataset ${e.datasetId}` : `${e.file} is already dataset ${e.datasetId} ('${e.name}'): training on it`;
    case 'import-warnings': {
      const where = e.removedFile === undefined ? `gatelab datasets show ${e.datasetId} lists them`
        : `gatelab import ${shellWord(e.removedFile)} lists them, and keeps the dataset`;
      return `${e.count} import warning${e.count === 1 ? '' : 's'} (${where})`;
    }
    case 'import-removed':
      return `dataset ${e.datasetId} removed again: the run was refused, so ${e.file} is not kept (to keep it, gatelab import ${shellWord(e.file)}` +
        `${e.advised ? '; the advice below starts with that import, and ID in it is the id the import prints' : ''})`;
    case 'import-kept':
      return `dataset ${e.datasetId} (imported from ${e.file}) is kept: it could not be removed (${e.reason}); gatelab datasets delete ${e.datasetId} removes it`;
    case 'target-set':
      return `target of dataset ${e.datasetId}: ${e.column}${e.previous.length ? ` (was ${e.previous.join(', ')})` : ''}`;
    case 'label-rule-removed':
      return `label rule of '${e.column}' removed: it was for that column, which is no longer the target`;
    case 'target-restored':
      return `target of dataset ${e.datasetId} left as it was: the run was refused`;
  }
}

/** A sink that says every fact at once, in its order (a caller that holds nothing back). */
export function saidAtOnce(say: (line: string) => void): SetupLines {
  return { event: (e) => say(setupLine(e)) };
}
