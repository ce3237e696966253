// The `gatelab.preprocessing` metadata of an exported model: how raw rows (cells as written in the
// dataset's file) become the graph's inputs, and what its outputs mean. Written from the run's fitted
// pipeline (run-pipeline.ts) so that anyone can reimplement the encoding from the JSON alone, in any
// language: every number a transform learned is in it (z-score mean/std, vocabularies, hashing settings).
// Mirrors workers/data/{ctr,fusion,forecasting}.ts, which build the training batches; the export test
// encodes raw rows from this document and checks the model's outputs equal Try it's on the same rows.
import {
  FNV_OFFSET, LEGACY_WORD_RULE, WORD_NORMALIZATION, WORD_PATTERNS, vocabularySize, type FittedPipeline, type FittedStep, type HashedNgramsState, type MultiHotState, type ScalerState,
  type VocabularyState,
} from '../../../common/data';
import { stateFor } from '../../../common/models/binding';
import { positiveChoiceOf, targetCoding } from '../../../common/models/target';
import { booleanWordsOf } from '../../../common/models/label-words';
import type { RunPipeline } from './run-pipeline';
import type { PreprocessingDoc, Feature, CellKind, InputDoc, OutputDoc, MissingRule, LongFormatDoc } from './preprocessing-doc';
import { NUMBER_FORMAT_RULE, laterNumberReadings, numberFormatOf, type LaterNumberReadings, type NumberFormat } from './export-number-format';
import { sourceColumnsRule, sourcePlaceOf } from './export-source-fields';
import { pandasPivot } from '../../../common/data/forecasting-long';
import { DASH_RUN_PATTERN, MISSING_CELLS as FIRST_MISSING_CELLS, NUMBER_MISSING_TOKENS, PANDAS_MISSING_CELLS } from '../../../common/data/missing-cells';
import { recordedRules } from '../import/parse-rules';

export type { PreprocessingDoc } from './preprocessing-doc';

/**
 * The cells every column reads as missing, as the importer compares them (common/data/missing-cells.ts):
 * pandas' default na_values, under the pandasMissingCells rule (every new import).
 */
export const MISSING_CELLS = [...PANDAS_MISSING_CELLS];
/** The cells a dataset imported before that rule reads as missing: GateLab's first list ('n/a', 'None', '#NA' are values in its category columns). */
export const EARLIER_MISSING_CELLS = [...FIRST_MISSING_CELLS];

/** The missing cells of the dataset whose recorded import options these are (none at hand: this importer's). */
function missingCellsOf(importOptions: Record<string, unknown> | undefined): string[] {
  return importOptions === undefined || (recordedRules(importOptions)?.pandasMissingCells ?? false) ? MISSING_CELLS : EARLIER_MISSING_CELLS;
}
/**
 * The cells a number column also reads as missing, trimmed and in any case: the importer's own list
 * (common/data/missing-cells.ts), '?' and '-' among them, which UCI's household power file writes for a
 * missing reading. A reader who throws on anything but a plain number (README's forecast.mjs) needs the list.
 */
export const NUMBER_MISSING_CELLS = [...NUMBER_MISSING_TOKENS];

/**
 * Whether the dataset's number columns read dash runs ('--', '---') as missing: under the dashRuns rule its
 * import recorded; a dataset recording no rules was imported before it (its '---' stayed text). No record at
 * hand: this importer's rules.
 */
function readsDashRuns(importOptions: Record<string, unknown> | undefined): boolean {
  return importOptions === undefined || (recordedRules(importOptions)?.dashRuns ?? false);
}

/** How categorical and text cells are compared: the cell's text as the file's reading gives it. */
const TEXT_CELLS = 'categorical and text cells are compared exactly as the file\'s reading gives their text, not trimmed: in a CSV/TSV file an unquoted cell as written, ' +
  'a quoted cell without its enclosing quotes and with each doubled quote "" read as one " (RFC 4180, as Python\'s csv module and pandas read it: "Li""ma" is Li"ma), ' +
  'and, when `source.skipInitialSpace` is true, without the spaces after each delimiter; in JSON Lines a string value as decoded; a missing cell is one of `missing`';


/**
 * The run's pipeline, the columns whose int/float type the user gave (they read decimal commas in any file
 * not separated by ','), and the later readings each column got (export-number-format.ts laterNumberReadings).
 */
type Described = RunPipeline & { typedNumbers?: ReadonlySet<string>; readings?: (column: string) => LaterNumberReadings };

function cellOf(p: Described, column: string): { cell: CellKind; storage?: string; number?: NumberFormat } {
  const info = p.data.meta.columns.find((c) => c.name === column);
  if (!info) throw new Error(`column '${column}' is not in the dataset's cache`);
  const cell: CellKind = info.type === 'boolean' ? 'boolean' : info.type === 'categorical' || info.type === 'text' ? 'text' : info.type === 'vector' ? 'vector' : 'number';
  // Coded cells are compared as strings: how their codes are stored does not matter to a reader.
  if (cell !== 'number') return cell === 'vector' ? { cell, storage: info.dtype } : { cell };
  const format = numberFormatOf(p.data.meta, column, p.typedNumbers?.has(column) ?? false);
  // the later readings only matter to cells written as text, which are the features with a format
  const number: NumberFormat | undefined = format && { ...format, ...(p.readings ?? laterNumberReadings(undefined))(column) };
  return { cell, storage: info.dtype, ...(number ? { number } : {}) };
}

/** A column as the document names it: the lab's name, and where its cells are in the user's file (export-source-fields.ts). */
const at = (p: RunPipeline, column: string) => ({ column, ...sourcePlaceOf(p.data.meta, column) });

const stepOf = (fitted: FittedPipeline, target: string): FittedStep | undefined => fitted.steps.find((s) => s.target === target);

function scaler(p: RunPipeline, column: string, missing: MissingRule): Feature {
  const s: ScalerState = stateFor(p.fitted, column, ['zscore', 'minmax']);
  const base = { ...at(p, column), ...cellOf(p, column), width: 1, missing };
  if (s.kind === 'minmax') return { kind: 'minmax', ...base, min: s.min, max: s.max };
  // `signed` only beside `log1p`: a reader that knows only log1p still sees the column is logged
  const log = s.log1p ? { log1p: true as const, ...(s.signed ? { signed: true as const } : {}) } : {};
  return { kind: 'zscore', ...base, ...log, mean: s.mean, std: s.std };
}

function vocabulary(p: RunPipeline, column: string, kind: 'vocabulary-id' | 'one-hot'): Feature {
  const s: VocabularyState = stateFor(p.fitted, column, ['vocabulary']);
  return { kind, ...at(p, column), ...cellOf(p, column), tokens: s.tokens, unknownIndex: 0, width: kind === 'one-hot' ? vocabularySize(s) : 1 };
}

function multiHot(p: RunPipeline, name: string): Feature {
  const step = stepOf(p.fitted, name) as Extract<FittedStep, { columns: string[] }> | undefined;
  if (!step || step.state.kind !== 'multi-hot') throw new Error(`multi-hot '${name}': the fitted pipeline has no multi-hot step with that name`);
  const s: MultiHotState = step.state;
  const source = s.columns
    ? { indicatorColumns: s.columns, indicatorSources: s.columns.map((c) => sourcePlaceOf(p.data.meta, c)) }
    : { ...at(p, step.columns[0]), separator: s.separator ?? '|' };
  return { kind: 'multi-hot', name, ...source, tokens: s.tokens, unknownIndex: 0, width: vocabularySize(s) };
}

/** The run's word rule as a consumer reproduces it: the rule id, its normalisation (when it has one) and its pattern. */
function wordsOf(s: HashedNgramsState): { rule: string; pattern: string; flags: string; normalize?: 'NFC' } {
  const rule = s.words ?? LEGACY_WORD_RULE;
  const normalize = WORD_NORMALIZATION[rule];
  return { rule, ...(normalize ? { normalize } : {}), pattern: WORD_PATTERNS[rule], flags: 'gu' };
}

function hashed(p: RunPipeline, column: string, s: HashedNgramsState): Feature {
  return {
    kind: 'hashed-ngrams', ...at(p, column), ...cellOf(p, column), width: s.buckets, unit: s.unit, ngrams: s.ngrams, buckets: s.buckets, lowercase: s.lowercase,
    words: wordsOf(s),
    // common/data/text-hashing.ts ngramsOf: word n-grams joined by one space; char n-grams of each word wrapped as "<word>"
    ...(s.unit === 'word' ? { joiner: ' ' } : { wrap: ['<', '>'] as [string, string] }),
    hash: { function: 'fnv1a-32', over: 'utf16-code-units', basis: (FNV_OFFSET ^ Math.imul(s.seed, 0x9e3779b1)) >>> 0, prime: 0x01000193 },
    value: 'log1p(count)',
  };
}

/** A fusion column: categorical one-hot, text hashed n-grams, a vector as is, a number scaled (missing → 0). */
function fusionFeature(p: RunPipeline, column: string): Feature {
  const step = stepOf(p.fitted, column);
  if (step?.state.kind === 'vocabulary') return vocabulary(p, column, 'one-hot');
  if (step?.state.kind === 'hashed-ngrams') return hashed(p, column, step.state);
  const c = cellOf(p, column);
  if (c.cell === 'vector') return { kind: 'vector', ...at(p, column), ...c, width: p.data.column(column).dim ?? 1, missing: 'zero' };
  return scaler(p, column, 'zero');
}

/**
 * A forecasting channel's feature: the scaler as fitted; for a channel pivoted from a long-format file,
 * its cells are described where they are in the file (the value column on its series' rows), not as the
 * wide column the pivot made (which no file holds).
 */
function channelFeature(p: Described, channel: string): Feature {
  const f = scaler(p, channel, 'previous'); // the trainer fills series gaps forward
  if (!p.long) return f;
  const { pivot, raw } = p.long;
  const i = pivot.channels.indexOf(channel);
  if (i < 0) throw new Error(`channel '${channel}' is not one of the pivot's (${pivot.channels.join(', ')})`);
  const V = pivot.values.length;
  const value = pivot.values[i % V];
  const { sourceColumn: _c, sourceIndex: _i, storage: _s, number: _n, ...rest } = f as Feature & { storage?: string; number?: NumberFormat };
  const fromFile = { ...raw, column: raw.column } as RunPipeline['data'];
  return { ...rest, ...sourcePlaceOf(raw.meta, value), ...cellOf({ ...p, data: fromFile }, value), long: { series: pivot.series[Math.floor(i / V)], value } } as Feature;
}

/** The pivot's description for the input that reads it (preprocessing-doc.ts LongFormatDoc). */
function longFormatDoc(p: Described): LongFormatDoc {
  const { pivot, raw } = p.long!;
  const { time, series } = pivot.layout;
  return {
    note: pivot.note,
    time: { column: time, ...sourcePlaceOf(raw.meta, time) },
    series: { column: series, ...sourcePlaceOf(raw.meta, series), order: pivot.series },
    values: pivot.values,
    channels: pivot.channels,
    rules: `one wide row per distinct '${time}' (the union of every series' times, in time order); channel '<series>/<value>' (just '<series>' with one value column) holds the value column's cell of the row with that time and series. ` +
      `A time a series has no row for is a gap, filled like a missing number (rule \`previous\`: the series' value before it; before its first row, its first value). Rows without a time or a series are left out; series come in \`series.order\` ` +
      `(text by code point, as GateLab stores them; pandas sorts a column it read as numbers by value, so select the columns by name), value columns in \`values\` order within each. ` +
      // the pivot's pandas lines are gatelab split's too (one function, so the two recipes cannot drift)
      `pandas: ${pandasPivot(pivot.layout, pivot.values)}; ` +
      (pivot.values.length === 1 ? 'wide = wide[channels]' : "wide.columns = [f'{s}/{v}' for v, s in wide.columns]; wide = wide[channels]") + '; then wide.ffill().bfill()',
  };
}

/** A feature's column and its place in the file, as the feature states them. */
const placeOf = (f: Feature) => ({ column: f.column!, ...(f.sourceColumn !== undefined ? { sourceColumn: f.sourceColumn } : {}), ...(f.sourceIndex !== undefined ? { sourceIndex: f.sourceIndex } : {}), ...('long' in f && f.long ? { long: f.long } : {}) });

const batch = (...rest: number[]) => ['batch', ...rest] as (number | 'batch')[];
const widthOf = (fs: Feature[]) => fs.reduce((n, f) => n + f.width, 0);

/** What the label's values mean, decided as the trainer decides them (common/models/target.ts). */
function labelOf(p: RunPipeline, column: string, o: { positiveAtLeast?: number; positive?: string; minorityPositive?: boolean; binaryOnly?: boolean; classes?: boolean }): { label: NonNullable<OutputDoc['label']>; binary: boolean } {
  // a boolean label is named by its file's words ('yes'/'no'), as the run names it, not the stored 'true'/'false'
  const booleanWords = booleanWordsOf(p.data, column);
  const t = targetCoding(p.data.column(column), column, { ...o, ...(booleanWords ? { booleanWords } : {}) });
  const { cell } = cellOf(p, column);
  if (t.kind === 'classes') return { label: { ...at(p, column), cell, classes: t.names }, binary: false };
  if (t.rule !== undefined) return { label: { ...at(p, column), cell, positiveIf: { atLeast: t.rule } }, binary: true };
  return { label: { ...at(p, column), cell, positive: t.positive, negative: t.negative }, binary: true };
}

const BINARY = 'sigmoid(logit) = P(label is positive)';

/**
 * `float`: the export's float dtype; `targets`: the model's target names (an MMoE also predicts the rating);
 * `classes`: the model's head width for fusion (the label coding must agree with it, or this throws);
 * `importOptions`: the dataset's recorded import options, whose ParseRules say which later number readings
 * its columns got (absent: this importer's, all of them).
 */
export function preprocessingDoc(pipeline: RunPipeline, o: { float: 'float32' | 'float64'; targets: string[]; classes?: unknown; typedNumbers?: readonly string[]; importOptions?: Record<string, unknown> }): PreprocessingDoc {
  const p: Described = { ...pipeline, typedNumbers: new Set(o.typedNumbers ?? []), readings: laterNumberReadings(o.importOptions) };
  const c = p.columns;
  const inputs: InputDoc[] = [];
  const outputs: OutputDoc[] = [];
  if (c.family === 'forecasting') {
    const L = p.window.lookback ?? 336, H = p.window.horizon ?? 96;
    const features = c.channels.map((ch) => channelFeature(p, ch));
    const order = p.long ? 'oldest first: the last L consecutive wide rows (times) of the pivoted file (longFormat), after gaps and missing numbers are filled over each channel (rule `previous`)'
      : 'oldest first: the last L consecutive rows of the series, in file order, after missing numbers are filled over the series (rule `previous`)';
    inputs.push({ name: 'x', dtype: o.float, shape: batch(L, c.channels.length), rows: { window: L, order }, features, ...(p.long ? { longFormat: longFormatDoc(p) } : {}) });
    outputs.push({
      name: 'forecast', kind: 'forecast', shape: batch(H, c.channels.length), steps: H,
      channels: features.map((f) => ({ ...placeOf(f), ...(f.kind === 'zscore' ? { mean: f.mean, std: f.std } : f.kind === 'minmax' ? { min: f.min, max: f.max } : {}) })),
      unscale: 'forecast[b, h, c] is scaled like the inputs: raw = value * std + mean of channel c (min-max: value * (max - min) + min); h = 0 is the row right after the window',
      // a consumer recomputing the lab's test MSE/MAE needs the targets as the lab had them: a missing one filled too
      targets: "the lab's test metrics compare forecast[b, h, c] with the series' row h after the window, filled by rule `previous` and scaled like the inputs (a missing target counts as the last value before it); MSE and MAE are means over every window, step and channel of the test part",
    });
  } else if (c.family === 'recsys') {
    inputs.push({ name: 'fields', dtype: 'int64', shape: batch(c.fields.length), rows: 'one', features: c.fields.map((f) => vocabulary(p, f, 'vocabulary-id')) });
    const numeric = [...c.numeric.map((n) => scaler(p, n, 'zero')), ...c.multiHot.map((m) => multiHot(p, m.name))];
    if (numeric.length) inputs.push({ name: 'numeric', dtype: o.float, shape: batch(widthOf(numeric)), rows: 'one', features: numeric });
    const { label } = labelOf(p, c.label.column, { positiveAtLeast: c.label.positiveAtLeast, ...positiveChoiceOf(c), binaryOnly: true });
    outputs.push({ name: 'logit', kind: 'binary-logit', shape: batch(1), probability: BINARY, label });
    if (c.rating && o.targets.includes('rating')) {
      const s = p.fitted.steps.find((x) => x.target === c.rating && (x.state.kind === 'zscore' || x.state.kind === 'minmax'))?.state as ScalerState | undefined;
      outputs.push({ name: 'rating_pred', kind: 'regression', shape: batch(1), ...at(p, c.rating), ...(s ? { scaler: s } : {}), unscale: s ? 'raw = value * std + mean' : 'raw value' });
    }
  } else {
    for (const m of c.modalities) {
      const features = m.columns.map((col) => fusionFeature(p, col));
      inputs.push({ name: `m_${m.name}`, dtype: o.float, shape: batch(widthOf(features)), rows: 'one', features });
    }
    if (c.task === 'regression') {
      // The graph unscales its own output (engine/models/fusion/common.ts): `prediction` is in the target's
      // units; `standardized` is what the loss saw, documented so the scaler's numbers are in the file too.
      const scaler = stateFor(p.fitted, c.label, ['zscore']) as { mean: number; std: number };
      if (o.classes !== undefined && o.classes !== 1) throw new Error(`the model has ${String(o.classes)} outputs but the target '${c.label}' now reads as a number to regress`);
      const where = at(p, c.label);
      outputs.push({ name: 'prediction', kind: 'regression', shape: batch(1), ...where, unscale: `raw value of '${c.label}' (the graph computes standardized * std + mean)` });
      outputs.push({ name: 'standardized', kind: 'regression', shape: batch(1), ...where, scaler: { kind: 'zscore', mean: scaler.mean, std: scaler.std }, unscale: 'raw = value * std + mean (= prediction)' });
    } else {
      const { label, binary } = labelOf(p, c.label, { positiveAtLeast: (c as { positiveAtLeast?: number }).positiveAtLeast, ...positiveChoiceOf(c), ...(c.task === 'classification' ? { classes: true } : {}) });
      const classes = binary ? 1 : label.classes!.length;
      if (o.classes !== undefined && o.classes !== classes) throw new Error(`the model has ${String(o.classes)} output(s) but the label '${c.label}' now reads as ${binary ? 'binary' : `${classes} classes`}`);
      if (binary) outputs.push({ name: 'logits', kind: 'binary-logit', shape: batch(1), probability: BINARY, label });
      else outputs.push({ name: 'logits', kind: 'class-logits', shape: batch(label.classes!.length), probability: 'softmax over the last axis', label });
    }
  }
  // A pivoted long-format run's own data is the pivot, which has no header of its own: the file is the raw one
  const fileMeta = p.long?.raw.meta ?? p.data.meta;
  const src = fileMeta.source;
  const columns = sourceColumnsRule(fileMeta);
  const source = src ? {
    file: src.fileName, format: src.format, encoding: src.encoding, ...(src.delimiter !== undefined ? { delimiter: src.delimiter } : {}),
    ...(src.hasHeader !== undefined ? { header: src.hasHeader } : {}), ...(src.bom ? { bom: true as const } : {}),
    ...(src.skipInitialSpace ? { skipInitialSpace: true as const } : {}), ...(columns ? { columns } : {}),
  } : undefined;
  return {
    version: 1,
    family: c.family,
    fittedOn: { rows: p.fitted.fittedOnRows, part: 'train' },
    ...(source ? { source } : {}),
    cells: {
      missing: missingCellsOf(o.importOptions),
      numberMissing: NUMBER_MISSING_CELLS,
      ...(readsDashRuns(o.importOptions) ? { numberMissingPattern: DASH_RUN_PATTERN } : {}),
      text: TEXT_CELLS,
      number: 'number cells are parsed as decimal numbers (the importer also reads thousands separators "1,619.5", a trailing % as the number written "77%" → 77, one currency symbol "$14.05", and decimal commas as each feature\'s `number` says, and, when the feature\'s `number` says so (`otherThousands: true`, `accountingNegatives: true`, `unicodeMinus: true`; cells.numberFormat), spaces and apostrophes between groups of three digits "1 234,50", "1\'234.50", accounting negatives in parentheses "(1,234.50)" → -1234.5 and the minus sign "−1.5" (U+2212) → -1.5: strip those the same way) and stored as `storage` (float32: rounded to single precision); a missing cell (one of `missing`, or, trimmed and in lower case, one of `numberMissing`: "?" and "-" too, or, when the document has `numberMissingPattern`, a cell it matches: two or more dashes alone, "--", "---", as weather-station exports write a missing reading; JavaScript new RegExp(pattern).test(cell), Python re.search(pattern, cell)) or an unparsable number is NaN; as a vocabulary token a number is the shortest decimal form of its stored value (JavaScript String(x): 7.0 → "7"; with storage float32, of the float32 value: 2.9 → String(Math.fround(2.9)) = "2.9000000953674316", Python str(float(numpy.float32(2.9)))); a zscore feature with `log1p: true` (a heavy-tailed column) scales log1p(x), a number below 0 counting as 0, instead of x; with `log1p: true` and `signed: true` (a heavy-tailed column with negative values) it scales the signed log sign(x) * log1p(|x|) instead (numpy: np.sign(x) * np.log1p(np.abs(x)))',
      numberFormat: NUMBER_FORMAT_RULE,
      boolean: 'boolean cells, trimmed of surrounding spaces, true/yes/t/y/1 (or 1.0) and false/no/f/n/0 (or 0.0), in any case, are the tokens "true" and "false"',
      // the multi-hot rule as common/data/vocabulary.ts rowTokens applies it (a consumer's encoder must split the same way)
      list: 'a multi-hot feature with a `separator` splits its cell on it, trims each token of surrounding spaces and drops empty ones (a missing cell has no tokens; a token repeated in one cell counts once); with `indicatorColumns`, a column is on when its number is > 0 or its cell, compared in any case, is 1, true or yes (a boolean column: the token "true", cells.boolean)',
      missingRules: {
        nan: 'a missing number stays NaN',
        zero: 'a missing number is 0 after scaling (the training mean; min-max: the minimum)',
        previous: 'forecasting: a missing number takes the last value before it in the series, in file order, also from before the window: the lab fills the whole series forward before it cuts windows, ' +
          "so a window that starts inside a gap takes the value the series had before the gap (keep the rows back to the last value, or carry each channel's last value forward as rows arrive); " +
          "rows before a channel's first value take that first value; a channel with no value in any row at hand is 0 after scaling (its training mean). Filling only the window's own rows differs where a window starts inside a gap",
      },
    },
    inputs,
    outputs,
  };
}
