// Rows a listing left out because a stored JSON column of theirs does not parse (json.ts). A listing that
// failed on one such row would hide every run or dataset of the lab and stop the run queue; instead it
// lists the others and reports these, for the face to name once (the CLI on stderr, the app beside its list).
// Opening the row itself (`gatelab show 3`, the app's run page) still fails with parseJson's words.

export type DamagedKind = 'run' | 'dataset' | 'model';

export interface DamagedRow {
  kind: DamagedKind;
  id: number;
  /** The column as the user would say it: 'config', 'validation', or "stats of column 'price'". */
  column: string;
  /** A sentence for the user: what is damaged, that it was left out, and what says more. */
  reason: string;
}

/** A listing with the rows it could read, and those it left out. */
export interface CheckedList<T> {
  records: T[];
  damaged: DamagedRow[];
}

/** The command that opens the row (and so says exactly what is wrong), per kind; models have no verb of their own. */
const OPENED_BY: Record<DamagedKind, ((id: number) => string) | null> = {
  run: (id) => `gatelab show ${id}`,
  dataset: (id) => `gatelab datasets show ${id}`,
  model: null,
};

export function damagedRow(kind: DamagedKind, id: number, column: string): DamagedRow {
  const opener = OPENED_BY[kind];
  const more = opener ? `; \`${opener(id)}\` says more` : '';
  return { kind, id, column, reason: `${kind} ${id}'s stored ${column} is damaged: left out of the list${more}` };
}

/** Splits raw rows into records and damaged rows: `damage` names a row's damaged column, or null. */
export function checkRows<R extends object, T>(kind: DamagedKind, rows: R[], damage: (row: R) => string | null, read: (row: R) => T): CheckedList<T> {
  const out: CheckedList<T> = { records: [], damaged: [] };
  for (const row of rows) {
    const column = damage(row);
    if (column === null) out.records.push(read(row));
    else out.damaged.push(damagedRow(kind, Number((row as { id?: unknown }).id), column));
  }
  return out;
}
