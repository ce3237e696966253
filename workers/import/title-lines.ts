// Title lines before a delimited file's table: the first lines weather-station loggers, bank and ERP exports
// write above the header ('Station: Musterstadt;;;', 'Report generated 01.03.2024'). They name the source, not
// the columns, and have fewer fields than the table. Read as rows they made the import refuse line 1 ("expected
// 5 fields") or, dropped as bad rows (the refusal's advice), left the real header to be read as a data row, so
// every column became text. The sniff skips them like '#' comments (preamble.ts), with a note naming them.
//
// Only lines that are clearly not the table's: fewer fields than every row below them has, and at most
// width - 2 of them filled, or the table's width with only the first field filled (isTitle). A header one name
// short of its rows (R's write.table, which writes no name over the row names) fills width - 1 fields and is
// left to the header guess as before.

const LF = 0x0a, CR = 0x0d;
/** More lines than this above the table are not a title block. */
const MAX_TITLE_LINES = 10;
/** Rows of the table sampled to decide its width, and the fewest that make a table below titles. */
const TABLE_SAMPLE = 200;
const TABLE_ROWS = 3;
/** Two letters in a row: a word, as titles have. */
const WORD = /\p{L}{2}/u;

export interface TitleLines {
  /** Lines to skip, blank ones among them included. */
  lines: number;
  /** Byte offset just past them in the body they were found in. */
  bytes: number;
  /** The first title line's filled fields (cut to 60 characters), for the note. */
  first: string;
}

/** `read`: the body's rows as the import would split them (quotes respected), at most `limit`. */
type ReadRows = (part: Buffer, limit: number) => string[][];

/** The width every row has, or 0 when they differ (or there are none). */
function evenWidth(rows: string[][]): number {
  if (rows.length === 0) return 0;
  const w = rows[0].length;
  return rows.every((r) => r.length === w) ? w : 0;
}

/**
 * A line that is no row of a table `width` wide: blank; fewer fields with at most width - 2 filled; or, as Excel
 * pads every line of a sheet to its width ('Station: Musterstadt;;;'), only its first field filled, with words,
 * in a table of 3 or more columns.
 */
function isTitle(fields: string[], width: number): boolean {
  const filled = fields.filter((f) => f.trim() !== '').length;
  if (filled === 0) return true;
  // words, not a short row of numbers ('1,2,3' above wider rows is data gone wrong: the refusal names it)
  if (!fields.some((f) => WORD.test(f))) return false;
  if (fields.length < width) return filled <= width - 2;
  return fields.length === width && width >= 3 && filled === 1 && WORD.test(fields[0]);
}

/** The width of (nearly) every row of 3 or more: 9 in 10 rows, so that one bad row further down does not hide the table; else 0. */
function tableWidth(rows: string[][]): number {
  if (rows.length < TABLE_ROWS) return 0;
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  for (const [w, n] of counts) if (n >= 0.9 * rows.length) return w;
  return 0;
}

/** Where each of the body's first lines starts (LF, CR LF or CR end a line); a line cut off by the sample end is left out. */
function lineStarts(body: Buffer, max: number): number[] {
  const starts = [0];
  let pos = 0;
  while (starts.length <= max && pos < body.length) {
    let end = pos;
    while (end < body.length && body[end] !== LF && body[end] !== CR) end++;
    if (end >= body.length) break;
    pos = body[end] === CR && body[end + 1] === LF ? end + 2 : end + 1;
    starts.push(pos);
  }
  return starts;
}

/**
 * The title lines at the start of `body` (after any sep= line), or null: the smallest j ≤ 10 such that 9 in 10
 * of the sampled rows after line j have one width w ≥ 2 and each of lines 1..j is a title (isTitle), then the
 * title-like lines right after. A body whose sampled rows all have one width has none unless its first line is
 * a padded title (the common case is decided first).
 */
export function sniffTitleLines(body: Buffer, read: ReadRows): TitleLines | null {
  const starts = lineStarts(body, MAX_TITLE_LINES + 1);
  if (starts.length < 3) return null;
  const lineRows = (i: number) => read(body.subarray(starts[i], starts[i + 1]), 1)[0] ?? [];
  const whole = evenWidth(read(body, TABLE_SAMPLE));
  // every row alike: no title unless line 1 is one padded to the table's width (a blank line 1 is none: the
  // tokenizer skips it, and a header whose quoted cell spans two lines reads as nothing on its own)
  const first = lineRows(0);
  if (whole > 0 && !(first.some((f) => f.trim() !== '') && isTitle(first, whole))) return null;
  for (let j = 1; j < starts.length - 1 && j <= MAX_TITLE_LINES; j++) {
    const width = tableWidth(read(body.subarray(starts[j]), TABLE_SAMPLE));
    if (width < 2) continue;
    const titles = Array.from({ length: j }, (_, i) => lineRows(i));
    if (!titles.every((f) => isTitle(f, width)) || titles.every((f) => f.every((c) => c.trim() === ''))) continue;
    // padded titles and blank lines right below ('Site: Plant 7,,' under 'Energy report') belong to the block
    while (j < starts.length - 2 && j < MAX_TITLE_LINES && isTitle(lineRows(j), width)) titles.push(lineRows(j++));
    // its filled fields, decoded as the import decodes the file (read's rows), not its raw bytes
    const first = titles.find((f) => f.some((c) => c.trim() !== ''))!.map((c) => c.trim()).filter((c) => c !== '').join(', ');
    return { lines: j, bytes: starts[j], first: first.length > 60 ? `${first.slice(0, 57)}...` : first };
  }
  return null;
}

/** The import note: which lines were skipped and why. `before`: lines already skipped above them (a sep= line). */
export function titleLinesNote(t: TitleLines, before: number, width: number): string {
  const from = before + 1, to = before + t.lines;
  const where = t.lines === 1 ? `line ${from}` : `lines ${from}–${to}`;
  return `${where} ('${t.first}'${t.lines > 1 ? ', …' : ''}) ${t.lines === 1 ? 'has' : 'have'} fewer fields than the ${width} columns of the table below: `
    + `${t.lines === 1 ? 'a title line' : 'title lines'} above the table, skipped; not data. If ${t.lines === 1 ? 'it is a row' : 'they are rows'} of the table, give ${t.lines === 1 ? 'it' : 'them'} all ${width} fields in the file and import it again`;
}
