// The template fields the dataset decides (forecasting channels, recsys field vocabularies and numeric
// count, fusion modalities and their widths), worked out in the renderer from the dataset's column roles
// and statistics with the trainer's own rules (common/models/binding: defaultBinding picks the columns,
// DataColumns fills the defaults), so the diagram and the size follow the chosen dataset. The trainer
// recomputes them exactly at run time and overwrites these fields; the form therefore shows them
// read-only. Estimates: a vocabulary is counted here on the whole column (distinct values, or an
// integer column's range), there on the training split, so the two agree whenever every value occurs
// in training.
import { DataColumns, defaultBinding, type ColumnDescription } from '../../common/models/binding';
import type { ColumnInfo, DatasetDetail, Family } from '../../common/lab-api';
import { uiHint } from './ui-hints';

/** Config fields of each family that the trainer takes from the dataset (workers/data/run-data.ts). */
export const DATA_FIELDS: Record<Family, string[]> = {
  forecasting: ['channels'],
  recsys: ['fields', 'numeric'],
  fusion: ['modalities', 'classes'],
};

export interface DataShape {
  /** The config values that could be derived (a field missing here keeps the template's value). */
  values: Record<string, unknown>;
  /** What the form shows for each data field, e.g. modalities: "sensor (8), camera (8), context (4)". */
  shown: Record<string, string>;
  /** Why the dataset cannot feed this family as its roles stand (what to set), or null. */
  problem: string | null;
  /** Why this template cannot train on it although the family can (MMoE without a rating), or null. */
  templateProblem?: string | null;
}

/** Rows of an embedding table for a categorical column: its values plus the out-of-vocabulary id. */
export function vocabularyEstimate(c: ColumnInfo | undefined): number | null {
  if (!c) return null;
  if (c.distinct !== null && c.distinct > 0) return c.distinct + 1;
  if (c.type === 'boolean') return 3;
  // Integer codes used as categories (e.g. an hour 0..23) report a range, not a distinct count.
  if (c.type === 'int' && typeof c.min === 'number' && typeof c.max === 'number') return c.max - c.min + 2;
  return null;
}

/** Width of one fusion column after encoding (as common/models/binding's encodedWidth), null if unknown here. */
function encodedWidth(c: ColumnInfo | undefined, textBuckets: number): number | null {
  if (!c) return null;
  if (c.type === 'text') return textBuckets;
  if (c.type === 'categorical' || c.type === 'boolean') return vocabularyEstimate(c);
  if (c.type === 'vector') return null; // its dimension is in the cache, not in the column statistics
  return 1;
}

/**
 * Classes a fusion target gives (the trainer's rule, common/models/target.ts): a label rule or two values
 * → 1 (binary); k ≥ 3 categories, or an integer column with 3..100 values (its range here) → k.
 */
export function classesEstimate(c: ColumnInfo | undefined, positiveAtLeast: number | undefined): number {
  if (!c || positiveAtLeast !== undefined) return 1;
  if ((c.type === 'categorical' || c.type === 'text') && c.distinct !== null && c.distinct >= 3) return c.distinct;
  if (c.type === 'int' && typeof c.min === 'number' && typeof c.max === 'number') {
    const k = c.max - c.min + 1;
    if (k >= 3 && k <= 100) return k;
  }
  return 1;
}

const list = (names: string[], max = 6) => (names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', '));

/**
 * Templates with a second, regression task on the rating behind the click (engine/models/recsys/gated.ts:
 * MMoE's batch has a `rating` target). The binding gives one only for a numeric target read by a rule.
 */
export const NEEDS_RATING = new Set(['mmoe']);

/** Why `template` cannot train on `d` although its family can (MMoE without a rating), or null. */
function templateProblem(template: string | undefined, d: DatasetDetail, binding: DataColumns): string | null {
  if (!template || !NEEDS_RATING.has(template) || binding.family !== 'recsys' || binding.rating) return null;
  const column = binding.label.column;
  const target = d.columnInfo.find((c) => c.name === column);
  const numeric = target?.type === 'int' || target?.type === 'float';
  // A 0/1 column is a click already: a rule would not make it a rating.
  const click = !numeric || (target.distinct !== null && target.distinct <= 2) || (target.min === 0 && target.max === 1);
  const head = `${template} predicts the click and the rating behind it: its target must be a numeric rating read as a click by a rule (MovieLens: rating ≥ 4)`;
  if (click) return `${head}. ${d.name}'s target '${column}' is a click, with no rating to learn: pick another template (finalmlp, dnn, moe-dnn…) or a dataset with ratings.`;
  return `${head}. Give '${column}' a rule in Datasets (Target: "binary label: value ≥ t", e.g. ≥ 4), or pick another template.`;
}

/** A family as the Models page names it ("cannot feed a recommendation model"). */
export const FAMILY_WORDS: Record<Family, string> = { forecasting: 'forecasting', recsys: 'recommendation', fusion: 'fusion' };

/**
 * Why `d` cannot feed `family`, in the app's words: the binding's message names the CLI command that sets a
 * role ("gatelab datasets roles ID <column>=target"), which in the app is the dataset's Schema tab (uiHint).
 * "a recommendation (CTR) model needs …" after "cannot feed a recommendation model" would say the family twice.
 */
export function feedProblem(family: Family, d: Pick<DatasetDetail, 'name'>, message: string): string {
  const why = uiHint(message).replace(/^an? [^:]*?\bmodel needs /, 'it needs ').replace(/Datasets → Schema/g, `Datasets → ${d.name} → Schema`).replace(/\.$/, '');
  return `${d.name} cannot feed a ${FAMILY_WORDS[family]} model yet: ${why}`;
}

/** The data shape of `family` on `d`; `template` adds what that template needs beyond its family (MMoE: a rating). */
export function dataShapeOf(family: Family, d: DatasetDetail, template?: string): DataShape {
  const columns: ColumnDescription[] = d.columnInfo.map((c) => ({ name: c.name, type: c.type, role: c.role, modality: c.modality }));
  const info = new Map(d.columnInfo.map((c) => [c.name, c]));
  let binding: DataColumns;
  try {
    binding = DataColumns.parse(defaultBinding(family, columns, { positiveAtLeast: d.label?.positiveAtLeast ?? undefined }).columns);
  } catch (e) {
    return { values: {}, shown: {}, problem: feedProblem(family, d, (e as Error).message) };
  }
  if (binding.family === 'forecasting') {
    const n = binding.channels.length;
    return { values: { channels: n }, shown: { channels: `${n}: ${list(binding.channels)}` }, problem: null };
  }
  if (binding.family === 'recsys') {
    const sizes = binding.fields.map((f) => vocabularyEstimate(info.get(f)));
    const known = sizes.every((n): n is number => n !== null);
    const values: Record<string, unknown> = { numeric: binding.numeric.length };
    if (known) values.fields = sizes;
    return {
      values,
      shown: {
        fields: binding.fields.map((f, i) => `${f} (${sizes[i] ?? '?'})`).join(', '),
        numeric: binding.numeric.length ? `${binding.numeric.length}: ${list(binding.numeric)}` : '0',
      },
      problem: null,
      templateProblem: templateProblem(template, d, binding),
    };
  }
  const modalities = binding.modalities.map((m) => {
    const widths = m.columns.map((c) => encodedWidth(info.get(c), binding.textBuckets));
    return { name: m.name, dim: widths.every((w) => w !== null) ? widths.reduce((a: number, w) => a + (w as number), 0) : null };
  });
  const classes = classesEstimate(info.get(binding.label), binding.positiveAtLeast);
  const values: Record<string, unknown> = { classes };
  if (modalities.every((m) => m.dim !== null)) values.modalities = modalities;
  return {
    values,
    shown: {
      modalities: modalities.map((m) => `${m.name} (${m.dim ?? 'width at run time'})`).join(', '),
      classes: classes === 1 ? `1 (binary: ${binding.label})` : `${classes} (the values of ${binding.label})`,
    },
    problem: null,
  };
}
