// `gatelab show` / `runs show` print a classification run's per-class test metrics and confusion matrix
// (class names as rows and columns) from the file the trainer writes beside its checkpoints, and --json
// carries the whole table; the headline test line is unchanged and its f1 is the table's macro F1.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { classBreakdownOf, writeTestClasses } from '../../../workers/run/class-metrics';
import { runDetail, showText } from './run-report';
import { testClassesOf } from './test-classes-report';
import { dataSummaryOf } from './trainer-link';
import type { FromTrainer } from '../../../common/trainer-protocol';

describe('per-class test metrics in run reports', () => {
  it('are read from the run folder and printed under the headline, with a note for a class never predicted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-classes-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: { model: { template: 'gmu' } } });
      const weighted = store.runs.create({ config: { model: { template: 'gmu' }, loss: { classWeights: 'balanced' } } });
      const table = classBreakdownOf([[27, 0, 4], [5, 0, 4], [1, 0, 358]], ['escalated', 'refund', 'resolved']);
      for (const run of [id, weighted]) {
        mkdirSync(join(dir, 'runs', String(run)), { recursive: true });
        store.metrics.append(run, [{ step: 40, name: 'test.accuracy', value: 385 / 399 }, { step: 40, name: 'test.f1', value: table.macro.f1 }]);
        store.checkpoints.add({ runId: run, step: 40, epoch: 2, kind: 'best', path: join('runs', String(run), 'best.ckpt'), bytes: 10, metric: 0.2 });
      }
      expect(testClassesOf(store, id)).toBeNull(); // before the test evaluation wrote them
      writeTestClasses(join(dir, 'runs', String(id)), 40, table);
      const text = showText(store, store.runs.get(id)!).split('\n');
      const head = text.findIndex((l) => l.startsWith('  test:'));
      // the headline's f1 says it is the macro average (the app's name for it), beside the per-class table's own F1s
      expect(text[head]).toBe('  test:       accuracy 0.9649  f1 (macro) 0.6104');
      expect(text.filter((l) => /^ {4}test\.f1 \(macro\) +1 point +value 0\.6104$/.test(l))).toHaveLength(1); // and in the metrics list
      expect(text.slice(head + 1, head + 11)).toEqual([
        '  test per class (confusion matrix: a row per true class, a column per predicted class):',
        '    class         precision  recall  f1      support  │ predicted: escalated  refund  resolved',
        '    escalated     0.8182     0.8710  0.8438       31  │                   27       0         4',
        '    refund        0.0000     0.0000  0.0000        9  │                    5       0         4',
        '    resolved      0.9781     0.9972  0.9876      359  │                    1       0       358',
        '    macro avg     0.5988     0.6227  0.6104',
        '    weighted avg  0.9437     0.9649  0.9541',
        "    note: 'refund' is never predicted (9 test rows are 'refund')",
        '          train with --set loss.classWeights=balanced to give every class the same weight in the loss',
        '  metrics:',
      ]);
      expect(Object.keys(runDetail(store, store.runs.get(id)!).test)).toEqual(['accuracy', 'f1']); // --json keeps the stored name
      const json = runDetail(store, store.runs.get(id)!).testClasses; // --json: the whole table
      expect(json?.confusion).toEqual([[27, 0, 4], [5, 0, 4], [1, 0, 358]]);
      expect(json?.classes.map((c) => [c.name, c.support, c.predicted])).toEqual([['escalated', 31, 33], ['refund', 9, 0], ['resolved', 359, 366]]);

      // a run trained with class weights is not told to use them
      writeTestClasses(join(dir, 'runs', String(weighted)), 40, table);
      const other = showText(store, store.runs.get(weighted)!);
      expect(other).toContain("note: 'refund' is never predicted");
      expect(other).not.toContain('train with --set loss.classWeights');

      writeFileSync(join(dir, 'runs', String(id), 'test-classes.json'), '{"step": 40, "clas'); // damaged: headline only, no throw
      expect(showText(store, store.runs.get(id)!)).not.toContain('per class');
      expect(runDetail(store, store.runs.get(id)!).testClasses).toBeNull();
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a class the data line says has no training rows (a run stored before 'ready' sent the counts) is not offered class weights, in show and in the table the runs port sends", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-classes-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: { model: { template: 'concat-fusion' } } });
      mkdirSync(join(dir, 'runs', String(id)), { recursive: true });
      store.checkpoints.add({ runId: id, step: 4, epoch: 2, kind: 'best', path: join('runs', String(id), 'best.ckpt'), bytes: 10, metric: 1.2 });
      // a chronological split where 'new' appears in the last rows only (the trainer's data line, workers/run/part-classes.ts)
      writeTestClasses(join(dir, 'runs', String(id)), 4, classBreakdownOf([[16, 1, 0, 4], [22, 0, 0, 2], [8, 0, 0, 2], [20, 0, 0, 5]], ['bronze', 'gold', 'new', 'silver']));
      expect(testClassesOf(store, id)?.untrained).toBeUndefined(); // no data line yet: nothing known
      store.runs.setStatus(id, 'completed', { dataSummary: { line: "fusion: 280 train / 40 validation / 80 test samples; 4 classes of 'tier': bronze, gold, new, silver; no training rows: 'new' (the model cannot learn it; class weights do not help)", logScaled: [] } });
      expect(testClassesOf(store, id)?.untrained).toEqual(['new']);
      const text = showText(store, store.runs.get(id)!);
      expect(text).toContain("    note: 'new' is never predicted (10 test rows are 'new'): it has no training rows, so the model never saw it\n");
      expect(text).not.toContain('loss.classWeights=balanced');
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the rows per class the trainer sent with 'ready' say which classes had no training rows; the line is read only for older runs", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-classes-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: { model: { template: 'concat-fusion' } } });
      mkdirSync(join(dir, 'runs', String(id)), { recursive: true });
      store.checkpoints.add({ runId: id, step: 4, epoch: 2, kind: 'best', path: join('runs', String(id), 'best.ckpt'), bytes: 10, metric: 1.2 });
      // a class name the data line's note could not be read back by ("new', 'x": its quotes and comma are the note's own)
      const names = ['bronze', 'gold', "new', 'x", 'silver'];
      writeTestClasses(join(dir, 'runs', String(id)), 4, classBreakdownOf([[16, 1, 0, 4], [22, 0, 0, 2], [8, 0, 0, 2], [20, 0, 0, 5]], names));
      const ready = (extra: Partial<Extract<FromTrainer, { type: 'ready' }>>): Extract<FromTrainer, { type: 'ready' }> => ({
        type: 'ready', model: 'concat-fusion', modelConfig: {}, data: 'fusion: 280 train / 40 validation / 80 test samples', parameters: 10, provider: 'cpu',
        stepsPerEpoch: 1, totalSteps: 1, step: 0, ...extra,
      });
      const classCounts = { train: [90, 95, 0, 95], validation: [14, 13, 0, 13], test: [21, 24, 10, 25] };
      // stored as the lab stores the ready message (the runs table's JSON column), with a line that has no note at all
      store.runs.setStatus(id, 'running', { dataSummary: JSON.parse(JSON.stringify(dataSummaryOf(ready({ classCounts }), null))) });
      expect(testClassesOf(store, id)?.untrained).toEqual(["new', 'x"]);
      expect(showText(store, store.runs.get(id)!)).toContain("    note: 'new', 'x' is never predicted (10 test rows are 'new', 'x'): it has no training rows, so the model never saw it\n");
      // a resumed trainer that does not send them keeps the first start's
      store.runs.setStatus(id, 'completed', { dataSummary: dataSummaryOf(ready({ data: 'resumed' }), store.runs.get(id)!.dataSummary) });
      expect(testClassesOf(store, id)?.untrained).toEqual(["new', 'x"]);
      // every class had training rows: nothing untrained, whatever the line says
      store.runs.setStatus(id, 'completed', { dataSummary: { line: "no training rows: 'gold' (the model cannot learn it; class weights do not help)", logScaled: [], classCounts: { ...classCounts, train: [90, 95, 3, 95] } } });
      expect(testClassesOf(store, id)?.untrained).toBeUndefined();
      // counts of another number of classes than the table's say nothing: the line's note is read instead
      store.runs.setStatus(id, 'completed', { dataSummary: { line: "no training rows: 'gold' (the model cannot learn it; class weights do not help)", logScaled: [], classCounts: { train: [1, 0], validation: [1, 1], test: [1, 1] } } });
      expect(testClassesOf(store, id)?.untrained).toEqual(['gold']);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a test part without positives: 'true' reads '—' and the note says why (the audit's CTR run)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-classes-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: { model: { template: 'dnn' } } });
      mkdirSync(join(dir, 'runs', String(id)), { recursive: true });
      store.checkpoints.add({ runId: id, step: 6, epoch: 1, kind: 'best', path: join('runs', String(id), 'best.ckpt'), bytes: 10, metric: 0.07 });
      writeTestClasses(join(dir, 'runs', String(id)), 6, classBreakdownOf([[100, 0], [0, 0]], ['false', 'true']));
      const text = showText(store, store.runs.get(id)!).split('\n');
      const at = text.findIndex((l) => l.startsWith('    true '));
      expect(text.slice(at, at + 4)).toEqual([
        '    true          —          —       —             0  │                0     0',
        '    macro avg     1.0000     1.0000  1.0000',
        '    weighted avg  1.0000     1.0000  1.0000',
        "    note: 'true' has no test rows and is never predicted: its precision, recall and F1 cannot be judged (—, left out of the averages and the test f1); AUC is undefined on a test part of one class",
      ]);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
