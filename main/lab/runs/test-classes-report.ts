// A classification run's test metrics per class and its confusion matrix, read from `test-classes.json` in
// the run's folder (the trainer writes it after the test evaluation: workers/run/class-metrics.ts), for
// `gatelab show` / `gatelab runs show` and their --json. The run's folder is where its checkpoints are.
import { TEST_CLASSES_FILE, TestClasses, testClassLines, untrainedIn } from '../../../common/runs/test-classes';
import type { LabStore } from '../store/index';
import { readRunSidecar } from './run-sidecar';

/**
 * The run's per-class test metrics; null when it has none (not classification, not tested, or from before
 * they existed). With the classes its data line says have no training rows (`untrained`): the never-predicted
 * note then offers no class weights for them (the trainer's file does not carry it; the 'ready' message's
 * data line does, and the lab stores that line with the run).
 */
export function testClassesOf(store: LabStore, runId: number): TestClasses | null {
  const t = readRunSidecar(store, runId, TEST_CLASSES_FILE, TestClasses);
  if (!t) return null;
  const line = store.runs.get(runId)?.dataSummary?.line;
  const untrained = line ? untrainedIn(line, t.classes.map((c) => c.name)) : [];
  return untrained.length ? { ...t, untrained } : t;
}

/** Whether the run's loss weighs its classes (its config's loss.classWeights): the never-predicted note then offers no remedy. */
const weighsClasses = (config: unknown): boolean => {
  const w = (config as { loss?: { classWeights?: unknown } } | null)?.loss?.classWeights;
  return w !== undefined && w !== 'none';
};

/** `gatelab show` lines: "  test per class (…):" then the table (common/runs/test-classes.ts). */
export function testClassesText(t: TestClasses | null, config: unknown, indent = '  '): string[] {
  if (!t?.classes.length) return [];
  const head = `${indent}test per class (confusion matrix: a row per true class, a column per predicted class):`;
  return [head, ...testClassLines(t, { classWeights: weighsClasses(config) }).map((l) => `${indent}  ${l}`)];
}
