// The Runs view's per-class test table (components/TestClassesPanel.svelte) without the markup: which
// classes to list, each confusion cell's share of its row (the grid's shading), and the classes a model
// never predicts, so the numbers can be checked without a DOM. It follows `gatelab show`'s conventions
// (common/runs/test-classes.ts testClassLines): a class with no test rows that is never predicted is shown
// as — and listed after every class with an F1; a class without training rows is not offered class weights.
import { isUnscored, type TestClasses } from '../../common/runs/test-classes';

/** Rows listed before "Show all": a 1,000-class run would otherwise push the curves off the page. */
export const CLASS_ROWS = 50;
/** Classes the confusion grid is drawn for; wider grids are cells too small to read (the CLI's --json has it). */
export const GRID_MAX_CLASSES = 30;

/**
 * Class ids in the order the table lists them: class-id order (the data line's) when all fit, else the
 * `max` with the lowest F1 (ties: the larger support first), as `gatelab show` does. A class with no F1 to
 * judge (no test rows, never predicted: its 0 is a placeholder) is not "the lowest": it comes after every
 * class with an F1, so 50 rows of — do not push the classes that need attention off the list.
 */
export function listedClasses(t: TestClasses, max = CLASS_ROWS): number[] {
  const ids = t.classes.map((_, c) => c);
  if (ids.length <= max) return ids;
  const worst = (c: number) => (isUnscored(t.classes[c]) ? Infinity : t.classes[c].f1);
  return ids.sort((a, b) => worst(a) - worst(b) || t.classes[b].support - t.classes[a].support).slice(0, max);
}

export { isUnscored };

/** "‘a’", "‘a’ and ‘b’", "‘a’, ‘b’ and ‘c’", "‘a’, ‘b’, … (7 classes)": the CLI's list, in the panel's quotes. */
export function quotedClasses(names: readonly string[]): string {
  const q = names.slice(0, 5).map((n) => `‘${n}’`);
  if (names.length > 5) return `${q.join(', ')}, … (${names.length} classes)`;
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}

/**
 * The note under the table for the classes with no test rows that are never predicted (— in their rows),
 * worded as `gatelab show` words it, or null when there are none. AUC is called undefined only when the
 * test part holds a single class (the trainer then leaves it out of the test metrics).
 */
export function unscoredNote(t: TestClasses): string | null {
  const unscored = t.classes.filter(isUnscored).map((c) => c.name);
  if (!unscored.length) return null;
  const one = unscored.length === 1;
  const scored = t.classes.filter((c) => c.support > 0).length;
  return `${quotedClasses(unscored)} ${one ? 'has' : 'have'} no test rows and ${one ? 'is' : 'are'} never predicted: ${one ? 'its' : 'their'} precision, recall and F1 cannot be judged ` +
    `(—, left out of the averages and the test f1)${scored < 2 ? '; AUC is undefined on a test part of one class' : ''}`;
}

/** The classes the run's data line says have no training rows (TestClasses.untrained): class weights cannot teach them. */
export const untrainedClasses = (t: TestClasses): ReadonlySet<string> => new Set(t.untrained ?? []);

/** confusion[true][predicted] / the true class's test rows: 0 for a class with no test rows. */
export function rowShares(confusion: number[][]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
}

/** Classes with test rows that the model never predicts: what the headline accuracy and AUC hide. */
export const neverPredicted = (t: TestClasses) => t.classes.filter((c) => c.support > 0 && c.predicted === 0);

/** Whether the run's loss already weighs its classes (config loss.classWeights other than 'none'): the remedy is then not offered. */
export function weighsClasses(config: unknown): boolean {
  const w = (config as { loss?: { classWeights?: unknown } } | null)?.loss?.classWeights;
  return w !== undefined && w !== 'none';
}
