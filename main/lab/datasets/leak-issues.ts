// The leakage warning among a dataset's validation issues (current-issues.ts): computed from its current
// roles, not stored, since the target is usually set after the import (and a dataset imported by an earlier
// version is checked the same way). It reads the cache, so it is remembered per cache and roles: the app asks
// for a dataset's issues each time it is shown. A forecasting dataset is not checked: its channels are the
// target's own past and neighbours by design (the window, not the row, is what a model sees).
import { cachedValues, type CachedValues } from './leak-cache';
import type { ValidationIssue } from '../../../common/dataset-cache';
import { countRegresses } from '../../../common/models/regression-reading';
import { findLeaks, leakMessage, type LeakFeature, type LeakTarget } from './leak-check';
import type { Dataset } from './registry';
import { storedStats } from '../../../common/data/stored-stats';

export type LeakCheckedDataset = Pick<Dataset, 'id' | 'name' | 'rows' | 'columns' | 'family' | 'cachePath'>;

/** Roles a model reads as an input (time, series-id, target and ignore are not inputs of a classifier). */
const INPUT_ROLES = new Set(['feature', 'categorical', 'multi-hot']);
const CODED = new Set(['categorical', 'text', 'boolean']);

const remembered = new Map<string, ValidationIssue[]>();
const REMEMBERED = 16;

/** The warnings (kind 'note', severity 'warning') for the features that alone nearly decide the target; [] when none or not checked. */
export function leakIssues(d: LeakCheckedDataset): ValidationIssue[] {
  const target = d.columns.find((c) => c.role === 'target');
  if (!target || isSeries(d)) return [];
  const key = JSON.stringify([d.cachePath, d.rows, d.name, d.columns.map((c) => [c.name, c.type, c.role])]);
  const known = remembered.get(key);
  if (known) return known;
  let issues: ValidationIssue[];
  try {
    issues = computeLeakIssues(d, target.name);
  } catch {
    issues = []; // an unreadable cache: the dataset's own checks say so, in their words
  }
  remembered.set(key, issues);
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  return issues;
}

/** A series: a forecasting dataset, or one with a time column and no family given (ETTh1 as imported). */
function isSeries(d: LeakCheckedDataset): boolean {
  return d.family === 'forecasting' || (!d.family && d.columns.some((c) => c.role === 'time'));
}

function computeLeakIssues(d: LeakCheckedDataset, targetName: string): ValidationIssue[] {
  const cache = cachedValues(d.cachePath);
  const target = targetReading(cache, targetName, d.columns.find((c) => c.name === targetName)!.stats);
  if (!target) return [];
  const features: LeakFeature[] = d.columns
    .filter((c) => INPUT_ROLES.has(c.role) && c.name !== targetName)
    .flatMap((c) => {
      const info = cache.info(c.name);
      if (!info || info.dim !== 1 || info.type === 'datetime') return [];
      return [{ name: c.name, coded: CODED.has(info.type), values: () => cache.values(c.name) }];
    });
  return findLeaks(cache.rows, target, features).map((f) => ({
    kind: 'note' as const, severity: 'warning' as const, column: f.feature, count: f.rows, message: leakMessage(f, d), examples: [],
  }));
}

/**
 * The target as a run would most likely read it, from what the dataset alone says (a run's label rule or
 * task is the run's: data-guard.ts checks again with the run's own reading): a category is classes; a
 * number is regressed when the trainer's auto rule would regress it (countRegresses), else its values are
 * classes. A datetime or vector target is not checked (a run refuses it, in its words).
 */
function targetReading(cache: CachedValues, column: string, stats: Record<string, unknown>): LeakTarget | null {
  const info = cache.info(column);
  if (!info || info.dim !== 1 || info.type === 'datetime') return null;
  const values = cache.values(column);
  if (CODED.has(info.type)) return { kind: 'classes', column, labelOf: (r) => (values[r] < 0 ? NaN : values[r]) };
  const { numbers } = storedStats(stats);
  const regresses = numbers ? countRegresses(numbers) : info.type === 'float';
  const finite = (r: number) => (Number.isFinite(values[r]) ? values[r] : NaN);
  return regresses ? { kind: 'regression', column, valueOf: finite } : { kind: 'classes', column, labelOf: finite };
}
