// Leakage: a feature that alone nearly decides the target (leak-rule.ts reads the feature, leak-score.ts scores it). Worded
// for the two places that say it: the dataset's validation issues under its current roles (leak-issues.ts,
// the app's Validation tab and `gatelab datasets show`/`import`) and the warnings `gatelab train` and the
// app's Start print before a run (main/lab/runs/data-guard.ts). A warning, never a refusal: a feature known
// before the outcome that is simply that good is the user's luck, and only the user knows when it is known.
import { shellWord } from '../../../common/text/shell-word';
import type { ColumnValues } from '../../../common/dataset-cache';
import { featureKeys, sampleRows } from './leak-rule';
import { classRuleLeaks, classScore, numberRuleLeaks, numberScore, type ClassScore, type NumberScore } from './leak-score';

/**
 * The target as the check reads it: class ids (NaN: no class), or a number to regress (NaN: none). `shown`:
 * how the message names it when the run reads it through a label rule ("rating ≥ 4"); else its column.
 */
export type LeakTarget = { column: string; shown?: string } & (
  | { kind: 'classes'; labelOf(row: number): number }
  | { kind: 'regression'; valueOf(row: number): number });

/** A feature column: `coded` (categorical, text, boolean: Int32 codes, -1 missing) or numbers; read only when scored. */
export interface LeakFeature {
  name: string;
  coded: boolean;
  values(): ColumnValues;
}

export type LeakFinding = { feature: string; target: string; rows: number; sampled: boolean } & (
  | ({ kind: 'classes' } & ClassScore)
  | ({ kind: 'regression' } & NumberScore)
);

/** The features that nearly decide the target, strongest first (reads at most MAX_SAMPLE_ROWS rows of each). */
export function findLeaks(rows: number, target: LeakTarget, features: readonly LeakFeature[]): LeakFinding[] {
  const sample = sampleRows(rows);
  const y = target.kind === 'classes' ? denseClasses(sample, target.labelOf) : Float64Array.from(sample, (r) => target.valueOf(r));
  const found: LeakFinding[] = [];
  const where = { target: target.shown ?? target.column, sampled: sample.length < rows };
  for (const f of features) {
    if (f.name === target.column) continue;
    const values = f.values();
    const keys = featureKeys(values, f.coded, sample);
    if (!keys) continue; // id-like, or too few values to say
    if ('classes' in y) {
      const s = classScore(keys, y.labels, y.classes);
      if (s && classRuleLeaks(s)) found.push({ feature: f.name, ...where, kind: 'classes', ...s });
    } else {
      const numbers = f.coded ? null : Float64Array.from(sample, (r) => values[r]);
      const s = numberScore(keys, y, numbers);
      if (s && numberRuleLeaks(s)) found.push({ feature: f.name, ...where, kind: 'regression', ...s });
    }
  }
  return found.sort((a, b) => strength(b) - strength(a));
}

/** The sampled rows' classes as 0..classes-1 in order of their ids (-1: none), so a class table can be an array. */
function denseClasses(sample: Int32Array, labelOf: (row: number) => number): { labels: Int32Array; classes: number } {
  const raw = Float64Array.from(sample, (r) => labelOf(r));
  const ids = [...new Set(raw)].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const index = new Map(ids.map((v, k) => [v, k]));
  return { labels: Int32Array.from(raw, (v) => index.get(v) ?? -1), classes: ids.length };
}

const strength = (f: LeakFinding) => (f.kind === 'classes' ? f.accuracy - f.baseline : Math.max(f.r2, Math.abs(f.pearson ?? 0)));

/** 96%, and 99.9% rather than a rounded 100% for a rule that is not perfect. */
function percent(x: number): string {
  if (x >= 1) return '100%';
  if (x >= 0.995) return `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;
  return `${Math.round(x * 100)}%`;
}

const count = (n: number) => n.toLocaleString('en-US');
/** Three decimals cut, not rounded: a correlation of 0.9998 is not a perfect 1.000. */
const three = (x: number) => (Math.sign(x) * Math.floor(Math.abs(x) * 1000) / 1000).toFixed(3);

/**
 * The warning, with both ways to leave the feature out: "(in the app: …; on the command line: …)", which the
 * app shortens to its half (renderer/lib/ui-hints.ts uiHint). `dataset`: its id goes in the command, its name
 * in the app's path.
 */
export function leakMessage(f: LeakFinding, dataset: { id: number; name: string }): string {
  const rows = f.sampled ? `${count(f.rows)} sampled rows` : `${count(f.rows)} rows`;
  const how = f.kind === 'classes'
    ? `'${f.feature}' alone predicts '${f.target}' for ${percent(f.accuracy)} of ${rows} (majority class: ${percent(f.baseline)})` +
      (f.auc !== undefined ? ` and ranks it with AUC ${three(f.auc)}` : '')
    : `'${f.feature}' alone nearly determines '${f.target}' over ${rows} (${f.pearson !== null ? `correlation ${three(f.pearson)}, ` : ''}R² ${three(f.r2)} of a rule on its values alone)`;
  return `${how}: if ${f.feature} is only known after the outcome, it leaks the answer and the run's scores will flatter the model ` +
    `(in the app: Datasets → ${dataset.name} → Schema, set ${f.feature}'s role to ignore; on the command line: gatelab datasets roles ${dataset.id} ${shellWord(`${f.feature}=ignore`)}). ` +
    'If it is known before, this is only a warning'; // never a refusal: only the user knows when it is known
}
