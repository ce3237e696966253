// What a dataset row number means in the user's file, sent as facts rather than a sentence: the command
// line numbers rows from 0 (pandas' index, `gatelab split`'s CSV) and the app from 1 (as Preview does), so
// each face words the same facts in its own base here. The app once rewrote the CLI's sentence with regular
// expressions, which broke silently whenever the sentence's wording changed.
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const RowNumbering = z.discriminatedUnion('kind', [
  /** Every data row of the file was imported: a row is its position among the file's data rows. */
  z.object({
    kind: z.literal('file'),
    rows: count,
    /** The pandas call whose index is the row number from 0 ("pandas.read_csv(file, sep=';')"); null for a format without one said. */
    reader: z.string().nullable(),
    /** The file line of pandas' index i is i + lineOffset (2 under a header line, else 1), if the file has no blank lines; null without a reader. */
    lineOffset: z.number().int().positive().nullable(),
    /** Lines before the table the import skipped (a 'sep=' line, '#' comments), which lineOffset includes; absent: none. */
    preambleLines: count.optional(),
    /**
     * Present when the file's lines were counted and do not follow the rows (lineOffset is then null): its
     * line count, and the lines before the rows (skipped lines and the header), which with one line a row
     * would make linesBefore + rows. Blank lines or quoted values with line breaks put rows further down.
     */
    linesCounted: z.object({ fileLines: count, linesBefore: count }).optional(),
  }),
  /** The import dropped rows or skipped a summary row: a row is its position among the rows kept. */
  z.object({
    kind: z.literal('imported'),
    rows: count,
    rowsRead: count,
    dropped: count,
    /** The dropped rows' file lines in words ("lines 3, 7–9"); null when the import only counted them. */
    droppedLines: z.string().nullable(),
    summaryRow: z.boolean(),
    /** The dataset whose report lists the dropped rows (`gatelab datasets show ID`, the dataset in Datasets). */
    datasetId: z.number().int(),
  }),
  /** A pivoted long-format run: a row is a time, by its index among the file's distinct times in time order. */
  z.object({ kind: z.literal('times'), times: count, timeColumn: z.string() }),
]);
export type RowNumbering = z.infer<typeof RowNumbering>;

/** 'cli': from 0, with `gatelab` commands as advice. 'app': from 1 as Preview numbers rows, with the app's places. */
export type RowFace = 'cli' | 'app';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * "row is the 0-based position of the row among the file's 17,420 data rows, …" (cli) or "row is the 1-based
 * position of the row (as Preview numbers it) among …" (app): what a row number is, in the face's base.
 */
export function rowNumberWords(facts: RowNumbering, face: RowFace): string {
  const app = face === 'app';
  const based = app ? '1-based' : '0-based';
  switch (facts.kind) {
    case 'times':
      return `row is the ${based} index of a time among the ${n(facts.times)} distinct '${facts.timeColumn}' times of the pivoted file, in time order`;
    case 'imported': {
      const { dropped, droppedLines, summaryRow } = facts;
      const why = [
        dropped ? `the import dropped ${n(dropped)} of ${n(facts.rowsRead)} rows${droppedLines ? ` (file ${droppedLines})` : ''}` : '',
        summaryRow ? 'it skipped a summary row' : '',
      ].filter(Boolean).join(' and ');
      const where = app ? 'the dataset in Datasets' : `gatelab datasets show ${facts.datasetId}`;
      const see = dropped && !droppedLines ? ` (${where} says which)` : summaryRow ? ` (${where} names it)` : '';
      return `row is the ${based} position${app ? ' (as Preview numbers it)' : ''} among the ${n(facts.rows)} rows the lab imported; ${why}${see}, so after those rows it is not the row's position in the file`;
    }
    case 'file': {
      // the line is said of pandas' index ("that index"), which both faces name, so it holds in either base
      const reader = facts.reader ? ` (${app ? 'one more than ' : ''}the index ${facts.reader} gives it)` : '';
      const line = facts.reader && facts.lineOffset !== null
        ? `; its line in the file is that index + ${offsetWords(facts.lineOffset, facts.preambleLines ?? 0)}, if the file has no blank lines`
        : facts.reader && facts.linesCounted ? `; ${linesDifferWords(facts.rows, facts.linesCounted)}` : '';
      return `row is the ${based} position of the row${app ? ' (as Preview numbers it)' : ''} among the file's ${n(facts.rows)} data rows, the header and blank lines not counted${reader}${line}`;
    }
  }
}

/** "2 (line 1 is the header)", "4 (lines 1–2 come before the table, line 3 is the header)", "1". */
function offsetWords(offset: number, preamble: number): string {
  const header = offset - preamble === 2;
  const before = preamble === 1 ? 'line 1 comes before the table' : preamble > 1 ? `lines 1–${preamble} come before the table` : '';
  const headerLine = header ? `line ${preamble + 1} is the header` : '';
  const why = [before, headerLine].filter(Boolean).join(', ');
  return why ? `${offset} (${why})` : String(offset);
}

/**
 * A file whose lines do not follow its rows: no line can be said from a row's index (a review's text written
 * over several lines inside quotes moves every later row down).
 */
function linesDifferWords(rows: number, { fileLines, linesBefore }: { fileLines: number; linesBefore: number }): string {
  const before = linesBefore === 0 ? '' : ` and the ${linesBefore === 1 ? 'line' : `${n(linesBefore)} lines`} before them`;
  return `its line in the file is not that index + ${linesBefore + 1}: the file has ${n(fileLines)} lines, where ${n(rows)} rows of one line each${before} would take ${n(rows + linesBefore)}, so quoted values with line breaks in them (or blank lines) put rows on later lines`;
}
