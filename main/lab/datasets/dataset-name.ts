// The name a dataset gets. Names are how users point at datasets (`gatelab train sales`, hints that
// name a dataset), so two datasets with one name make those fail ("2 datasets are named"). A name the user
// chose (`import --name`, a rename, typed in the app) that another dataset has is refused, naming that
// dataset and the ways out: it is a decision, and changing it silently would hide that the name now means another
// dataset. A name derived from the file ('textonly' from textonly.csv, a changed file imported again) is
// only a default: the first free 'textonly (2)', 'textonly (3)', … is taken, and the import says so.
import { Refusal } from '../runs/refusal';

export interface NamedDataset { id: number; name: string }

export interface DatasetName {
  name: string;
  /** Set when a derived name was taken and another was picked: what to tell the user. */
  note: string | null;
}

/**
 * The given name, refused with DatasetNameTaken when another dataset has it. `renaming`: the dataset that
 * is to take the name (a rename), which may keep its own.
 */
export function checkGivenName(given: string, datasets: readonly NamedDataset[], renaming?: NamedDataset): string {
  const name = given.trim();
  const holder = datasets.find((d) => d.name === name && d.id !== renaming?.id);
  if (holder) throw new DatasetNameTaken(name, holder, renaming);
  return name;
}

/** A name derived from the file: itself when free, else the first free '<name> (n)', with a note saying so. */
export function freeDerivedName(derived: string, datasets: readonly NamedDataset[]): DatasetName {
  const taken = new Set(datasets.map((d) => d.name));
  if (!taken.has(derived)) return { name: derived, note: null };
  let n = 2;
  while (taken.has(`${derived} (${n})`)) n++;
  const name = `${derived} (${n})`;
  const holder = datasets.find((d) => d.name === derived)!;
  return { name, note: `dataset ${holder.id} is already named '${derived}', so this one is named '${name}' (to choose its name: gatelab datasets rename ID NAME, or import with --name)` };
}

/** A chosen name another dataset has: nothing was imported, or the renamed dataset kept its name (exit 2). */
export class DatasetNameTaken extends Refusal {
  constructor(readonly datasetName: string, readonly holder: NamedDataset, readonly renaming?: NamedDataset) {
    // the app shows it too: the ways out are said for both
    const freeIt = `rename dataset ${holder.id} first (in the app, or gatelab datasets rename ${holder.id} NEW_NAME)`;
    super(renaming
      ? `dataset ${holder.id} is already named '${datasetName}', so dataset ${renaming.id} keeps the name '${renaming.name}'. Choose another name, or ${freeIt}`
      : `dataset ${holder.id} is already named '${datasetName}', so nothing was imported. Choose another name for this import (--name), or ${freeIt} and import again`);
  }
}
