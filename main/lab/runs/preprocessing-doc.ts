// The shape of the `gatelab.preprocessing` metadata (version 1) of an exported model. Each graph input
// lists its features in order; an input row is the features' values concatenated along the last axis
// (a forecasting window repeats that for each of its rows). README "Using an exported model" explains it.
import type { NumberFormat } from './export-number-format';

/** How a raw cell is read: as text (categorical/text columns), a number, a boolean, or a vector. */
export type CellKind = 'text' | 'number' | 'boolean' | 'vector';

/**
 * Where a column's cells are in the user's file (`source.columns` says how this was known). `column` is the
 * lab's name for the column, which differs from the file's header where the import changed it (trimmed of
 * spaces, an empty header cell named `column_N`, a repeated name renamed `name_2`).
 */
export interface SourcePlace {
  /**
   * CSV/TSV: the column's header cell as written in the file (null: the file has no header row); absent
   * when it is not known. JSON Lines, Parquet, Arrow: the key or field name the column was read from.
   */
  sourceColumn?: string | null;
  /** CSV/TSV: the column's 0-based field in each row of the file; read cells by it where header names repeat. */
  sourceIndex?: number;
}

interface ColumnFeature extends SourcePlace {
  column: string;
  cell: CellKind;
  /** Number cells: how the lab stores them (int32, float32, float64); float32 values are rounded to single precision. */
  storage?: string;
  /** Number cells of a CSV/TSV file: the decimal mark and thousands separator the importer read them with (cells.numberFormat says how). */
  number?: NumberFormat;
  /** Values this feature contributes along the input's last axis. */
  width: number;
  /**
   * A channel pivoted from a long-format file (InputDoc.longFormat): `column` is the channel's name, its
   * cells are the file's `value` column (where sourceColumn/sourceIndex say) on the rows whose series
   * column holds `series`.
   */
  long?: { series: string; value: string };
}

export type MissingRule = 'nan' | 'zero' | 'previous';

export type Feature =
  /**
   * (x − mean) / std; a missing number stays NaN ('nan'), becomes 0 after scaling ('zero'), or takes the
   * last value before it in the series ('previous': forecasting; the lab fills the whole series forward, in
   * file order, before it cuts windows, so a window that starts inside a gap takes the value from before the
   * window; rows before the series' first value take that value; a channel with no value in any row at hand
   * is 0 after scaling: its training mean, min-max its minimum).
   * `log1p: true` (a heavy-tailed column): x is first replaced by log1p(x), a number below 0 counting as 0,
   * and mean/std are those of log1p(x) on the training rows. With `signed: true` as well (a heavy-tailed
   * column whose training values include negatives) x is replaced by the signed log sign(x)·log1p(|x|)
   * instead (equal to log1p(x) for x ≥ 0), and mean/std are of that.
   */
  | ColumnFeature & { kind: 'zscore'; mean: number; std: number; log1p?: true; signed?: true; missing: MissingRule; min?: never; max?: never }
  /** (x − min) / (max − min), or x − min when max = min. */
  | ColumnFeature & { kind: 'minmax'; min: number; max: number; missing: MissingRule; mean?: never; std?: never }
  /** One int64 id: 1 + the token's position in `tokens`; `unknownIndex` (0) for unseen, rare or missing cells. */
  | ColumnFeature & { kind: 'vocabulary-id'; tokens: string[]; unknownIndex: 0 }
  /** `width` = tokens.length + 1 values, all 0 but a 1 at the vocabulary id (as above). */
  | ColumnFeature & { kind: 'one-hot'; tokens: string[]; unknownIndex: 0 }
  /**
   * `width` buckets, all 0 but `value` (log1p(count)) at each bucket its n-grams hash to: normalise the text
   * (`words.normalize`, when given: Unicode NFC), lowercase it (when `lowercase`), take its words (every match
   * of `words.pattern`; `words.rule` names the rule, common/data/text-hashing.ts WORD_RULES), form word n-grams (n from ngrams[0] to
   * ngrams[1], words joined by one space) or, for unit 'char', the character n-grams of each "<word>";
   * bucket = FNV-1a 32-bit hash of the n-gram's UTF-16 code units starting from `hash.basis`, modulo `buckets`.
   * A missing cell has no n-grams.
   */
  | ColumnFeature & {
    kind: 'hashed-ngrams'; unit: 'word' | 'char'; ngrams: [number, number]; buckets: number; lowercase: boolean;
    /** Absent `rule` (exports made before it was stated): 'letters-v1'. */
    words: { rule?: string; normalize?: 'NFC'; pattern: string; flags: string };
    /** unit 'word': the string between the words of an n-gram (one space). */
    joiner?: string;
    /** unit 'char': what each word is wrapped in before its character n-grams are taken ('<' and '>'). */
    wrap?: [string, string];
    hash: { function: 'fnv1a-32'; over: 'utf16-code-units'; basis: number; prime: number };
    value: 'log1p(count)';
  }
  /** The vector cell's numbers as they are; a missing element is 0. */
  | ColumnFeature & { kind: 'vector'; missing: 'zero' }
  /**
   * 0/1 per token (`width` = tokens.length + 1; position 0 flags tokens not in the vocabulary): the tokens of
   * one `column` split on `separator` (each trimmed, empty ones dropped), or one token per indicator column
   * that is on (a number > 0, or the cell 1 / true / yes), the token being the column's name.
   */
  | SourcePlace & {
    kind: 'multi-hot'; name: string; tokens: string[]; unknownIndex: 0; width: number;
    column?: string; separator?: string; indicatorColumns?: string[];
    /** Where each of `indicatorColumns` is in the file, in the same order. */
    indicatorSources?: SourcePlace[];
  };

export interface InputDoc {
  name: string;
  dtype: 'int64' | 'float32' | 'float64';
  shape: (number | 'batch')[];
  /** 'one': one raw row per batch item; a window: `window` consecutive rows per batch item. */
  rows: 'one' | { window: number; order: string };
  features: Feature[];
  /**
   * Forecasting on a long-format file (one row per time and series): how its rows become the wide rows the
   * window reads, one per time, one value per channel. `note` is the run's data line's words for it.
   */
  longFormat?: LongFormatDoc;
}

/** The pivot of a long-format file, as its trainer did it (common/data/forecasting-long.ts). */
export interface LongFormatDoc {
  note: string;
  /** The time column: a wide row per distinct time, in time order (the union of every series' times). */
  time: SourcePlace & { column: string };
  /** The column that tells the series apart, and its values in channel order (text by code point). */
  series: SourcePlace & { column: string; order: string[] };
  /** The number columns pivoted, in order within each series. */
  values: string[];
  /** Every channel of the pivot, series-major (`<series>/<value>`, just `<series>` with one value column); the input's features are these, less any the model left out. */
  channels: string[];
  /** How a time a series lacks is filled, and which rows are left out. */
  rules: string;
}

/** A regression output's `column`: where it is in the file (SourcePlace). */
export interface OutputDoc extends SourcePlace {
  name: string;
  kind: 'binary-logit' | 'class-logits' | 'forecast' | 'regression';
  shape: (number | 'batch')[];
  probability?: string;
  /**
   * Binary: the positive class is the label value `positive` (read as `cell` says: numbers compared as
   * numbers; a boolean's `positive`/`negative` are the words its file wrote, 'yes'/'no', and a cell is
   * positive when cells.boolean reads it as the same token as `positive`), or, with a rule, every number ≥ positiveIf.atLeast.
   * Classes: classes[i] is the label value of class i (logit i).
   */
  label?: SourcePlace & { column: string; cell: CellKind; positive?: string; negative?: string; positiveIf?: { atLeast: number }; classes?: string[] };
  /** Forecasting: what the lab's test metrics compare a forecast with (the rows after the window, filled and scaled like the inputs). */
  targets?: string;
  /** Forecasting: the channels of the last axis, in order, with the scaler to undo. */
  channels?: (SourcePlace & { column: string; mean?: number; std?: number; min?: number; max?: number })[];
  steps?: number;
  column?: string;
  scaler?: { kind: 'zscore'; mean: number; std: number } | { kind: 'minmax'; min: number; max: number };
  unscale?: string;
}

export interface PreprocessingDoc {
  version: 1;
  family: 'forecasting' | 'recsys' | 'fusion';
  /** The pipeline was fitted on this many rows of the run's training part. */
  fittedOn: { rows: number; part: 'train' };
  /** The file the run's dataset was imported from, and how it was read (a consumer's raw cells come from files like it). */
  source?: {
    file: string; format: string; encoding: string; delimiter?: string;
    /** CSV/TSV: whether the file's first row is a header row (absent when the import did not record it). */
    header?: boolean;
    /** The file starts with a byte order mark, which the import skipped (absent: none, or a dataset imported before it was recorded). */
    bom?: true;
    /** CSV: the spaces after each delimiter are not part of a cell (', ' of UCI adult; pandas skipinitialspace=True). */
    skipInitialSpace?: true;
    /** How the features' sourceColumn and sourceIndex were known, and how to read cells with them. */
    columns?: string;
  };
  /** How raw cells are read before any transform. */
  /** `missingRules`: what each feature's `missing` rule does, in words (the file is read without this README). */
  /** `numberMissing`: the cells a number feature also reads as missing, compared trimmed and in lower case ('?', '-', 'None'). */
  /** `numberMissingPattern`: a regular expression whose matches a number feature also reads as missing (two or more dashes alone); absent where the import did not. */
  cells: { missing: string[]; numberMissing: string[]; numberMissingPattern?: string; text: string; number: string; numberFormat: string; boolean: string; list: string; missingRules: Record<MissingRule, string> };
  inputs: InputDoc[];
  outputs: OutputDoc[];
}

/** When the export cannot describe its preprocessing (synthetic data, dataset gone or changed): why. */
export interface NoPreprocessing {
  version: 1;
  available: false;
  reason: string;
}
