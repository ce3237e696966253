// The classes a classification run will have, worked out in the renderer from the dataset's target column
// and its statistics with the trainer's rule (common/models/target.ts targetCoding), in class-id order:
// the order of a run's loss.classWeights list. A label rule (value ≥ t) gives ['< t', '≥ t']; two values
// give [negative, positive] (the dataset's chosen positive value, else positive-choice.ts: numbers the
// larger, words by their meaning, else the rarer, as new runs read them); three or more give the
// values sorted. The trainer decides again at run time from the training data; these are what the Models
// form names the weights by.
import { defaultBinding, DataColumns, type ColumnDescription } from '../../common/models/binding';
import { positiveOf } from '../../common/models/target';
import { shownBoolean } from '../../common/models/label-words';
import { positiveChoice } from './positive-choice';
import type { ColumnInfo, DatasetDetail, Family } from '../../common/lab-api';

export interface TargetClasses {
  /** The target column. */
  column: string;
  /** The classes in class-id order; null when the statistics cannot name them all (more values than they list). */
  names: string[] | null;
  /** How many classes; null when the statistics cannot tell. */
  count: number | null;
  /** True when the names are an integer column's range (min..max): a value in it that never occurs is no class at run time. */
  fromRange?: boolean;
}

/** Most integer values read as classes (common/models/target.ts MAX_INTEGER_CLASSES). */
const MAX_INTEGER_CLASSES = 100;

/** A number as a class name: the fewest digits that read back as the same float32 (the trainer's numberName). */
function numberName(v: number): string {
  if (Number.isInteger(v)) return String(v);
  for (let p = 7; p < 9; p++) if (Math.fround(Number(v.toPrecision(p))) === Math.fround(v)) return String(Number(v.toPrecision(p)));
  return String(Number(v.toPrecision(9)));
}

/**
 * Two classes in label order: [negative, positive]. `preferred`: the positive as the dataset's rule or the
 * lab's automatic choice names it (shown as `shown` names a value); else numbers the larger, words positiveOf.
 */
function binary(values: [string, string], numeric: boolean, preferred?: string, shown: (v: string) => string = (v) => v): string[] {
  const [a, b] = values;
  const named = values.find((v) => preferred !== undefined && shown(v) === preferred);
  const positive = named ?? (numeric ? b : positiveOf(a, b));
  return positive === a ? [b, a] : [a, b];
}

/** The positive a run reads for column `c`: the dataset's chosen value, else the lab's automatic one. */
const preferredOf = (c: ColumnInfo, chosen: string | undefined): string | undefined => chosen ?? positiveChoice(c)?.automatic;

/** The integers of [min, max] a 20-bin histogram saw (exact while max - min ≤ 20: each bin then holds at most one integer). */
function integersSeen(c: ColumnInfo, min: number, max: number): number[] {
  const all = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const h = c.histogram;
  if (max - min > 20 || !h?.edges || h.edges.length !== h.counts.length + 1) return all;
  const bins = h.counts.length;
  return all.filter((v) => h.counts[Math.min(bins - 1, Math.floor(((v - min) * bins) / (max - min)))] > 0);
}

function codedClasses(column: string, c: ColumnInfo, chosen?: string): TargetClasses {
  const labels = c.histogram?.labels ?? [];
  const count = c.distinct ?? null;
  if (count === null || labels.length < count) return { column, names: null, count };
  // sorted as the trainer sorts the dictionary's values (code units, not locale)
  const sorted = [...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // a boolean's classes are named as the file wrote them ('no'/'yes'), as the run's data line names them
  const shown = (v: string) => (c.type === 'boolean' ? shownBoolean(v, c.booleanWords) : v);
  const names = sorted.length === 2 ? binary([sorted[0], sorted[1]], false, preferredOf(c, chosen), shown) : sorted;
  return { column, names: names.map(shown), count };
}

function numericClasses(column: string, c: ColumnInfo, chosen?: string): TargetClasses {
  const { min, max } = c;
  if (typeof min !== 'number' || typeof max !== 'number' || !(max > min)) return { column, names: null, count: null };
  if (c.type === 'int') {
    const seen = integersSeen(c, min, max);
    const fromRange = max - min > 20;
    if (seen.length > MAX_INTEGER_CLASSES) return { column, names: null, count: null };
    const names = seen.map(numberName);
    return { column, names: names.length === 2 ? binary([names[0], names[1]], true, chosen) : names, count: names.length, ...(fromRange ? { fromRange } : {}) };
  }
  // a float column reads as classes when it holds two values (0.0 / 1.0): its histogram's first and last bins
  const used = c.histogram?.counts.filter((n) => n > 0).length;
  const ends = c.histogram ? c.histogram.counts[0] > 0 && c.histogram.counts[c.histogram.counts.length - 1] > 0 : false;
  if (used === 2 && ends) return { column, names: binary([numberName(min), numberName(max)], true, chosen), count: 2 };
  return { column, names: null, count: null };
}

/**
 * The classes of `d`'s target for a `family` model, or null when the family does not classify (forecasting)
 * or the dataset cannot feed it as its roles stand (the Models page says why elsewhere).
 */
export function targetClasses(family: Family, d: DatasetDetail): TargetClasses | null {
  if (family === 'forecasting') return null;
  const columns: ColumnDescription[] = d.columnInfo.map((c) => ({ name: c.name, type: c.type, role: c.role, modality: c.modality }));
  const rule = d.label?.positiveAtLeast ?? undefined;
  let binding: DataColumns;
  try {
    binding = DataColumns.parse(defaultBinding(family, columns, { positiveAtLeast: rule }).columns);
  } catch {
    return null;
  }
  if (binding.family === 'forecasting') return null;
  const column = binding.family === 'recsys' ? binding.label.column : binding.label;
  if (rule !== undefined) return { column, names: [`< ${rule}`, `≥ ${rule}`], count: 2 };
  const c = d.columnInfo.find((x) => x.name === column);
  if (!c) return { column, names: null, count: null };
  const chosen = d.label?.positive ?? undefined;
  return c.type === 'categorical' || c.type === 'text' || c.type === 'boolean' ? codedClasses(column, c, chosen) : numericClasses(column, c, chosen);
}
