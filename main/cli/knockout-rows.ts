// `gatelab knockout RUN --gate G --mode M [--expert E] --rows 0-9,42`: one knockout on chosen test rows.
// One line per row: the test row (Try it's numbering), its target, its prediction as trained and with the
// knockout, the change, and the gate's own value on that row, in the task's terms as Try it words them (a
// binary model's probability beside the actual label, a multi-class model's class, a regression's value in
// the target's units, a forecast's MSE over every channel, which compares with the target already).
import { rowTerms, type KnockoutRowsResult, type RowTerms } from '../../common/analytics';
import { componentName, gateLabel, knockoutLabel, NO_NAMES, type GateNames } from '../../common/analytics/gate-names';
import { className, modelClassNames } from '../../common/analytics/class-names';
import { tableNotation, type TableFormat } from '../../common/analytics/table-notation';
import { signedChange } from '../../common/analytics/signed-change';
import { parseRows } from '../../common/text/row-ranges';
import type { LabelCoding } from '../../common/trainer-protocol';
import { ruleSidesNote } from '../../common/models/rule-sides-note';
import { Refusal } from '../lab/runs/refusal';
import type { RuleTargetValues } from '../lab/analytics/rule-target-values';

/** What a run's rows are read by besides the lab's result (knockout-rows-reading.ts gathers them). */
export interface RowsReading {
  names?: GateNames;
  /** The trainer's label coding; a regression's is its target column alone (`{ column: 'price' }`). */
  label?: LabelCoding;
  /** The run's class names: the label's, else its test table's (common/analytics/class-names.ts). Default: the label's. */
  classes?: readonly string[] | null;
  /** A label rule's column (the rating behind `rating ≥ 4`) for each asked row, or why it could not be read. */
  ruleValues?: RuleTargetValues;
}

/** The rows `--rows` names ("0-9,42"), or a refusal in Try it's words for the box. */
export function rowsOption(text: string): number[] {
  const rows = parseRows(text);
  if (typeof rows === 'string') throw new Refusal(`--rows: ${rows} (test rows from 0 within the test split, e.g. --rows 0-9,42)`);
  return rows;
}

/** What a row's numbers are called: "P(clicked = true)", "class", "price", "MSE (all channels)". */
function termsHead(r: KnockoutRowsResult, label: LabelCoding | undefined): string {
  if (r.forecast) return 'MSE (all channels)';
  if (r.task === 'binary') {
    if (label?.positive === undefined) return 'P(class 1)';
    // under a rule the value is the rule's side ('≥ 4'): "rating ≥ 4", not "rating = ≥ 4"
    return `P(${label.column}${label.positiveAtLeast !== undefined ? ' ' : ' = '}${label.positive})`;
  }
  if (r.task === 'multiclass') return 'top class (probability)';
  // the target column, not the output's tensor name ('prediction', MMoE's 'rating_pred': the rule's column)
  return label?.column ?? r.prediction;
}

const pct = (p: number) => `${(100 * p).toFixed(1)} %`;

/** The run's class names, and the prediction's length they must match (Try it's rule: class-names.ts className). */
type Classes = { names: readonly string[] | null | undefined; of: number };

/** A value or MSE in the notation of the knockout table (one number of decimals for the whole output). */
function cell(t: RowTerms, classes: Classes, num: TableFormat): string {
  if (t.kind === 'probability') return pct(t.value);
  if (t.kind === 'class') return `${className(t.value, classes.names, classes.of)} (${pct(t.probability)})`;
  return num(t.value);
}

function change(a: RowTerms, b: RowTerms, classes: Classes, num: TableFormat): string {
  if (a.kind === 'probability' && b.kind === 'probability') {
    const d = 100 * (b.value - a.value);
    return `${signedChange(d, d.toFixed(1))} pts`;
  }
  if (a.kind === 'class' && b.kind === 'class') return a.value === b.value ? 'same class' : `${className(a.value, classes.names, classes.of)} → ${className(b.value, classes.names, classes.of)}`;
  const d = b.value - a.value;
  return signedChange(d, num(d));
}

/** A binary label's value as the file writes it (`label`'s negative and positive: '≥ 4' under a rule), else its 0/1. */
const binaryName = (v: number, label: LabelCoding | undefined) => (v === 1 ? label?.positive : v === 0 ? label?.negative : undefined);

/** A rule column's cell as read (the lab gives a float32 column's 3.7 as 3.7, rule-target-values.ts). */
const ruleValueText = (v: string | number | null | undefined) => (v === null || v === undefined ? undefined : String(v));

/**
 * A row's target as its prediction is read, so a reader sees whether the knockout moved it toward the truth:
 * a binary label by the value the file writes (`label`'s negative and positive; under a rule the row's own
 * value, `raw`, when it was read), a class by what the target holds, a regression's value in its units; '—'
 * without one. A forecast has no column: its MSE compares already.
 */
function targetCell(t: RowTerms, target: readonly number[], label: LabelCoding | undefined, classes: Classes, num: TableFormat, raw?: string): string {
  const v = target.length === 1 ? target[0] : undefined;
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (t.kind === 'probability') return raw ?? binaryName(v, label) ?? String(v);
  if (t.kind === 'class') return className(v, classes.names, classes.of);
  return num(v);
}

type RuleReading = { label: LabelCoding; values: Array<string | number | null> | null; problem: string | null };

/** A binary run read by a rule (`rating ≥ 4`): its rows' own values of the rule's column, or why there are none. */
function ruleReading(r: KnockoutRowsResult, label: LabelCoding | undefined, values: RuleTargetValues | undefined): RuleReading | null {
  if (r.task !== 'binary' || label?.positiveAtLeast === undefined) return null;
  return { label, values: values && 'values' in values ? values.values : null, problem: values && 'problem' in values ? values.problem : null };
}

/** Where the rule's side stands in for a value that could not be read, the line saying so ('≥ 4' is no rating). */
function ruleNote(rule: RuleReading | null): string[] {
  if (!rule || (rule.values && rule.values.every((v) => v !== null))) return [];
  const note = ruleSidesNote(rule.label, rule.problem);
  return note ? [`  target: ${note}`] : [];
}

/** The gate's value column: its head, and a row's values (openness, or weight per expert / variable). */
function gateColumn(r: KnockoutRowsResult, names: GateNames): { head: string; value: (v: number[]) => string } {
  const { gate, kind } = r.knockout;
  const label = gateLabel(gate, names);
  const three = (v: number) => v.toFixed(3);
  if (kind === 'router' || kind === 'selection') {
    const width = r.rows[0]?.gate.length ?? 0;
    const parts = Array.from({ length: width }, (_, i) => componentName(gate, kind, i, names));
    return { head: `${label} weights (${parts.join(', ')})`, value: (v) => v.map(three).join(' ') };
  }
  // a bimodal GMU's z is the weight of its first modality (h = z·h_first + (1 − z)·h_second)
  const gmu = names.template === 'gmu' && names.modalities.length === 2 && gate === 'gmu';
  const what = gmu ? `weight of ${names.modalities[0]}` : kind === 'exit' ? 'exit probability' : 'mean openness';
  return { head: `${label} ${what}`, value: (v) => (v.length ? three(v[0]) : '—') };
}

/**
 * The table `--rows` prints: a line saying what is shown, then one line per row, columns aligned. A class
 * is named by the run's classes (`classes`: the label's, else its test table's; common/analytics/class-names.ts).
 */
export function formatKnockoutRows(r: KnockoutRowsResult, { names = NO_NAMES, label, classes = label?.classes, ruleValues }: RowsReading = {}): string {
  const unit = r.forecast ? { one: 'window', many: 'windows' } : { one: 'row', many: 'rows' };
  const knocked = knockoutLabel(r.knockout, names);
  const gate = gateColumn(r, names);
  const terms = r.rows.map((row) => [rowTerms(r, row.trained, row.target), rowTerms(r, row.knockedOut, row.target)] as const);
  // a forecast's MSE (any MSE) already compares with its target: no target column there
  const withTarget = !r.forecast && terms.every(([a]) => a.kind !== 'mse');
  const head = [`test ${unit.one}`, ...(withTarget ? ['target'] : []), 'as trained', `with ${knocked}`, 'change', gate.head];
  const regressed = (v: readonly number[]) => (withTarget && terms[0]?.[0].kind === 'value' && v.length === 1 ? v : []);
  const num = tableNotation([...terms.flatMap(([a, b]) => [a.value, b.value, b.value - a.value]), ...r.rows.flatMap((row) => regressed(row.target))]);
  const rule = withTarget ? ruleReading(r, label, ruleValues) : null;
  const body = r.rows.map((row, i) => {
    const [a, b] = terms[i];
    const of: Classes = { names: classes, of: row.trained.length };
    const target = withTarget ? [targetCell(a, row.target, label, of, num, ruleValueText(rule?.values?.[i]))] : [];
    return [String(row.row), ...target, cell(a, of, num), cell(b, of, num), change(a, b, of, num), gate.value(row.gate)];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  // numbers right-aligned (their last digits line up), the row number and the gate's value left-aligned
  const line = (cells: string[]) => cells.map((x, c) => (c === 0 || c === cells.length - 1 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ').trimEnd();
  const n = r.testRows.toLocaleString('en-US');
  return [
    `run ${r.runId}: ${termsHead(r, label)} of ${r.rows.length} test ${r.rows.length === 1 ? unit.one : unit.many} (of ${n}), as trained and with ${knocked}`,
    ...[head, ...body].map((cells) => `  ${line(cells)}`),
    ...ruleNote(rule),
  ].join('\n');
}

/**
 * `--json`: the lab's result, each row with its two predictions in the task's terms beside the raw outputs;
 * a class (its id in `value`) also by its `name`, the value of the target it stands for, when the run says it,
 * and so is the row's `target` (`targetName`). Under a label rule a row has its rule column's value
 * (`targetValue`, the rating behind `rating ≥ 4`) when it was read; else `targetValueProblem` says why.
 */
export function knockoutRowsJson(r: KnockoutRowsResult, { label, classes = label?.classes, ruleValues }: RowsReading = {}): object {
  // Try it's rule: a class list of another length than the prediction is not this model's (no name then)
  const nameOf = (t: RowTerms, id: number, prediction: number[]) => (t.kind === 'class' ? modelClassNames(classes, prediction.length)?.[id] : t.kind === 'probability' ? binaryName(id, label) : undefined);
  const terms = (prediction: number[], target: number[]) => {
    const t = rowTerms(r, prediction, target);
    const name = t.kind === 'class' ? nameOf(t, t.value, prediction) : undefined;
    return name !== undefined ? { ...t, name } : t;
  };
  const rule = ruleReading(r, label, ruleValues);
  const rows = r.rows.map((row, i) => {
    const asTrained = terms(row.trained, row.target);
    const targetName = row.target.length === 1 ? nameOf(asTrained, row.target[0], row.trained) : undefined;
    const value = rule?.values?.[i];
    return { ...row, ...(targetName !== undefined ? { targetName } : {}), ...(value !== undefined && value !== null ? { targetValue: value } : {}), asTrainedTerms: asTrained, knockedOutTerms: terms(row.knockedOut, row.target) };
  });
  return { ...r, rows, ...(rule?.problem ? { targetValueProblem: rule.problem } : {}) };
}
