// `gatelab knockout RUN --gate G --mode M [--expert E] --rows 0-9,42`: one knockout on chosen test rows.
// One line per row: the test row (Try it's numbering), its target, its prediction as trained and with the
// knockout, the change, and the gate's own value on that row, in the task's terms as Try it words them (a
// binary model's probability beside the actual label, a multi-class model's class, a regression's value in
// the target's units, a forecast's MSE over every channel, which compares with the target already).
import { rowTerms, type KnockoutRowsResult, type RowTerms } from '../../common/analytics';
import { componentName, gateLabel, knockoutLabel, NO_NAMES, type GateNames } from '../../common/analytics/gate-names';
import { className, modelClassNames } from '../../common/analytics/class-names';
import { tableNotation, type TableFormat } from '../../common/analytics/table-notation';
import { parseRows } from '../../common/text/row-ranges';
import type { LabelCoding } from '../../common/trainer-protocol';
import { Refusal } from '../lab/runs/refusal';

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
  return r.prediction === 'prediction' && label?.column ? label.column : r.prediction;
}

const pct = (p: number) => `${(100 * p).toFixed(1)} %`;
const signed = (v: number, text: string) => (v > 0 ? `+${text}` : text);

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
    return `${signed(d, d.toFixed(1))} pts`;
  }
  if (a.kind === 'class' && b.kind === 'class') return a.value === b.value ? 'same class' : `${className(a.value, classes.names, classes.of)} → ${className(b.value, classes.names, classes.of)}`;
  const d = b.value - a.value;
  return signed(d, num(d));
}

/**
 * A row's target as its prediction is read, so a reader sees whether the knockout moved it toward the truth:
 * a binary label by the value the file writes (`label`'s negative and positive), a class by what the target
 * holds, a regression's value in its units; '—' without one. A forecast has no column: its MSE compares already.
 */
function targetCell(t: RowTerms, target: readonly number[], label: LabelCoding | undefined, classes: Classes, num: TableFormat): string {
  const v = target.length === 1 ? target[0] : undefined;
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (t.kind === 'probability') return (v === 1 ? label?.positive : v === 0 ? label?.negative : undefined) ?? String(v);
  if (t.kind === 'class') return className(v, classes.names, classes.of);
  return num(v);
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
export function formatKnockoutRows(r: KnockoutRowsResult, names: GateNames = NO_NAMES, label?: LabelCoding, classes: readonly string[] | null | undefined = label?.classes): string {
  const unit = r.forecast ? { one: 'window', many: 'windows' } : { one: 'row', many: 'rows' };
  const knocked = knockoutLabel(r.knockout, names);
  const gate = gateColumn(r, names);
  const terms = r.rows.map((row) => [rowTerms(r, row.trained, row.target), rowTerms(r, row.knockedOut, row.target)] as const);
  // a forecast's MSE (any MSE) already compares with its target: no target column there
  const withTarget = !r.forecast && terms.every(([a]) => a.kind !== 'mse');
  const head = [`test ${unit.one}`, ...(withTarget ? ['target'] : []), 'as trained', `with ${knocked}`, 'change', gate.head];
  const regressed = (v: readonly number[]) => (withTarget && terms[0]?.[0].kind === 'value' && v.length === 1 ? v : []);
  const num = tableNotation([...terms.flatMap(([a, b]) => [a.value, b.value, b.value - a.value]), ...r.rows.flatMap((row) => regressed(row.target))]);
  const body = r.rows.map((row, i) => {
    const [a, b] = terms[i];
    const of: Classes = { names: classes, of: row.trained.length };
    const target = withTarget ? [targetCell(a, row.target, label, of, num)] : [];
    return [String(row.row), ...target, cell(a, of, num), cell(b, of, num), change(a, b, of, num), gate.value(row.gate)];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  // numbers right-aligned (their last digits line up), the row number and the gate's value left-aligned
  const line = (cells: string[]) => cells.map((x, c) => (c === 0 || c === cells.length - 1 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ').trimEnd();
  const n = r.testRows.toLocaleString('en-US');
  return [
    `run ${r.runId}: ${termsHead(r, label)} of ${r.rows.length} test ${r.rows.length === 1 ? unit.one : unit.many} (of ${n}), as trained and with ${knocked}`,
    ...[head, ...body].map((cells) => `  ${line(cells)}`),
  ].join('\n');
}

/**
 * `--json`: the lab's result, each row with its two predictions in the task's terms beside the raw outputs;
 * a class (its id in `value`) also by its `name`, the value of the target it stands for, when the run says it.
 */
export function knockoutRowsJson(r: KnockoutRowsResult, classes?: readonly string[] | null): object {
  const terms = (prediction: number[], target: number[]) => {
    const t = rowTerms(r, prediction, target);
    // Try it's rule: a class list of another length than the prediction is not this model's (no name then)
    const name = t.kind === 'class' ? modelClassNames(classes, prediction.length)?.[t.value] : undefined;
    return name !== undefined ? { ...t, name } : t;
  };
  return { ...r, rows: r.rows.map((row) => ({ ...row, asTrainedTerms: terms(row.trained, row.target), knockedOutTerms: terms(row.knockedOut, row.target) })) };
}
