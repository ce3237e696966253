// The classes a run's training, validation or test part holds no rows of, said in its data line before it
// trains. A rare class easily misses a part of a random or chronological split (an audit's CTR file: 6 clicks
// in 1,000 rows, none in test), and then the run's numbers mean less than they seem: AUC is undefined on a
// part of one class (it is left out), the F1 of a class with no test rows cannot be judged (sklearn's
// f1_score leaves it out of the macro F1; the test line read "accuracy 1.0000 f1 1.0000"), early stopping
// on a validation part of one class picks weights that never had to find the other, and a class with no
// training rows cannot be learned at all (class weights do not help it). Each note names the classes and
// the split that keeps every class in every part, with shares that give the rarest one a row in each.
import { partSizes, type Ratios } from '../../common/data';
import { NO_TRAINING_ROWS, NO_TRAINING_ROWS_END } from '../../common/runs/test-classes';
import type { PartClassCounts } from '../../common/trainer-protocol';
import { classCounts } from './class-weights';
import { classNamesOf } from './class-metrics';
import type { RunData } from './run-data';
import { shellWord } from '../../common/text/shell-word';

/**
 * Rows per class of each part of a classification run's data (class-id order); undefined for a regression.
 * Sent with 'ready' beside the notes (common/trainer-protocol.ts PartClassCounts): the lab reads the numbers, never the notes.
 */
export function partClassCounts(data: RunData): PartClassCounts | undefined {
  if (data.task === 'regression') return undefined;
  const k = classNamesOf(data).length;
  const binary = data.task === 'binary';
  return {
    train: classCounts(data.train, data.target, k, binary, data.train.rows, 'training'),
    validation: classCounts(data.validation, data.target, k, binary, data.validation.rows, 'validation'),
    test: classCounts(data.test, data.target, k, binary, data.test.rows, 'test'),
  };
}

/**
 * Shares of a stratified split, tried in order (the lab's default first): a stratified split gives each
 * class partSizes(rows of the class, shares), so 6 rows at 80/10/10 are 5 / 1 / 0 and at 70/15/15 4 / 1 / 1.
 */
const SHARES: Ratios[] = [{ train: 0.8, val: 0.1, test: 0.1 }, { train: 0.7, val: 0.15, test: 0.15 }, { train: 0.6, val: 0.2, test: 0.2 }];
const sharesText = (r: Ratios) => `${r.train},${r.val},${r.test}`;

/**
 * How a run then names the stored split. The trainer does not know whether its run came from `gatelab train`,
 * a sweep's experiment file or the app, and the note is stored with the run (show, the app's run view): it
 * gives each of them, not only train's flag (a sweep's file takes the id in its config.data, as
 * common/runs/new-run-config.ts splitIdAdviceInFile words a sweep's refusal).
 */
export const NAME_THE_SPLIT = 'then run with its id as data.splitId (gatelab train: --set data.splitId=SPLIT; an experiment file: "splitId": SPLIT in its config.data; the app: Models › Split)';

export interface PartNoteOptions {
  binary: boolean;
  /** The target column, for the split's --column. */
  column: string;
  /** A binary label rule (positiveAtLeast): its classes are named "'rating' ≥ 4", as the baseline names them. */
  rule?: number;
}

/** Up to 8 names, then how many there are in all. */
const list = (names: string[]) => names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length} in all)` : '');

/**
 * The data line's notes (joined with '; ' after it) for the classes some part has no rows of: none when
 * every class is in every non-empty part. `names` in class-id order (binary: negative, positive).
 */
export function partClassNotes(names: readonly string[], counts: PartClassCounts, o: PartNoteOptions): string[] {
  const shown = names.map((n, c) => (o.rule !== undefined ? `'${o.column}' ${c === 1 ? '≥' : '<'} ${o.rule}` : `'${n}'`));
  const total = names.map((_, c) => counts.train[c] + counts.validation[c] + counts.test[c]);
  // a class the split's parts do not hold at all (only rows the split leaves unused have it) is said once
  const nowhere = names.map((_, c) => c).filter((c) => total[c] === 0);
  const missing = (part: number[]) => names.map((_, c) => c).filter((c) => total[c] > 0 && part[c] === 0);
  const rows = (part: number[]) => part.reduce((s, v) => s + v, 0);
  const classesIn = (part: number[]) => part.filter((v) => v > 0).length;
  const notes: string[] = [];
  const absent = new Set<number>();

  const untrained = missing(counts.train);
  if (untrained.length) {
    // the lab reads this note back for runs stored before 'ready' carried classCounts (common/runs/test-classes.ts untrainedIn): keep its spelling
    notes.push(`${NO_TRAINING_ROWS}${list(untrained.map((c) => shown[c]))}${NO_TRAINING_ROWS_END} ${untrained.length === 1 ? 'it' : 'them'}; class weights do not help)`);
    untrained.forEach((c) => absent.add(c));
  }
  const unvalidated = rows(counts.validation) > 0 ? missing(counts.validation) : [];
  if (unvalidated.length) {
    const them = list(unvalidated.map((c) => shown[c]));
    // one class left: AUC is undefined and early stopping only sees how sure the model is of that class
    notes.push(classesIn(counts.validation) < 2
      ? `validation has no ${them} rows: AUC undefined there, early stopping sees one class`
      : `validation has no ${them} rows: early stopping never scores ${unvalidated.length === 1 ? 'it' : 'them'}`);
    unvalidated.forEach((c) => absent.add(c));
  }
  const untested = rows(counts.test) > 0 ? missing(counts.test) : [];
  if (untested.length) {
    const them = list(untested.map((c) => shown[c]));
    const f1 = untested.length === 1 ? `F1 of ${them} cannot be judged` : `their F1 cannot be judged`;
    notes.push(classesIn(counts.test) < 2
      ? `test has no ${them} rows: AUC undefined, ${f1}`
      : `test has no ${them} rows: ${f1} (left out of the macro F1)`);
    untested.forEach((c) => absent.add(c));
  }
  if (nowhere.length) notes.push(`no rows in any part: ${list(nowhere.map((c) => shown[c]))} (only rows the split leaves unused hold ${nowhere.length === 1 ? 'it' : 'them'})`);
  if (!absent.size) return notes;

  // the way out: a split stratified by the target, with shares that give each absent class a row in every part
  const fits = (r: Ratios, c: number) => partSizes(total[c], r).every((n) => n > 0);
  const splittable = [...absent].filter((c) => SHARES.some((r) => fits(r, c)));
  const tooFew = [...absent].filter((c) => !splittable.includes(c));
  if (splittable.length) {
    const shares = SHARES.find((r) => splittable.every((c) => fits(r, c))) ?? SHARES[SHARES.length - 1];
    const ratios = shares === SHARES[0] ? '' : ` --ratios ${sharesText(shares)}`;
    notes.push(`a split by class keeps every class in every part: gatelab datasets split ID --kind stratified --column ${shellWord(o.column)}${ratios}, ${NAME_THE_SPLIT}`);
  }
  if (tooFew.length) {
    const few = list(tooFew.map((c) => `${shown[c]} (${total[c]} row${total[c] === 1 ? '' : 's'})`));
    notes.push(`${few}: too few rows for every part to hold one; add rows of ${tooFew.length === 1 ? 'it' : 'them'}`);
  }
  return notes;
}
