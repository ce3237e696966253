// The Runs view's per-class test table (components/TestClassesPanel.svelte) without the markup: which
// classes to list, each confusion cell's share of its row (the grid's shading), and the classes a model
// never predicts, so the numbers can be checked without a DOM. It follows `gatelab show`'s conventions
// (common/runs/test-classes.ts testClassLines): a class with no test rows that is never predicted is shown
// as — and listed after every class with an F1; a class without training rows is not offered class weights.
import { isUnscored, listedClasses as listedClassesOf, neverPredicted, unscoredNote as unscoredNoteOf, weighsClasses, type TestClasses } from '../../common/runs/test-classes';

/** Rows listed before "Show all": a 1,000-class run would otherwise push the curves off the page. */
export const CLASS_ROWS = 50;
/** Classes the confusion grid is drawn for; wider grids are cells too small to read (the CLI's --json has it). */
export const GRID_MAX_CLASSES = 30;

/**
 * Class ids in the order the table lists them, as `gatelab show` lists them (common/runs/test-classes.ts
 * listedClasses): class-id order when all fit, else the `max` with the lowest F1, unscored classes last.
 */
export const listedClasses = (t: TestClasses, max = CLASS_ROWS): number[] => listedClassesOf(t, max);

export { isUnscored, neverPredicted, weighsClasses };

/** The note under the table for the classes with no test rows that are never predicted: `gatelab show`'s words in the panel's quotes, or null. */
export const unscoredNote = (t: TestClasses): string | null => unscoredNoteOf(t, 'typographic');

/** The classes the run's data line says have no training rows (TestClasses.untrained): class weights cannot teach them. */
export const untrainedClasses = (t: TestClasses): ReadonlySet<string> => new Set(t.untrained ?? []);

/** confusion[true][predicted] / the true class's test rows: 0 for a class with no test rows. */
export function rowShares(confusion: number[][]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
}
