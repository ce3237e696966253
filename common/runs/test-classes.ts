// A classification run's test metrics per class and its confusion matrix, as the trainer stores them beside
// its checkpoints (`test-classes.json` in the run's folder) and as `gatelab show` prints them. The headline
// accuracy and AUC of an imbalanced target hide a class the model never predicts (an audit's 90/8/2 target:
// accuracy 0.965, AUC 0.994, and the 2% class predicted 0 times out of 9); this table shows it.
// Kept out of the metric table like test-channels.json: 1,000 classes would add 4,000 metrics to every list.
import { z } from 'zod';
import type { PartClassCounts } from '../trainer-protocol';

export const TEST_CLASSES_FILE = 'test-classes.json';

const Averages = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });

export const TestClasses = z.object({
  /** The step of the parameters tested (the best-on-validation checkpoint's). */
  step: z.number().int(),
  /**
   * Per class in class-id order (the data line's order). precision = tp / predicted, recall = tp / support,
   * F1 = 2tp / (2tp + fp + fn); 0 where the denominator is 0 (scikit-learn's zero_division=0). A class
   * with no test rows that is never predicted (support 0, predicted 0: isUnscored) has nothing to judge:
   * its three 0s are placeholders, it is left out of the averages, and reports print '—' for them.
   */
  classes: z.array(z.object({
    name: z.string(),
    precision: z.number(),
    recall: z.number(),
    f1: z.number(),
    /** Test rows of this class. */
    support: z.number().int(),
    /** Test rows predicted as this class. */
    predicted: z.number().int(),
  })),
  /** confusion[true class][predicted class] = test rows (scikit-learn's confusion_matrix layout). */
  confusion: z.array(z.array(z.number().int())),
  /**
   * Unweighted mean over the classes that occur as a label or a prediction (macro.f1 is the run's test f1)
   * and the mean weighted by support: scikit-learn's classification_report "macro avg" and "weighted avg".
   */
  macro: Averages,
  weighted: Averages,
  /**
   * The classes without training rows (the model never saw them: class weights cannot help them). Not in
   * the trainer's file: the lab adds it when it reads the table, from the rows per class its trainer sent
   * with 'ready' (older runs: the data line's "no training rows:" note; main/lab/runs/test-classes-report.ts).
   * Absent: none, or a run from before the note.
   */
  untrained: z.array(z.string()).optional(),
});
export type TestClasses = z.infer<typeof TestClasses>;

/**
 * The classes of `names` (class-id order) with no training rows though validation or test holds some: the
 * rows per class of each part the trainer sent with 'ready' (workers/run/part-classes.ts partClassCounts).
 * Null when the counts are not those of these classes (another number of classes): the caller then knows nothing.
 */
export function untrainedOf(counts: PartClassCounts, names: readonly string[]): string[] | null {
  const { train, validation, test } = counts;
  if (![train, validation, test].every((part) => part.length === names.length)) return null;
  return names.filter((_, c) => train[c] === 0 && validation[c] + test[c] > 0);
}

/**
 * How the trainer's data line names the classes without training rows (workers/run/part-classes.ts writes
 * "no training rows: 'new', 'other' (the model cannot learn them; …)"); untrainedIn reads it back for runs
 * stored before 'ready' carried the counts (untrainedOf reads those).
 */
export const NO_TRAINING_ROWS = 'no training rows: ';
export const NO_TRAINING_ROWS_END = ' (the model cannot learn';

/**
 * The classes of `names` the data line's "no training rows:" note lists. Matched against the known names,
 * so a name holding ", " or "; " is read whole; a binary label rule's class ('≥ 4') is spelled "'stars' ≥ 4"
 * there. A list cut with "…" names only its first classes.
 */
export function untrainedIn(line: string, names: readonly string[]): string[] {
  const from = line.indexOf(NO_TRAINING_ROWS);
  if (from < 0) return [];
  const start = from + NO_TRAINING_ROWS.length;
  const end = line.indexOf(NO_TRAINING_ROWS_END, start);
  const segment = `, ${line.slice(start, end < 0 ? undefined : end)}, `;
  return names.filter((n) => segment.includes(`, '${n}', `) || (/^(≥|<) /.test(n) && segment.includes(`' ${n}, `)));
}

/**
 * A class with no test rows that the model never predicts: its precision, recall and F1 are 0/0, which
 * nothing can judge. scikit-learn's f1_score(average='macro') and classification_report leave it out (they
 * average over the labels that occur), and so do the run's f1 and the macro avg; the table prints '—'.
 */
export const isUnscored = (c: { support: number; predicted: number }) => c.support === 0 && c.predicted === 0;

/** Classes with test rows that the model never predicts: what the headline accuracy and AUC hide. */
export const neverPredicted = (t: TestClasses) => t.classes.filter((m) => m.support > 0 && m.predicted === 0);

/** How a note quotes class names: the terminal's 'a' (`gatelab show`) or the Runs panel's ‘a’. */
export type QuoteStyle = 'plain' | 'typographic';
const QUOTES: Record<QuoteStyle, readonly [string, string]> = { plain: ["'", "'"], typographic: ['‘', '’'] };

/** "'a'", "'a' and 'b'", "'a', 'b' and 'c'", "'a', 'b', … (7 classes)" (‘a’ in the typographic style). */
export function quotedClasses(names: readonly string[], style: QuoteStyle = 'plain'): string {
  const [open, close] = QUOTES[style];
  const q = names.slice(0, 5).map((n) => `${open}${n}${close}`);
  if (names.length > 5) return `${q.join(', ')}, … (${names.length} classes)`;
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}

/**
 * The note for the classes with no test rows that are never predicted ('—' in their rows), or null when
 * there are none: `gatelab show` prints it after "note: ", the Runs panel under its table (typographic
 * quotes). AUC is called undefined only when the test part holds a single class (the trainer then leaves
 * it out of the test metrics: eval-metrics.ts).
 */
export function unscoredNote(t: TestClasses, style: QuoteStyle = 'plain'): string | null {
  const unscored = t.classes.filter(isUnscored).map((m) => m.name);
  if (!unscored.length) return null;
  const one = unscored.length === 1;
  const scoredClasses = t.classes.filter((m) => m.support > 0).length;
  return `${quotedClasses(unscored, style)} ${one ? 'has' : 'have'} no test rows and ${one ? 'is' : 'are'} never predicted: ${one ? 'its' : 'their'} precision, recall and F1 cannot be judged ` +
    `(—, left out of the averages and the test f1)${scoredClasses < 2 ? '; AUC is undefined on a test part of one class' : ''}`;
}

/**
 * Class ids in the order a report lists them: class-id order when all `max` fit, else the `max` with the
 * lowest F1 (ties: the larger support first). A class with no F1 to judge (isUnscored: its 0 is a
 * placeholder) is not "the lowest": it comes after every class with an F1, so rows of — do not push the
 * classes that need attention off the list.
 */
export function listedClasses(t: TestClasses, max: number): number[] {
  const ids = t.classes.map((_, c) => c);
  if (ids.length <= max) return ids;
  const worst = (c: number) => (isUnscored(t.classes[c]) ? Infinity : t.classes[c].f1);
  return ids.sort((a, b) => worst(a) - worst(b) || t.classes[b].support - t.classes[a].support).slice(0, max);
}

/** Whether a run's loss weighs its classes (its config's loss.classWeights other than 'none'): the never-predicted note then offers no remedy. */
export function weighsClasses(config: unknown): boolean {
  const w = (config as { loss?: { classWeights?: unknown } } | null)?.loss?.classWeights;
  return w !== undefined && w !== 'none';
}

const f4 = (v: number) => v.toFixed(4);
/** A long name keeps its start and its end: 'ticket category 11' and '… 12' stay apart. */
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 8)}…${text.slice(-7)}` : text);
/** Columns of the confusion matrix are printed up to this many classes (wider does not fit a terminal). */
export const MATRIX_MAX_CLASSES = 10;
const NAME_WIDTH = 16;

/**
 * Lines for a report: a row per class (precision, recall, F1, support, then the row of the confusion
 * matrix: the class's test rows by predicted class), the macro and weighted averages, a note per class
 * that is never predicted (with the remedy unless `classWeights`: the run already weighs its classes, or
 * the class has no training rows: weights cannot teach a class the model never saw), and a note for the
 * classes with no test rows that are never predicted ('—' in their row: not scored). At most `max`
 * classes, the worst F1 first when there are more (unscored ones last: they have no F1).
 */
export function testClassLines(t: TestClasses, o: { max?: number; classWeights?: boolean } = {}): string[] {
  const max = o.max ?? 20;
  const k = t.classes.length;
  const ids = t.classes.map((_, c) => c);
  const shown = listedClasses(t, max);
  const names = t.classes.map((c) => clip(c.name, NAME_WIDTH));
  const width = Math.max(12, ...shown.map((c) => names[c].length));
  const matrix = k <= MATRIX_MAX_CLASSES;
  const supportWidth = Math.max(7, ...t.classes.map((c) => String(c.support).length));
  const cells = matrix ? ids.map((p) => Math.max(names[p].length, ...ids.map((a) => String(t.confusion[a]?.[p] ?? 0).length))) : [];
  const head = `${'class'.padEnd(width)}  precision  recall  f1      ${'support'.padStart(supportWidth)}` +
    (matrix ? `  │ predicted: ${ids.map((p) => names[p].padStart(cells[p])).join('  ')}` : '');
  const lines = [head];
  for (const c of shown) {
    const m = t.classes[c];
    const [p, r, f] = isUnscored(m) ? ['—'.padEnd(6), '—'.padEnd(6), '—'.padEnd(6)] : [f4(m.precision), f4(m.recall), f4(m.f1)];
    const row = `${names[c].padEnd(width)}  ${p}     ${r}  ${f}  ${String(m.support).padStart(supportWidth)}`;
    lines.push(matrix ? `${row}  │            ${ids.map((p) => String(t.confusion[c]?.[p] ?? 0).padStart(cells[p])).join('  ')}` : row);
  }
  if (k > max) lines.push(`… ${k - max} more class${k - max === 1 ? '' : 'es'} (shown: the ${max} with the lowest F1; --json lists every one)`);
  lines.push(`${'macro avg'.padEnd(width)}  ${f4(t.macro.precision)}     ${f4(t.macro.recall)}  ${f4(t.macro.f1)}`);
  lines.push(`${'weighted avg'.padEnd(width)}  ${f4(t.weighted.precision)}     ${f4(t.weighted.recall)}  ${f4(t.weighted.f1)}`);
  if (!matrix) lines.push(`confusion matrix (${k} × ${k}): --json has it (testClasses.confusion[true][predicted])`);
  const untrained = new Set(t.untrained ?? []);
  const never = neverPredicted(t);
  for (const m of never) {
    const rows = `${m.support} test row${m.support === 1 ? ' is' : 's are'} '${m.name}'`;
    lines.push(untrained.has(m.name) ? `note: '${m.name}' is never predicted (${rows}): it has no training rows, so the model never saw it` : `note: '${m.name}' is never predicted (${rows})`);
  }
  // the remedy, unless the run already weighs its classes or weights cannot help (no training rows)
  if (never.some((m) => !untrained.has(m.name)) && !o.classWeights) lines.push('      train with --set loss.classWeights=balanced to give every class the same weight in the loss');
  const unscored = unscoredNote(t);
  if (unscored) lines.push(`note: ${unscored}`);
  return lines;
}
