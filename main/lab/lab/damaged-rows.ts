// `lab.damaged`: the rows the lab's lists leave out because a stored JSON column of theirs does not parse
// (main/lab/store/damaged-rows.ts), for the app to name one muted line each under the Runs and Datasets
// lists. The store's reason points at a CLI verb (`gatelab show 3`); the app's says what the user sees.
import type { DamagedRowNote } from '../../../common/lab-api';
import type { DamagedRow, LabStore } from '../store/index';

/** Every damaged run, dataset and saved model, oldest first within each kind; none without a store (test ports). */
export function damagedRows(store: LabStore | null): DamagedRowNote[] {
  if (!store) return [];
  const rows = [...store.runs.listChecked().damaged, ...store.datasets.listChecked().damaged, ...store.models.listChecked().damaged];
  return rows.map((r) => ({ kind: r.kind, id: String(r.id), reason: appReason(r) }));
}

const NOUN: Record<DamagedRow['kind'], string> = { run: 'Run', dataset: 'Dataset', model: 'Saved model' };
const LIST: Record<DamagedRow['kind'], string> = { run: 'this list', dataset: 'this list', model: 'the saved models' };

/** "Run 3 could not be read (its stored config is damaged) and is left out of this list; the rest of the lab is unaffected." */
export function appReason(r: Pick<DamagedRow, 'kind' | 'id' | 'column'>): string {
  // stored column names read as words: data_summary -> data summary; "stats of column 'price'" is plural
  const what = r.column.replace(/_/g, ' ');
  const verb = /^stats\b/.test(what) ? 'are' : 'is';
  return `${NOUN[r.kind]} ${r.id} could not be read (its stored ${what} ${verb} damaged) and is left out of ${LIST[r.kind]}; the rest of the lab is unaffected.`;
}
