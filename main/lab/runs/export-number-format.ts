// How the importer read the number cells of a column, for the exported metadata: a consumer feeding raw
// cells "as written in the file" must know whether `1.234` is 1234 or 1.234, and the file alone does not
// say. The importer records its choice per CSV/TSV number column in the cache meta (`numberFormat`,
// workers/import/number-column.ts); that record is the answer. Caches written before it was recorded get
// the importer's rule as it stood then (workers/import/decimal-comma.ts): in a ';'-separated file every
// number column reads decimal commas, and so does a column typed int/float by the user in any file not
// separated by ','; elsewhere '.' is the decimal point and ',' may group thousands ('1,619.5'). That rule
// misses what the record gets right: a ';' file column of English-formatted numbers ('1,619.5'), a column
// whose dots group thousands ('1.444' → 1444: dotsWithoutComma), a tab file whose cells prove decimal commas.
// Binary and JSON sources hold numbers as numbers: no format, unless the numbers came as text ("3.5"), when
// the import records one as for a text file.
// Thousands grouped by spaces/apostrophes, accounting negatives and the Unicode minus '−' are later readings (ParseRules): a dataset
// imported before them read such cells as bad values, and is read so again whenever it is parsed (a type
// change, a rebuilt cache), so its export must not promise them (laterNumberReadings).
import type { DatasetCacheMeta, NumberFormat as CachedNumberFormat } from '../../../common/dataset-cache';
import { recordedRules } from '../import/parse-rules';

/**
 * Which of the importer's later number readings a column's cells got. Stated as true/false on every feature
 * with `number`, so that a reader tells them from an export written before they were (fields absent).
 */
export interface LaterNumberReadings {
  /** A space, NBSP, narrow NBSP or apostrophe between groups of three digits groups thousands ('1 234,50'). */
  otherThousands: boolean;
  /** A number in parentheses is negative ('(1,234.50)' → -1234.5). */
  accountingNegatives: boolean;
  /** The minus sign U+2212 is a '-' ('−1,5' → -1.5, as Nordic exports write negatives). Absent (older exports): not read. */
  unicodeMinus: boolean;
}

/** A feature's `number` in the exported metadata: the column's recorded format and the later readings it got. */
export type NumberFormat = CachedNumberFormat & Partial<LaterNumberReadings>;

const DELIMITED = new Set(['csv', 'tsv']);

/** `typedByUser` (used only for caches without a record): the column's int/float type was given at import or set since (it reads decimal commas in non-',' files). */
export function numberFormatOf(meta: DatasetCacheMeta, column: string, typedByUser: boolean): NumberFormat | undefined {
  const recorded = meta.columns.find((c) => c.name === column)?.numberFormat;
  if (recorded) return recorded;
  // imported before the format was recorded: re-infer it
  if (!DELIMITED.has(meta.source?.format)) return undefined;
  const delimiter = meta.source.delimiter ?? ',';
  const comma = delimiter === ';' || (delimiter !== ',' && typedByUser);
  return comma ? { decimal: ',', thousands: '.' } : { decimal: '.', thousands: ',' };
}

/**
 * The later readings each column of a dataset got, from its recorded import options: a column reads one when
 * the dataset's ParseRules have it, or when a type change typed the column since (`retypedColumns`: read under
 * every rule, workers/import/parse-rules.ts withLaterRules). A dataset recording no rules was imported before
 * the record, which is older than these readings: none. `undefined` (no dataset record at hand): this
 * importer's rules, every reading on.
 */
export function laterNumberReadings(importOptions: Record<string, unknown> | undefined): (column: string) => LaterNumberReadings {
  if (importOptions === undefined) return () => ({ otherThousands: true, accountingNegatives: true, unicodeMinus: true });
  const rules = recordedRules(importOptions);
  const given: unknown = importOptions.retypedColumns;
  const retyped = new Set(Array.isArray(given) ? given.filter((n): n is string => typeof n === 'string') : []);
  return (column) => ({
    otherThousands: (rules?.otherThousands ?? false) || retyped.has(column),
    accountingNegatives: (rules?.accountingNegatives ?? false) || retyped.has(column),
    unicodeMinus: (rules?.unicodeMinus ?? false) || retyped.has(column),
  });
}

/** What the `number` field of a feature means, in the metadata's own words. */
export const NUMBER_FORMAT_RULE =
  "`number` (features of number cells written as text: a CSV/TSV file, or numbers a JSON Lines or Parquet file gave as text such as \"3.5\"): how the importer read that column's cells. decimal ',' and thousands '.': a cell with a comma has the dots before the comma removed and the comma read as the decimal point ('1.444,72' → 1444.72, '-1,8' → -1.8); a cell without a comma is read as a plain number ('1.870' → 1.87), or, when it is not one, with its dots as thousands separators ('1.234.567' → 1234567); with dotsWithoutComma 'thousands', a cell without a comma always has its dots removed as thousands separators ('1.870' → 1870). decimal '.' and thousands ',': '.' is the decimal point and commas grouping thousands are removed ('1,619.5' → 1619.5). With `percent: true` the column was written as percentages: a trailing '%' is removed and the number kept as written ('13.56%' → 13.56, not 0.1356); without it the import read no '%' in that column (or the dataset was imported before GateLab recorded it). In every format, when the feature's `number` says `otherThousands: true`, a space, a no-break space (U+00A0), a narrow no-break space (U+202F) or an apostrophe (' or U+2019) between groups of three digits is also a thousands separator, removed first ('40 347,64' → 40347.64, \"1'053.50\" → 1053.5; Python: re.sub(r\"(?<=\\d)[ \\u00a0\\u202f'\\u2019](?=\\d{3})\", '', cell)); when it says `accountingNegatives: true`, a number in parentheses is negative ('(1,234.50)' → -1234.5); when it says `unicodeMinus: true`, the minus sign '−' (U+2212) is read as '-' ('−1,5' → -1.5, '−1 234,50' → -1234.5; Python: cell.replace('\\u2212', '-')). " +
  // an old dataset read these as bad values: a consumer that strips them anyway feeds numbers the model never saw there
  "When it says false (the dataset was imported before GateLab read them, and the column's type was not changed since), such a cell is not a number (unparsable: NaN), as the importer found it. A `number` without `otherThousands` and `accountingNegatives` (an export written before they were) reads both; one without `unicodeMinus` (written before GateLab read '−') does not read it: '−' is not a number there. A feature without `number` holds numbers stored as numbers (Parquet, Arrow, JSON Lines, NumPy)";
