// The name refusal when the dataset holding the name has a damaged row (a stored JSON column that does not
// parse: store/damaged-rows.ts). DatasetNameTaken's way out, renaming the holder, cannot work then: renaming
// reads the damaged row. So the refusal says why, and names what does work: another name, or deleting the
// damaged dataset (its delete reads only its plain columns: DatasetRegistry.delete).
import { DatasetNameTaken, type NamedDataset } from './dataset-name';

/** A dataset as the name checks see it: `damaged` is its damaged column when its row is damaged. */
export interface NamedDatasetRow extends NamedDataset {
  damaged?: string;
}

/** DatasetNameTaken (so every face treats it as one: exit 2, the app's refusal) with the ways out that work. */
export class DamagedNameHolder extends DatasetNameTaken {
  constructor(taken: DatasetNameTaken, column: string) {
    super(taken.datasetName, taken.holder, taken.renaming);
    const h = taken.holder.id;
    const what = column.replace(/_/g, ' ');
    const why = `Dataset ${h} cannot be renamed: its stored ${what} ${/^stats\b/.test(what) ? 'are' : 'is'} damaged (gatelab datasets show ${h} says more)`;
    const remove = `delete dataset ${h} if you no longer need it (gatelab datasets delete ${h})`;
    this.message = taken.renaming
      ? `dataset ${h} is already named '${taken.datasetName}', so dataset ${taken.renaming.id} keeps the name '${taken.renaming.name}'. ${why}. Choose another name, or ${remove} and rename again`
      : `dataset ${h} is already named '${taken.datasetName}', so nothing was imported. ${why}. Choose another name for this import (--name), or ${remove} and import again`;
  }
}

/** Turns a DatasetNameTaken whose holder is damaged into DamagedNameHolder; any other error stays as it is. */
export function withDamagedHolder(e: unknown, named: readonly NamedDatasetRow[]): unknown {
  if (!(e instanceof DatasetNameTaken) || e instanceof DamagedNameHolder) return e;
  const column = named.find((d) => d.id === e.holder.id)?.damaged;
  return column ? new DamagedNameHolder(e, column) : e;
}
