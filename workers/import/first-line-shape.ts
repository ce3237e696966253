// A delimited file whose first line is the odd one out: a header naming one field fewer than every data line
// has (R's write.table writes each row's name first, unnamed in the header), or a headerless file whose line 1
// has a field more or less than all lines after it. The usual refusal ("line 2: expected 3 fields (as in the
// header), found 4") would blame a good data line, so the refusal names line 1 instead, and what to do.

/** Where the table starts in the file and what its lines look like (sniff.ts Sniffed). */
export interface TableShape {
  hasHeader: boolean;
  /** Fields of a row: the header's, or (headerless) the most common count in the first lines. */
  width: number;
  names: readonly string[];
  /** The file line of the table's line 1 (after a preamble or title lines). */
  tableLine: number;
  /** The file line of the first data row. */
  firstDataLine: number;
  /** The sampled lines after the table's line 1 (sniff.ts laterLines). */
  laterLines: { width: number; share: number; rows: number };
}

/** Where a row's expected field count comes from, for the refusals: 'the header has 3'. */
export function widthSaid(shape: Pick<TableShape, 'hasHeader' | 'width'>): string {
  return shape.hasHeader ? `the header has ${shape.width}` : `the first row has ${shape.width}`;
}

const list = (names: readonly string[]) => names.slice(0, 6).map((n) => `'${n.slice(0, 20)}'`).join(', ') + (names.length > 6 ? ', …' : '');
/** The header's last name was empty: columnNames (sniff.ts) named it 'column_N'. */
const lastNameEmpty = (shape: TableShape) => shape.names[shape.width - 1] === `column_${shape.width}`;
const fields = (n: number) => `${n} field${n === 1 ? '' : 's'}`;

/**
 * The refusal for a row at `line` with `count` fields when line 1 is what differs from every sampled line after
 * it, or null when the row is simply a bad row. `hint`: the usual advice for a bad row (". Fix the row, …"), asked for only if used.
 */
export function oddFirstLine(shape: TableShape, line: number, count: number, hint: () => string): { line: number; text: string } | null {
  const { hasHeader, width, laterLines: later } = shape;
  if (count === width || later.rows === 0 || later.share !== 1) return null;
  const read = later.rows === 1 ? `line ${shape.tableLine + 1}, the one line read after it,` : `${later.rows === 2 ? 'both' : `all ${later.rows.toLocaleString('en-US')}`} lines read after it (from line ${shape.tableLine + 1})`;
  if (hasHeader && line === shape.firstDataLine && count === later.width) {
    const why = count > width
      ? `the header names ${fields(count - width)} fewer than each data line has${count - width === 1
        ? " (R's write.table and write.csv write each row's name first, unnamed in the header; a delimiter at the end of every data line adds an empty field)"
        : ` (if line ${shape.tableLine} is a title above the table, remove it)`}. Give line ${shape.tableLine} a name for each of the ${count} fields, or remove the extra field${count - width === 1 ? '' : 's'} from the data lines, and import again`
      : `the header names ${fields(width - count)} more than each data line has${lastNameEmpty(shape) ? ` (line ${shape.tableLine} ends with a delimiter, which adds an empty name)` : ''}. Make line ${shape.tableLine} name exactly the ${count} fields of the data lines and import again`;
    return { line: shape.tableLine, text: `line ${shape.tableLine}: the header has ${fields(width)} (${list(shape.names)}), but ${read} ${later.rows === 1 ? 'has' : 'have'} ${count}: ${why}` };
  }
  if (!hasHeader && line === shape.tableLine && later.width === width) {
    return { line, text: `line ${line} has ${fields(count)}, but ${read} ${later.rows === 1 ? 'has' : 'have'} ${width}: if line ${line} is a title or a header, remove it or make it name each of the ${width} fields${hint()}` };
  }
  return null;
}
