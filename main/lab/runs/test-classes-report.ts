// A classification run's test metrics per class and its confusion matrix, read from `test-classes.json` in
// the run's folder (the trainer writes it after the test evaluation: workers/run/class-metrics.ts), for
// `gatelab show` / `gatelab runs show` and their --json. The run's folder is where its checkpoints are.
import { TEST_CLASSES_FILE, TestClasses, testClassLines, untrainedIn, untrainedOf, weighsClasses } from '../../../common/runs/test-classes';
import type { LabStore } from '../store/index';
import { readRunSidecar } from './run-sidecar';

/**
 * The run's per-class test metrics; null when it has none (not classification, not tested, or from before
 * they existed). With the classes that have no training rows (`untrained`): the never-predicted note then
 * offers no class weights for them. The trainer's file does not carry them; the rows per class of each part
 * its 'ready' message sent do, and the lab stores them with the run. A run stored before those counts were
 * sent has only its data line's "no training rows:" note, read back by the known class names.
 */
export function testClassesOf(store: LabStore, runId: number): TestClasses | null {
  const t = readRunSidecar(store, runId, TEST_CLASSES_FILE, TestClasses);
  if (!t) return null;
  const summary = store.runs.get(runId)?.dataSummary;
  const names = t.classes.map((c) => c.name);
  const counted = summary?.classCounts ? untrainedOf(summary.classCounts, names) : null;
  const untrained = counted ?? (summary?.line ? untrainedIn(summary.line, names) : []);
  return untrained.length ? { ...t, untrained } : t;
}

/** `gatelab show` lines: "  test per class (…):" then the table (common/runs/test-classes.ts). */
export function testClassesText(t: TestClasses | null, config: unknown, indent = '  '): string[] {
  if (!t?.classes.length) return [];
  const head = `${indent}test per class (confusion matrix: a row per true class, a column per predicted class):`;
  return [head, ...testClassLines(t, { classWeights: weighsClasses(config) }).map((l) => `${indent}  ${l}`)];
}
