// A forecasting channel that counts the rows (UCI Bike Sharing's `instant`: 1, 2, 3, … in file order) is a
// row number, not a measurement: the model forecasts it almost exactly from its own past, so the headline
// mse/mae, the mean over the channels, reads better than the forecasts of the real channels are. A new import
// starts such a column ignored (main/lab/datasets/ignored-on-import.ts); this note is for the channels that
// still reach a run: a dataset imported before that rule (roles are stored at import), a time index the import
// keeps as data (`t`, `week`), a counter the user set back to feature. It does not leave the channel out (which
// channels a run is built with is common/models/usable-columns.ts's rule, and stored runs re-derive their
// inputs by it); the data line says what the column is and how to leave it out.
import type { DataColumn } from '../../common/data/columns';
import { risesByOneEachRow } from '../../common/data/row-counter';
import { shellWord } from '../../common/text/shell-word';

/** A numeric column that goes up by exactly 1 from every row to the next (at least 3 rows, no gap), from any start. */
export function countsRows(column: DataColumn): boolean {
  if (column.dictionary || (column.dim ?? 1) !== 1) return false;
  return risesByOneEachRow(column.values);
}

/** The data line's note for the channels among `channels` that count the rows; null when none does. */
export function rowCounterNote(channels: readonly string[], column: (name: string) => DataColumn, datasetId: number | undefined): string | null {
  const counters = channels.filter((name) => countsRows(column(name)));
  if (!counters.length) return null;
  const named = counters.map((n) => `'${n}'`).join(', ');
  const roles = counters.map((n) => shellWord(`${n}=ignore`)).join(' ');
  return `${named} ${counters.length === 1 ? 'counts' : 'count'} the rows (1, 2, 3, … in file order): a row number, forecast almost exactly from its own past, ` +
    `so it makes the headline mse/mae (the mean over the channels) read better than the other forecasts are; leave it out with gatelab datasets roles ${datasetId ?? 'ID'} ${roles}`;
}
