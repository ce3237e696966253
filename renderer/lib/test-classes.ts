// The Runs view's per-class test table (components/TestClassesPanel.svelte) without the markup: which
// classes to list, each confusion cell's share of its row (the grid's shading), and the classes a model
// never predicts, so the numbers can be checked without a DOM.
import type { TestClasses } from '../../common/runs/test-classes';

/** Rows listed before "Show all": a 1,000-class run would otherwise push the curves off the page. */
export const CLASS_ROWS = 50;
/** Classes the confusion grid is drawn for; wider grids are cells too small to read (the CLI's --json has it). */
export const GRID_MAX_CLASSES = 30;

/**
 * Class ids in the order the table lists them: class-id order (the data line's) when all fit, else the
 * `max` with the lowest F1 (ties: the larger support first), as `gatelab show` does.
 */
export function listedClasses(t: TestClasses, max = CLASS_ROWS): number[] {
  const ids = t.classes.map((_, c) => c);
  if (ids.length <= max) return ids;
  return ids.sort((a, b) => t.classes[a].f1 - t.classes[b].f1 || t.classes[b].support - t.classes[a].support).slice(0, max);
}

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
