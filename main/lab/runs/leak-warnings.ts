// Before a classification or regression run is queued: a feature it reads that alone nearly decides the
// target it learns (main/lab/datasets/leak-check.ts), read as this run reads it: its label rule (a rating ≥ 4
// is a click), its task, and only the columns its binding feeds the model. The dataset's Validation tab says
// the same from the roles alone; here the run's own reading decides, so `gatelab train` and the app's Start
// warn (DataCheckMemo.warnings) and never refuse. Forecasting runs are not checked: their channels are the
// target's own past and neighbours by design.
import type { DataColumns } from '../../../common/models/binding';
import type { TargetReading } from '../../../common/models/target';
import { cachedValues } from '../datasets/leak-cache';
import { findLeaks, leakMessage, type LeakFeature, type LeakTarget } from '../datasets/leak-check';

const CODED = new Set(['categorical', 'text', 'boolean']);

/** The warnings for one run's binding over the cache in `folder`; [] when none, or when the cache cannot be read. */
export function leakWarnings(folder: string, columns: Exclude<DataColumns, { family: 'forecasting' }>, target: TargetReading, dataset: { id: number; name: string }): string[] {
  let cache: ReturnType<typeof cachedValues>;
  try {
    cache = cachedValues(folder);
  } catch {
    return []; // the run's own checks say what is wrong with the cache
  }
  const reading: LeakTarget = target.kind === 'regression'
    ? { kind: 'regression', column: target.column, valueOf: (r) => target.valueOf(r) }
    : { kind: 'classes', column: target.column, labelOf: (r) => target.labelOf(r), ...(target.kind === 'binary' && target.rule !== undefined ? { shown: `${target.column} ≥ ${target.rule}` } : {}) };
  // the rating MMoE regresses beside the click is a second target, not an input
  const notInputs = new Set([target.column, ...(columns.family === 'recsys' && columns.rating ? [columns.rating] : [])]);
  const features: LeakFeature[] = inputsOf(columns)
    .filter((name) => !notInputs.has(name))
    .flatMap((name) => {
      const info = cache.info(name);
      if (!info || info.dim !== 1 || info.type === 'datetime') return [];
      return [{ name, coded: CODED.has(info.type), values: () => cache.values(name) }];
    });
  return findLeaks(cache.rows, reading, features).map((f) => `warning: ${leakMessage(f, dataset)}`);
}

/** The columns the binding feeds the model, each once. */
function inputsOf(columns: Exclude<DataColumns, { family: 'forecasting' }>): string[] {
  const names = columns.family === 'recsys'
    ? [...columns.fields, ...columns.numeric, ...columns.multiHot.flatMap((m) => m.columns)]
    : columns.modalities.flatMap((m) => m.columns);
  return [...new Set(names)];
}
