// Try it's "What if": the run's knockouts as its Knockouts table names them ("gmu · camera closed", "router
// only expert 2"), one to pick, and each picked row's prediction as trained and with that knockout, in the
// task's terms Try it shows (common/analytics/knockout-rows.ts rowTerms: a probability, a top class, a value
// in the target's units, a forecast's MSE). Pure functions, so the rules are tested without a DOM.
import { rowTerms, type KnockoutRowsResult, type KnockoutTable } from '../../common/analytics';
import { knockoutLabel, NO_NAMES, type GateNames } from '../../common/analytics/gate-names';
import { className } from '../../common/analytics/class-names';
import { formatUnits, formatValue } from './format';

export interface WhatIfChoice {
  /** The select's value: "gate mode [expert]", as `gatelab knockout --gate --mode --expert` takes them. */
  key: string;
  label: string;
  gate: string;
  mode: KnockoutTable['rows'][number]['mode'];
  expert?: number;
}

/** The knockouts of the run's stored table, in its order and by its names; none without a table. */
export function whatIfChoices(table: KnockoutTable | null | undefined, names: GateNames = NO_NAMES): WhatIfChoice[] {
  return (table?.rows ?? []).map((r) => ({
    key: `${r.gate} ${r.mode}${r.expert !== undefined ? ` ${r.expert}` : ''}`,
    label: knockoutLabel(r, names),
    gate: r.gate, mode: r.mode, ...(r.expert !== undefined ? { expert: r.expert } : {}),
  }));
}

const pct = (p: number) => `${(100 * p).toFixed(1)} %`;

/** `prediction`: the model's outputs, one per class for a multi-class model (the count its names must match). */
function termsText(r: KnockoutRowsResult, prediction: number[], target: number[], classes?: readonly string[] | null): string {
  const t = rowTerms(r, prediction, target);
  if (t.kind === 'probability') return pct(t.value);
  // Try it's rule (className with the class count): a class list of another length numbers the classes
  if (t.kind === 'class') return `${className(t.value, classes, prediction.length)} (${pct(t.probability)})`;
  return t.kind === 'value' ? formatUnits(t.value) : formatValue(t.value);
}

/** Row i of a What if result as its two cells: as trained, and with the knockout; `classes`: the run's class names (class-names.ts runClassNames). */
export function whatIfCells(r: KnockoutRowsResult, i: number, classes?: readonly string[] | null): [string, string] {
  const row = r.rows[i];
  if (!row) return ['—', '—'];
  return [termsText(r, row.trained, row.target, classes), termsText(r, row.knockedOut, row.target, classes)];
}
