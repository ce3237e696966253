// Try it's "What if": every knockout the run's gates allow (the lab's analytics.knockoutChoices, the rule
// `gatelab knockout --gate --mode --expert` checks), named as its Knockouts table names them ("gmu · camera
// closed", "router only expert 2"), one to pick, and each picked row's prediction as trained and with that
// knockout, in the task's terms Try it shows (common/analytics/knockout-rows.ts rowTerms: a probability, a
// top class, a value in the target's units, a forecast's MSE). Pure functions, so the rules are tested
// without a DOM.
import { rowTerms, type KnockoutRowsResult } from '../../common/analytics';
import type { KnockoutChoice } from '../../common/lab-api';
import { knockoutLabel, NO_NAMES, type GateNames } from '../../common/analytics/gate-names';
import { className } from '../../common/analytics/class-names';
import { formatUnits, formatValue } from './format';
import { probabilityText } from './probability-text';
import { knockoutKey } from './gate-analytics';

export interface WhatIfChoice {
  /** The select's value: "gate mode [expert]", as `gatelab knockout --gate --mode --expert` takes them (the Knockouts panel's row key). */
  key: string;
  label: string;
  gate: string;
  mode: KnockoutChoice['mode'];
  expert?: number;
}

/** The run's knockouts, in the lab's order (the Knockouts table's) and by the table's names. */
export function whatIfChoices(choices: readonly KnockoutChoice[], names: GateNames = NO_NAMES): WhatIfChoice[] {
  return choices.map((r) => ({
    key: knockoutKey(r),
    label: knockoutLabel(r, names),
    gate: r.gate, mode: r.mode, ...(r.expert !== undefined ? { expert: r.expert } : {}),
  }));
}

/** `prediction`: the model's outputs, one per class for a multi-class model (the count its names must match). */
function termsText(r: KnockoutRowsResult, prediction: number[], target: number[], classes?: readonly string[] | null): string {
  const t = rowTerms(r, prediction, target);
  if (t.kind === 'probability') return probabilityText(t.value);
  // Try it's rule (className with the class count): a class list of another length numbers the classes
  if (t.kind === 'class') return `${className(t.value, classes, prediction.length)} (${probabilityText(t.probability)})`;
  return t.kind === 'value' ? formatUnits(t.value) : formatValue(t.value);
}

/** Row i of a What if result as its two cells: as trained, and with the knockout; `classes`: the run's class names (class-names.ts runClassNames). */
export function whatIfCells(r: KnockoutRowsResult, i: number, classes?: readonly string[] | null): [string, string] {
  const row = r.rows[i];
  if (!row) return ['—', '—'];
  return [termsText(r, row.trained, row.target, classes), termsText(r, row.knockedOut, row.target, classes)];
}
