// Lines that end with the delimiter ('…;0,7578;;', as UCI's Air Quality file writes every line) read as
// columns after the last one the header names, with neither a name nor a value. "column 'column_10' has no
// values" then names a column the user never saw in the file; the warning says where it comes from.
import type { FileReading } from './pandas-read';

/**
 * The empty_column message for column `index` of `names`. `empty(i)`: column i holds no value. A column is
 * a trailing delimiter's when the file has a header, it and every column after it are empty, and each
 * has the name an empty header cell gets (column_N, sniff.ts).
 */
export function emptyColumnMessage(names: readonly string[], index: number, empty: (i: number) => boolean, reading?: FileReading): string {
  const name = names[index];
  const unnamed = (i: number) => names[i] === `column_${i + 1}` && empty(i);
  let trailing = reading?.hasHeader === true && reading.delimiter.length > 0;
  for (let i = index; trailing && i < names.length; i++) trailing = unnamed(i);
  if (!trailing) return `column '${name}' has no values`;
  const d = reading!.delimiter === '\t' ? 'a tab' : `'${reading!.delimiter}'`;
  return `column '${name}' has no values and no name in the header: the lines end with ${d} after their last value, `
    + `which reads as an empty column. Runs leave it out; to be rid of it, set its role to ignore or remove the ${d} at the line ends`;
}
