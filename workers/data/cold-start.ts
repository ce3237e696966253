// Cold start in a recommendation run: the share of validation and test rows whose user (item, ...) never
// occurs in the training rows. Such a row reaches the model as the out-of-vocabulary id, so a split that
// holds out whole users (a given split by user, a time split with new items) scores a different task
// than a random one; the run's data line says how much, e.g. "share of rows whose value is unseen in
// training: …; test user 100%, item 3%", so an AUC is read with it.
import { TRAIN, VAL, TEST, type ColumnSource, type DataColumn, type SplitResult } from '../../common/data';
import { looksLikeIdName } from '../../common/data/id-names';

/**
 * Fields reported even at 0%: the first two when their names read as ids (user, item_id: the usual layout;
 * "user 0%" says the split is not a cold start). Other fields (a click log's C1, C2, …; gender)
 * only when some value is unseen: "C1 0%" is noise in a line that is read for its cold rows. The rule is
 * the importer's (common/data/id-names.ts): a column it reads as ids is one this line reports.
 */
const ALWAYS = 2;
/**
 * ...and only when they hold more than a handful of values: a field named like an entity with 2–4 values (a
 * click log's `device`: mobile, desktop, tablet) is a category every split sees, not a user; 7 users are users.
 */
const MANY = 5;
/** At most this many fields in the line. */
const MOST = 4;

/** Per field, the share of validation and test rows whose value does not occur in the training rows (a missing value is its own id: seen). */
export function unseenShares(data: ColumnSource, fields: readonly string[], split: SplitResult): { field: string; val: number; test: number }[] {
  const a = split.assignment;
  return fields.map((field) => {
    const seen = seenIn(data.column(field), a);
    let val = 0, test = 0, valRows = 0, testRows = 0;
    // one pass over the rows: a 45M-row click log costs two typed-array scans per field
    for (let r = 0; r < a.length; r++) {
      if (a[r] === VAL) { valRows++; if (!seen(r)) val++; } else if (a[r] === TEST) { testRows++; if (!seen(r)) test++; }
    }
    return { field, val: valRows ? val / valRows : 0, test: testRows ? test / testRows : 0 };
  });
}

/** Whether row r's value occurs in a training row (flags per code for coded columns, a set of numbers otherwise). */
function seenIn(col: DataColumn, assignment: Uint8Array): (row: number) => boolean {
  const v = col.values;
  if (col.dictionary) {
    const flags = new Uint8Array(col.dictionary.length);
    for (let r = 0; r < assignment.length; r++) if (assignment[r] === TRAIN && v[r] >= 0) flags[v[r]] = 1;
    return (r) => v[r] < 0 || flags[v[r]] === 1;
  }
  const set = new Set<number>();
  for (let r = 0; r < assignment.length; r++) if (assignment[r] === TRAIN && !Number.isNaN(v[r])) set.add(v[r]);
  return (r) => Number.isNaN(v[r]) || set.has(v[r]);
}

/** Whether a column holds at least MANY distinct values (a coded column: its dictionary; numbers: counted until MANY). */
function hasMany(col: DataColumn): boolean {
  if (col.dictionary) return col.dictionary.length >= MANY;
  const seen = new Set<number>();
  for (let r = 0; r < col.values.length && seen.size < MANY; r++) if (!Number.isNaN(col.values[r])) seen.add(col.values[r]);
  return seen.size >= MANY;
}

/** "<1%" for a share above 0 that rounds to 0, so a few cold rows never read as none. */
export const percent = (share: number) => (share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);

/** What the note's percentages are shares of. */
const ROWS_UNSEEN = 'share of rows whose value is unseen in training';

/** The data-line note: "share of rows whose value is unseen in training: validation user 0%, item 2%; test user 100%, item 3%". */
export function coldStartNote(data: ColumnSource, fields: readonly string[], split: SplitResult): string | null {
  const shares = unseenShares(data, fields, split)
    .filter((s, i) => (i < ALWAYS && looksLikeIdName(s.field) && hasMany(data.column(s.field))) || s.val > 0 || s.test > 0)
    .slice(0, MOST);
  if (!shares.length || !split.counts.val && !split.counts.test) return null;
  // the share is of rows, said before the numbers: "8% of user_id" read as 8% of the users
  const part = (name: 'val' | 'test', label: string) => `${label} ${shares.map((s) => `${s.field} ${percent(s[name])}`).join(', ')}`;
  return `${ROWS_UNSEEN}: ` + [split.counts.val ? part('val', 'validation') : null, split.counts.test ? part('test', 'test') : null].filter(Boolean).join('; ');
}
