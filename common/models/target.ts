// What a target column means to a classifier, decided from its values (the binding names the column, the
// data decides the classes): a label rule (`positiveAtLeast`) makes it binary (value ≥ t); two values
// make it binary with the positive one the user chose (`positive`), else picked by the words (spam/ham: 'spam';
// clicked/not: 'clicked'), else the rarer (positive-class.ts);
// k ≥ 3 categories or small integers make k classes in sorted order (the order is recorded, so class ids
// map back to names). Missing values are no label at all (NaN): those rows are left out of training and
// scoring, never read as negatives. Pure: the trainer and the export both use it.
import { UNUSED, type ColumnSource, type DataColumn, type SplitResult } from '../data';
import type { DataColumns } from './binding';
import { regressionTarget, type RegressionTarget, type TargetTask } from './regression-target';
import { autoRegresses } from './regression-reading';
import { spellingGroups, variantGroupsText } from './label-variants';
import { shellWord } from '../text/shell-word';
import { pyString } from '../text/python-string';
import { labelThresholdAdvice } from './stats-hints';
import { booleanWordsOf, isBooleanDictionary, shownBoolean, type BooleanWords } from './label-words';
import { isPositive, positiveByWords, positiveChoiceOf, rarerOf } from './positive-class';
import { IMPLICIT_FEEDBACK_HINT } from './implicit-feedback-hint';

// moved to files of their own; their importers keep importing them from here
export { positiveChoiceOf, positiveOf } from './positive-class';
export { IMPLICIT_FEEDBACK_HINT, NEGATIVE_SAMPLING_RECIPE } from './implicit-feedback-hint';

export type TargetCoding =
  | { kind: 'binary'; column: string; positive: string; negative: string; rule?: number; labelOf(row: number): number; boolean?: true }
  | { kind: 'classes'; column: string; names: string[]; labelOf(row: number): number; numeric?: boolean };

/** Most classes a categorical target may have (more is almost surely an id or free text, not a class). */
export const MAX_CLASSES = 1000;
/** Most distinct integers read as classes (more: a count or a measurement; give it a threshold). */
export const MAX_INTEGER_CLASSES = 100;

const show = (values: readonly string[], max = 8) => values.slice(0, max).join(', ') + (values.length > max ? `, … (${values.length.toLocaleString('en-US')} in all)` : '');
const thresholdHint = (column: string) => `set a threshold with \`--set positiveAtLeast=T\` (label = value ≥ T; in the app, the target's "label = value ≥ t" rule) or choose another target column than '${column}'`;

export interface TargetOptions {
  /** The label rule: value ≥ t is positive (numeric targets). */
  positiveAtLeast?: number;
  /** CTR / recsys models predict one probability: refuse 3+ classes with a message naming the way out. */
  binaryOnly?: boolean;
  /** The column's type in the dataset, when the caller knows it: a 'datetime' is refused as a time column, however few times it holds (without a rule). */
  type?: string;
  /**
   * The user asked for classes (fusion's task=classification): a number's distinct values are classes up
   * to MAX_CLASSES, fractions and many integers too, instead of being refused as a measurement.
   */
  classes?: boolean;
  /** The dataset, when the caller knows it: the retype advice names it in a command the user can paste. */
  dataset?: DatasetRef;
  /** A boolean target's words as its file wrote them (label-words.ts): the coding names its values by them. */
  booleanWords?: BooleanWords;
  /**
   * The value the user chose as positive (`--set positive='Charged Off'`, or the dataset's label rule): one of
   * a two-valued target's values as the run names them; a value the column does not hold is refused, listing its values.
   */
  positive?: string;
  /**
   * Two values that no word decides ("Charged Off"/"Fully Paid") make the rarer one positive, as a fraud,
   * default or churn label means it (new runs: the binding's minorityPositive); without it the later in sorted order.
   */
  minorityPositive?: boolean;
}

/** A dataset as a message's commands name it: by id (a name can read as an id, or need quoting), the name said beside it. */
export interface DatasetRef { id: number; name: string }

/**
 * Where and how to retype a target column as a number: "in dataset 3 'reviews' (gatelab datasets types 3
 * score=float)". Without the dataset (a caller that has only its rows) the command names no id it would
 * have to make up.
 */
export function retypeAdvice(column: string, dataset?: DatasetRef): string {
  const change = shellWord(`${column}=float`);
  return dataset ? `in dataset ${dataset.id} '${dataset.name}' (gatelab datasets types ${dataset.id} ${change})` : `in the dataset (gatelab datasets types with ${change})`;
}

/**
 * A stored number as the file wrote it. Float32 storage reads 0.37 as 0.3700000047683716: the fewest
 * digits (7 or more) that read back as the same float32; a float64 value (a time, a big id, a number the
 * importer kept in float64) exactly, since 7 digits would print epoch seconds 1700000014 and 1700000038
 * both as 1700000000.
 */
export function numberName(v: number, float32: boolean): string {
  if (!float32) return String(v);
  for (let p = 7; p < 9; p++) {
    const x = Number(v.toPrecision(p));
    if (Math.fround(x) === v) return String(x);
  }
  return String(Number(v.toPrecision(9))); // 9 significant digits always read back as the same float32
}

/** The distinct numbers of rows 0..rows-1 (NaN skipped), and whether all are integers; stops past `cap` distinct. */
export function distinctNumbers(rows: number, numberAt: (r: number) => number, cap = Infinity): { seen: Set<number>; integers: boolean } {
  const seen = new Set<number>();
  let integers = true;
  for (let r = 0; r < rows && seen.size <= cap; r++) {
    const v = numberAt(r);
    if (Number.isNaN(v) || seen.has(v)) continue;
    seen.add(v);
    if (!Number.isInteger(v)) integers = false;
  }
  return { seen, integers };
}

/** Epoch seconds as the lab shows a time: '2023-11-14 22:13:34' (UTC; no seconds part when they are 0). */
function timeName(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.000Z$/, '').replace(/Z$/, '');
  return iso.endsWith(':00') ? iso.slice(0, -3) : iso;
}

/** The coding of `column`'s values; throws a message saying what to set when they are not classes. */
export function targetCoding(col: DataColumn, column: string, o: TargetOptions = {}): TargetCoding {
  const rows = col.values.length / (col.dim ?? 1);
  if ((col.dim ?? 1) > 1) throw new Error(`the target '${column}' is a vector column: choose a column with one value per row`);
  const dict = col.dictionary;
  // The value of a row as a number (numeric columns, or coded columns whose values are numbers), NaN when missing.
  const numberAt = dict ? (() => { const n = dict.map((s) => (s.trim() === '' ? NaN : Number(s))); return (r: number) => (col.values[r] < 0 ? NaN : n[col.values[r]]); })()
    : (r: number) => (Number.isFinite(col.values[r]) ? col.values[r] : NaN);
  if (o.positiveAtLeast !== undefined && o.positive !== undefined) {
    throw new Error(`positive='${o.positive}' and positiveAtLeast=${o.positiveAtLeast} are two label rules for '${column}': keep one (positive names a value of a two-valued target; positiveAtLeast thresholds a number)`);
  }
  if (o.positiveAtLeast !== undefined) {
    const t = o.positiveAtLeast;
    if (dict) {
      const used = distinctCodes(col, rows).map((c) => dict[c]);
      const words = used.filter((s) => !Number.isFinite(Number(s)) || s.trim() === '');
      // A CTR label of 3+ categories would only move on to the "has 4 values" refusal once the rule is removed: say both steps here
      const binaryOnly = o.binaryOnly && used.length > 2 ? `; a CTR label needs two values, so first ${oneVsRestAdvice(column, used.sort())}` : '';
      if (words.length) throw new Error(`the label rule positiveAtLeast=${t} needs a numeric target; '${column}' holds categories (${show(words)}). Remove the rule (--set positiveAtLeast is for numbers) and the values decide the classes${binaryOnly}`);
    }
    return { kind: 'binary', column, positive: `≥ ${t}`, negative: `< ${t}`, rule: t, labelOf: (r) => { const v = numberAt(r); return Number.isNaN(v) ? NaN : v >= t ? 1 : 0; } };
  }
  if (dict) {
    const codes = distinctCodes(col, rows).sort((a, b) => (dict[a] < dict[b] ? -1 : dict[a] > dict[b] ? 1 : 0));
    // a boolean's 'false'/'true' sort as its codes 0/1 and are named as the file wrote them ('no'/'yes', '0'/'1')
    const words = isBooleanDictionary(dict) ? o.booleanWords : undefined;
    const names = codes.map((c) => shownBoolean(dict[c], words));
    if (words && names.length === 2) return booleanCoding(column, names, (r) => (col.values[r] < 0 ? NaN : col.values[r]), o.positive);
    const ids = new Int32Array(dict.length).fill(-1);
    codes.forEach((c, i) => { ids[c] = i; });
    // Codes are the importer's; class ids are the sorted values' ranks, so the same values give the same ids.
    const idOf = (r: number) => (col.values[r] < 0 ? NaN : ids[col.values[r]]);
    return coded(column, names, idOf, o, false, rows);
  }
  const { seen, integers } = distinctNumbers(rows, numberAt, MAX_CLASSES);
  const values = [...seen].sort((a, b) => a - b);
  const float32 = col.values instanceof Float32Array;
  const names = values.map((v) => numberName(v, float32));
  const count = values.length > MAX_CLASSES ? `more than ${MAX_CLASSES.toLocaleString('en-US')}` : values.length.toLocaleString('en-US');
  if (o.type === 'datetime' && values.length) {
    // A time is never a label, however few distinct times it holds (a day's log stamped by the hour has 24,
    // which would otherwise read as 24 classes); in a CTR log it is usually the only column left beside the
    // user and the item. A rule (positiveAtLeast) was handled above: "after t" is a label the user chose.
    const seenTimes = values.slice(0, 3).map(timeName).join(', ') + (values.length > 3 ? ', …' : '');
    throw new Error(`the target '${column}' is a time column with ${count} distinct time${values.length === 1 ? '' : 's'} (${seenTimes}), not a label: choose a column of classes as the target` +
      (o.binaryOnly ? `. ${IMPLICIT_FEEDBACK_HINT}` : ''));
  }
  if (autoRegresses(values.length, integers) && !o.classes) { // what a fusion template regresses (task=auto)
    const seenValues = names.slice(0, 5).join(', ') + (values.length > 5 ? ', …' : '');
    throw new Error(`the target '${column}' is a number with ${count} distinct values (${seenValues}), not a set of classes. ` +
      `GateLab's CTR models classify a click; they do not regress a continuous target (the fusion templates do: --template concat-fusion, gmu, …): ${thresholdHint(column)}`);
  }
  const index = new Map(values.map((v, i) => [v, i]));
  return coded(column, names, (r) => { const v = numberAt(r); return Number.isNaN(v) ? NaN : index.get(v)!; }, o, true, rows);
}

/**
 * A boolean label named by its file's words: code 1 is positive whatever the words ('Y'/'N', '1'/'0'), unless
 * the user chose the other word as `positive` (a 'paid_back' yes/no whose 'no' is the event to predict).
 */
function booleanCoding(column: string, names: string[], codeOf: (r: number) => number, positive?: string): TargetCoding {
  if (positive !== undefined && !names.includes(positive)) throw new Error(unheldPositive(column, positive, names));
  if (positive === names[0]) return { kind: 'binary', column, positive: names[0], negative: names[1], labelOf: (r) => { const c = codeOf(r); return Number.isNaN(c) ? NaN : 1 - c; }, boolean: true };
  return { kind: 'binary', column, positive: names[1], negative: names[0], labelOf: codeOf, boolean: true };
}

/** The refusal of a positive value the target does not hold, listing the values it does. */
function unheldPositive(column: string, positive: string, names: readonly string[]): string {
  return `positive='${positive}': the target '${column}' holds no such value; its values: ${show(names.map((v) => `'${v}'`))} (the value must be written exactly, case and spaces included)`;
}

/** Classes from sorted names and a row → class id function: one (refused), two (binary) or more. */
function coded(column: string, names: string[], idOf: (r: number) => number, o: TargetOptions, numeric: boolean, rows: number): TargetCoding {
  if (names.length === 0) throw new Error(`the target '${column}' has no value in any row: choose another target column`);
  if (names.length === 1) {
    // a CTR label that is 1 (or 'clicked') in every row: a log of interactions only, with no negatives
    const onlyPositives = o.binaryOnly && o.positiveAtLeast === undefined ? `. ${IMPLICIT_FEEDBACK_HINT}` : '';
    // a threshold cannot split a column of one value (every row is ≥ t or every row is < t): not suggested
    const oneValue = numeric ? `the column has one value, so no threshold can split it (--set positiveAtLeast cannot help): ` : '';
    throw new Error(`the target '${column}' is '${names[0]}' in every row that has a value: there is nothing to tell apart; ${oneValue}choose another target column${onlyPositives}`);
  }
  if (o.positive !== undefined && !names.includes(o.positive)) throw new Error(unheldPositive(column, o.positive, names));
  if (names.length === 2) {
    // The user's choice; else numbers: the larger value is positive (0/1, 1/2, -1/1); words: see positiveOf,
    // and, for new runs, the rarer of two values no word decides (minorityPositive)
    const byWords = numeric ? names[1] : positiveByWords(names[0], names[1]);
    const positive = o.positive ?? byWords ?? (o.minorityPositive ? rarerOf(names, idOf, rows) : names[1]);
    const p = names.indexOf(positive);
    return { kind: 'binary', column, positive, negative: names[1 - p], labelOf: (r) => { const c = idOf(r); return Number.isNaN(c) ? NaN : c === p ? 1 : 0; } };
  }
  if (o.positive !== undefined) {
    throw new Error(`positive='${o.positive}' picks the positive of a two-valued target, and '${column}' has ${names.length.toLocaleString('en-US')} values (${show(names.map((v) => `'${v}'`))}): ` +
      `to read '${o.positive}' against all the others, ${oneVsRestAdvice(column, [o.positive])}`);
  }
  if (o.binaryOnly) throw new Error(notTwoValued(column, names, numeric));
  if (names.length > MAX_CLASSES) throw new Error(tooManyClasses(column, names, o, numeric));
  return { kind: 'classes', column, names, labelOf: idOf, ...(numeric ? { numeric } : {}) };
}

const TWO_VALUED = 'a CTR model predicts one click probability from a two-valued label';
const IGNORED = 'once case and surrounding spaces are ignored';

/**
 * The refusal of a CTR label with 3 or more values. Words are quoted exactly as stored, so a value's spaces
 * show. Values that differ only in case or surrounding spaces (' Clicked', 'CLICKED', 'not clicked  ') are
 * one label typed inconsistently (exact values decide the classes): when they come down to two, the fix is
 * to write them one way, not a fusion template for as many classes as there are spellings; when they come
 * down to one, every row has the same label (label-variants.ts groups them as the fusion data line does).
 */
function notTwoValued(column: string, names: string[], numeric: boolean): string {
  const count = names.length.toLocaleString('en-US');
  const fusion = (k: number) => `train a classification template of the fusion family (e.g. --template concat-fusion) for ${k} classes`;
  if (numeric) return `the label '${column}' has ${count} values (${show(names)}); ${TWO_VALUED}. Set a threshold with \`--set positiveAtLeast=T\` (label = value ≥ T)${labelThresholdAdvice(column, names)}, or ${fusion(names.length)}`;
  const quoted = show(names.map((v) => `'${v}'`));
  const groups = spellingGroups(names);
  if (groups.length === names.length) return `the label '${column}' has ${count} values (${quoted}); ${TWO_VALUED}. Make it two-valued (${oneVsRestAdvice(column, names)}), or ${fusion(names.length)}`;
  const oneWay = oneWayAdvice(column);
  if (groups.length === 1) {
    return `the label '${column}' has ${count} values that are one ${IGNORED} (${variantGroupsText(groups)}): every row has the same label, so there is nothing to tell apart. ${IMPLICIT_FEEDBACK_HINT}`;
  }
  if (groups.length === 2) {
    return `the label '${column}' has ${count} values that are 2 ${IGNORED} (${variantGroupsText(groups)}): each spelling is a value of its own, and ${TWO_VALUED}. To train on it, ${oneWay}`;
  }
  return `the label '${column}' has ${count} values (${quoted}), ${groups.length} ${IGNORED} (${variantGroupsText(groups.filter((g) => g.length > 1))}); ${TWO_VALUED}. ` +
    `Make it two-valued (${oneWay}), or ${fusion(groups.length)} once each is written one way`;
}

/**
 * How to make a label of 3+ categories (a Taobao log's behavior_type: buy, cart, fav, pv) a click label: in
 * the file, as no GateLab rule picks a positive category (positiveAtLeast is for numbers). The example
 * names a value that reads as positive when there is one, else the first: the user edits it to the value they mean.
 */
function oneVsRestAdvice(column: string, names: readonly string[]): string {
  const example = names.find(isPositive) ?? names[0];
  return `write it in the file as 1 for the value that counts as a click and 0 for the others, e.g. with pandas: df[${pyString(column)}] = (df[${pyString(column)}] == ${pyString(example)}).astype(int), and import it again`;
}

/** How to make a label's spellings one value: in the file, then import it again (no GateLab command rewrites values). */
function oneWayAdvice(column: string): string {
  const py = pyString(column);
  return `write each label one way in the file (trimmed and lowercased, e.g. with pandas: df[${py}] = df[${py}].str.strip().str.lower()) and import it again`;
}

/**
 * Refuses a new CTR run whose two-valued label is one value spelt two ways ('yes' / 'Yes '): exact values
 * decide the classes, so the model would learn to tell the spellings apart, not a click from no click,
 * and the data line's note about them came only after the run was queued. Called by the pre-queue check
 * (main/lab/runs/data-guard.ts targetCodingOf), not by codeTarget: a stored run on such a label still
 * resumes and exports as it trained.
 */
export function refuseLabelSpellings(reading: TargetReading, family: 'recsys' | 'fusion'): void {
  if (family !== 'recsys' || reading.kind !== 'binary' || reading.rule !== undefined) return;
  // in sorted order, whichever of the two reads as positive (the rarer one, for new runs): one message for one file
  const names = [reading.negative, reading.positive].sort();
  const groups = spellingGroups(names);
  if (groups.length !== 1) return;
  const oneWay = oneWayAdvice(reading.column);
  throw new Error(`the label '${reading.column}' has 2 values that are one ${IGNORED} (${variantGroupsText(groups)}): one label written two ways, ` +
    `so a CTR model would learn to tell the spellings apart, not a click from no click. ${oneWay[0].toUpperCase()}${oneWay.slice(1)}: ` +
    `every row then has the same label. ${IMPLICIT_FEEDBACK_HINT}`);
}

/**
 * The refusal of more than MAX_CLASSES classes, with a fix that works. A number's values are counted only up
 * to MAX_CLASSES + 1 (distinctNumbers' cap), so its count is "more than 1,000", never the 1,001 the count
 * stopped at; a number reaches here only when the user asked for classes (task=classification: else it
 * would have been regressed or refused as a measurement), so the fix is to let it regress or to threshold it.
 * A coded column's values are all counted; a thousand words are an id or free text, not classes.
 */
function tooManyClasses(column: string, names: string[], o: TargetOptions, numeric: boolean): string {
  const first = names.slice(0, 5).join(', ') + ', …';
  const more = `more than ${MAX_CLASSES.toLocaleString('en-US')}`;
  if (numeric) {
    const fix = o.classes ? 'remove --set task=classification to regress it, or --set positiveAtLeast=T for a yes/no label (value ≥ T)'
      : 'set --set positiveAtLeast=T for a yes/no label (value ≥ T), or choose another target column';
    return `the target '${column}' has ${more} distinct values (${first}), too many to be classes: ${fix}`;
  }
  const count = `${names.length.toLocaleString('en-US')} distinct values (${first}), ${more} classes`;
  // a categorical column of numbers (the importer read them as codes) regresses once it is typed a number
  if (names.every(readsAsNumber)) return `the target '${column}' has ${count}: to regress it, retype it as a number ${retypeAdvice(column, o.dataset)} and train with task=auto or task=regression; or choose another target column`;
  return `the target '${column}' has ${count}: is it an id or free text? Choose another target column`;
}

/** A coded column's value that reads as a number ('3.5', '-2'; not '', 'n/a'): retyping the column as a number keeps it. */
export const readsAsNumber = (value: string): boolean => value.trim() !== '' && Number.isFinite(Number(value));

/** Codes that occur in a coded column (missing -1 skipped). */
export function distinctCodes(col: DataColumn, rows: number): number[] {
  const seen = new Uint8Array(col.dictionary!.length);
  for (let r = 0; r < rows; r++) { const c = col.values[r]; if (c >= 0) seen[c] = 1; }
  const out: number[] = [];
  seen.forEach((s, c) => { if (s) out.push(c); });
  return out;
}

/** One line for the run's data description: which value is positive, or the classes in id order. */
export function describeTarget(t: TargetCoding): string {
  if (t.kind === 'classes') {
    // many number classes are more often a measurement (an age, a count) than a category: say so once
    // ("each value": with task=classification the classes may be fractions, 1.1, 1.2, …)
    const measurement = t.numeric && t.names.length > 10 ? ` (each value is a class of its own; if '${t.column}' is a measurement, ${thresholdHint(t.column)})` : '';
    const lists = combinationClassesNote(t);
    return `${t.names.length} classes of '${t.column}': ${show(t.names, 12)}${measurement}${lists ? ` (${lists})` : ''}`;
  }
  if (t.rule !== undefined) return `label: '${t.column}' ≥ ${t.rule} is positive`;
  // A 0/1 label names its column and the 1 written in the file ("'true' is positive" named neither); a
  // boolean of a dataset imported before the file's words were kept (label-words.ts) may have been written
  // 1/0, true/false or yes/no, so both spellings are given.
  if (t.positive === 'true' && t.negative === 'false' && !t.boolean) return `label: '${t.column}' = 1 (true) is positive`;
  if (Number.isFinite(Number(t.positive)) && Number.isFinite(Number(t.negative))) return `label: '${t.column}' = ${t.positive} is positive (${t.negative} negative)`;
  // a boolean named by its file's words ('Y'/'N', 'yes'/'no'): short words say little without their column
  if (t.boolean) return `label: '${t.column}' = '${t.positive}' is positive ('${t.negative}' negative)`;
  return `label: '${t.positive}' is positive ('${t.negative}' negative)`;
}

/**
 * A note for a target whose values look like lists ('a|b', 'a|b|c'): each combination is read as one class of
 * its own, silently otherwise (multi-label training, one output per label, is not offered). Null unless at
 * least two classes, and a quarter of them, hold a '|' between values.
 */
export function combinationClassesNote(reading: TargetReading): string | null {
  if (reading.kind !== 'classes') return null;
  const listed = reading.names.filter((v) => /[^|\s]\s*\|\s*[^|\s]/.test(v));
  if (listed.length < Math.max(2, reading.names.length / 4)) return null;
  return `values such as '${listed[0]}' are lists: each combination is read as one class of its own; multi-label training (one output per label) is not offered`;
}

/** A fusion binding's `task` (absent in runs from before regression: auto, which classifies what they classified). */
const taskOf = (columns: Exclude<DataColumns, { family: 'forecasting' }>): TargetTask => (columns.family === 'fusion' ? columns.task ?? 'auto' : 'classification');

/** How a target is read: classes (TargetCoding) or a number to regress (fusion only; regression-target.ts). */
export type TargetReading = TargetCoding | RegressionTarget;

/**
 * The coding of a CTR or fusion binding's target column, read as the trainer reads it: the label rule
 * (`positiveAtLeast`), and a CTR label must be two-valued; a fusion target may read as a regression
 * (regression-target.ts: the rule for task=auto is stated there). Throws the trainer's message otherwise; the
 * CLI calls it before queuing a run (main/lab/runs/dataset-runs.ts). `typeOf`: the dataset's column types,
 * so that a time column given as the target is called one (its values would read as "a number"); `dataset`:
 * the dataset, so the retype advice names it in its command (retypeAdvice).
 */
export function codeTarget(data: ColumnSource, columns: Exclude<DataColumns, { family: 'forecasting' }>, typeOf?: (column: string) => string | undefined, dataset?: DatasetRef): TargetReading {
  const label = columns.family === 'recsys' ? columns.label.column : columns.label;
  const rule = columns.family === 'recsys' ? columns.label.positiveAtLeast : columns.positiveAtLeast;
  const choice = positiveChoiceOf(columns);
  const task = taskOf(columns);
  const type = typeOf?.(label);
  const booleanWords = booleanWordsOf(data, label);
  if (columns.family === 'fusion' && choice.positive === undefined) { // a positive value names a class: never regressed
    const regression = regressionTarget(data.column(label), label, { task, positiveAtLeast: rule, type, ...(dataset ? { dataset } : {}) });
    if (regression) return regression;
  }
  return targetCoding(data.column(label), label, { positiveAtLeast: rule, ...choice, binaryOnly: columns.family === 'recsys', type, ...(task === 'classification' && columns.family === 'fusion' ? { classes: true } : {}), ...(dataset ? { dataset } : {}), ...(booleanWords ? { booleanWords } : {}) });
}

/**
 * The target side of a binding, as the trainer applies it before fitting anything (workers/data/run-data.ts;
 * the export re-derives a run's pipeline with the same call): the coding of the target, fusion's `classes`
 * filled from it, and the split less the rows without a target (UNUSED), with how many those were.
 * A regressed fusion target comes back as `regression` (no `target`), its binding's task set to
 * 'regression' and classes 1 (one output), so the pipeline standardizes it (binding.ts pipelineFor).
 * Forecasting has no target: everything is returned as given. `typeOf`: as for codeTarget (messages only).
 */
export function bindTarget(data: ColumnSource, columns: DataColumns, split: SplitResult, typeOf?: (column: string) => string | undefined, dataset?: DatasetRef):
  { columns: DataColumns; split: SplitResult; target?: TargetCoding; regression?: RegressionTarget; leftOut: number } {
  if (columns.family === 'forecasting') return { columns, split, leftOut: 0 };
  const reading = codeTarget(data, columns, typeOf, dataset);
  const target = reading.kind === 'regression' ? undefined : reading;
  const regression = reading.kind === 'regression' ? reading : undefined;
  const missing = (r: number) => Number.isNaN(regression ? regression.valueOf(r) : target!.labelOf(r));
  // MMoE's second target (the rating) must be there too: a row without it would make its loss NaN.
  const rating = columns.family === 'recsys' && columns.rating ? data.column(columns.rating) : null;
  let leftOut = 0;
  const assignment = Uint8Array.from(split.assignment, (a, r) =>
    (a !== UNUSED && (missing(r) || (rating !== null && Number.isNaN(rating.values[r]))) ? (leftOut++, UNUSED) : a));
  const bound = columns.family !== 'fusion' ? columns
    : regression ? { ...columns, task: 'regression' as const, classes: 1 }
    : { ...columns, classes: target!.kind === 'binary' ? 1 : target!.names.length };
  const read = regression ? { regression } : { target };
  if (leftOut === 0) return { columns: bound, split, ...read, leftOut };
  const counts = { train: 0, val: 0, test: 0 };
  for (const a of assignment) if (a === 0) counts.train++; else if (a === 1) counts.val++; else if (a === 2) counts.test++;
  return { columns: bound, split: { ...split, assignment, counts }, ...read, leftOut };
}
