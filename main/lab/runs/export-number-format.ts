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
import type { DatasetCacheMeta, NumberFormat } from '../../../common/dataset-cache';

export type { NumberFormat } from '../../../common/dataset-cache';

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

/** What the `number` field of a feature means, in the metadata's own words. */
export const NUMBER_FORMAT_RULE =
  "`number` (features of number cells written as text: a CSV/TSV file, or numbers a JSON Lines or Parquet file gave as text such as \"3.5\"): how the importer read that column's cells. decimal ',' and thousands '.': a cell with a comma has the dots before the comma removed and the comma read as the decimal point ('1.444,72' → 1444.72, '-1,8' → -1.8); a cell without a comma is read as a plain number ('1.870' → 1.87), or, when it is not one, with its dots as thousands separators ('1.234.567' → 1234567); with dotsWithoutComma 'thousands', a cell without a comma always has its dots removed as thousands separators ('1.870' → 1870). decimal '.' and thousands ',': '.' is the decimal point and commas grouping thousands are removed ('1,619.5' → 1619.5). In every format a space, a no-break space (U+00A0), a narrow no-break space (U+202F) or an apostrophe (' or U+2019) between groups of three digits is also a thousands separator, removed first ('40 347,64' → 40347.64, \"1'053.50\" → 1053.5; Python: re.sub(r\"(?<=\\d)[ \\u00a0\\u202f'\\u2019](?=\\d{3})\", '', cell)), and a number in parentheses is negative ('(1,234.50)' → -1234.5). A feature without `number` holds numbers stored as numbers (Parquet, Arrow, JSON Lines, NumPy)";
