// Average precision in `gatelab train` and `show`: beside AUC, with the test part's positive rate as its
// chance level (a random ranking's AP), and nothing at all for a run stored before ap was scored. Also how
// the result line names f1 (macro-F1), the other classification metric read wrongly when shown bare.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type LabStore } from '../store/index';
import { formatMetrics, showText } from './run-report';
import { describeResult, runResult } from './cli-session';

function withStore(test: (store: LabStore) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-ap-'));
  const store = openLabStore(join(dir, 'lab.sqlite'));
  try {
    test(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A completed click run: 5% positives on test, test metrics as the trainer stores them (alphabetical). */
function clickRun(store: LabStore, test: Record<string, number>): number {
  const id = store.runs.create({ config: { model: { template: 'deepfm' } } });
  store.runs.setStatus(id, 'running', { dataSummary: { line: 'recsys: 80 train / 10 validation / 20 test samples', logScaled: [], baseline: { accuracy: 0.95, majority: "'0'", positiveRate: 0.05 } } });
  store.metrics.append(id, Object.entries(test).map(([name, value]) => ({ step: 40, name: `test.${name}`, value })));
  store.runs.setStatus(id, 'completed', { step: 40 });
  return id;
}

describe('average precision in the CLI', () => {
  it('train and show print ap right after auc with its chance level; --json carries ap', () => withStore((store) => {
    const id = clickRun(store, { accuracy: 0.951, ap: 0.412, auc: 0.8123, logloss: 0.18 });
    const run = store.runs.get(id)!;
    const line = describeResult(store, run).split('\n')[0];
    expect(line).toBe(`run ${id} completed at step 40: test accuracy 0.9510  auc 0.8123  ap 0.4120 (chance 0.05)  logloss 0.1800`);
    expect(showText(store, run)).toContain('  test:       accuracy 0.9510  auc 0.8123  ap 0.4120 (chance 0.05)  logloss 0.1800');
    expect(runResult(store, run).test).toEqual({ accuracy: 0.951, ap: 0.412, auc: 0.8123, logloss: 0.18 });
  }));

  it('an old run without ap shows none (not 0), and a run without a positive rate shows ap without a chance', () => withStore((store) => {
    const old = store.runs.get(clickRun(store, { accuracy: 0.951, auc: 0.8123 }))!;
    expect(describeResult(store, old)).not.toMatch(/\bap\b|chance/);
    expect(showText(store, old)).not.toMatch(/\bap\b|chance/);
    expect(runResult(store, old).test).not.toHaveProperty('ap');
    // the synthetic demo's data has no baseline, so no positive rate to read ap against
    expect(formatMetrics({ ap: 0.91, auc: 0.95 })).toBe('auc 0.9500  ap 0.9100');
    expect(formatMetrics({ accuracy: 0.9, ap: 0.3 }, null, 0.1234)).toBe('accuracy 0.9000  ap 0.3000 (chance 0.12)');
  }));
});

describe('macro-F1 in the CLI', () => {
  // read bare, f1 was taken for the positive class's F1: train's result line names it as the app does,
  // while scripts read the stored name (train --json's `test` keeps the key `f1`)
  it("train's result line says f1 (macro) while --json keeps the key f1", () => withStore((store) => {
    const run = store.runs.get(clickRun(store, { accuracy: 0.9649, f1: 0.6104 }))!;
    expect(describeResult(store, run).split('\n')[0]).toBe(`run ${run.id} completed at step 40: test accuracy 0.9649  f1 (macro) 0.6104`);
    expect(runResult(store, run).test).toEqual({ accuracy: 0.9649, f1: 0.6104 });
  }));
});
