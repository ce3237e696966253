// The Models form's target line for a number to regress, against the trainer on a real lab's fusion demo:
// `visibility` (fractions, counted by the importer) is regressed under task=auto, `label` is binary; the form
// says which, and its `classes` is the trainer's (one output for a regression, the values' count for classes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs test fixture (a real Lab in a child process)
import { startLabProcess } from '../fixtures/lab-process.mjs';
import { labDatasetRun } from '../../workers/data/run-data';
import { inProcessLab, type Dispatcher } from './in-process-lab';
import { dataShapeOf } from './data-shape';
import type { DatasetDetail, LabApi } from '../../common/lab-api';

let lab: Dispatcher & { stop(): Promise<void>; home: string };
let api: LabApi;
let demo: DatasetDetail;

beforeAll(async () => {
  lab = await startLabProcess();
  api = inProcessLab(lab);
  const summary = (await api.invoke('datasets.list', {})).find((d) => d.family === 'fusion');
  demo = await api.invoke('datasets.get', { id: summary!.id });
});
afterAll(() => lab.stop());

function cacheOf(d: DatasetDetail): string {
  const root = join(lab.home, 'datasets');
  for (const hash of readdirSync(root)) {
    const dir = join(root, hash, 'cache');
    if (!existsSync(join(dir, 'meta.json'))) continue;
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { columns: { name: string }[] };
    if (meta.columns.map((c) => c.name).join() === d.columnInfo.map((c) => c.name).join()) return dir;
  }
  throw new Error(`no cache for ${d.name} under ${root}`);
}

/** The demo with `target` as its target (out of its modality) and the label ignored when it is not the target. */
const targeting = (target: string): DatasetDetail => ({
  ...demo,
  columnInfo: demo.columnInfo.map((c) => (c.name === target ? { ...c, role: 'target' as const, modality: null } : c.name === 'label' ? { ...c, role: 'ignore' as const } : c)),
});

describe('the Models form reads a fusion target as the trainer does', () => {
  const cases: [string, string | undefined, string][] = [
    ['visibility', undefined, 'a number to regress: visibility'],
    ['visibility', 'auto', 'a number to regress: visibility'],
    ['label', undefined, '1 (binary: label)'],
  ];
  for (const [target, task, shown] of cases) {
    it(`${target}, task=${task ?? '(absent)'}: "${shown}"`, () => {
      const d = targeting(target);
      const model = { template: 'gmu', ...(task ? { task } : {}) };
      const ours = dataShapeOf('fusion', d, 'gmu', model);
      const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: d.columnInfo }, { model, data: {}, seed: 1 });
      expect(ours.shown.classes).toBe(shown);
      expect(trainer.data.task === 'regression').toBe(shown.startsWith('a number'));
      expect(ours.values.classes).toBe(trainer.model.classes);
    });
  }

  it('task=classification over fractions: the importer counted them, so the form has the trainer’s classes', () => {
    const d = targeting('visibility');
    const model = { template: 'gmu', task: 'classification' };
    const shape = dataShapeOf('fusion', d, 'gmu', model);
    const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: d.columnInfo }, { model, data: {}, seed: 1 });
    expect(shape.values.classes).toBe(trainer.model.classes);
    expect(shape.shown.classes).toBe(`${trainer.model.classes} (the values of visibility)`);
  });

  it('task=classification over fractions the importer did not count (an older dataset): the classes are the trainer’s to count', () => {
    const d = targeting('visibility');
    const old = { ...d, columnInfo: d.columnInfo.map(({ numberValues: _counted, ...c }) => c) };
    const shape = dataShapeOf('fusion', old, 'gmu', { template: 'gmu', task: 'classification' });
    expect(shape.shown.classes).toBe('the values of visibility (counted when the run starts)');
    expect(shape.values.classes).toBeUndefined(); // the template's value stands until then
  });

  it('task=regression on a boolean label: the form keeps it binary, the trainer names the fix', () => {
    const d = targeting('label');
    expect(dataShapeOf('fusion', d, 'gmu', { template: 'gmu', task: 'regression' }).shown.classes).toBe('1 (binary: label)');
    expect(() => labDatasetRun({ cacheDir: cacheOf(d), columns: d.columnInfo }, { model: { template: 'gmu', task: 'regression' }, data: {}, seed: 1 }))
      .toThrow(/task=regression needs a numeric target; 'label' is typed boolean/);
  });
});
