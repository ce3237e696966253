// CSV/TSV import: sniff (encoding, delimiter, header, types) from the first megabyte, then stream the
// whole file (gunzipped on the fly when it is gzip) through the byte tokenizer into the column writers.
import { basename } from 'node:path';
import { ImportError, type DatasetCacheMeta, type ImportFormat } from '../../common/dataset-cache';
import type { ColumnKind, ColumnPlan } from './column-writer';
import { CsvTokenizer } from './csv-tokenizer';
import { fileNumberEvidence, withDecimalComma } from './decimal-comma';
import { withDotReading } from './dot-reading';
import { withFormattedNumbers } from './formatted-number';
import { withDateOrder } from './date-order';
import { inferKind, planFor, withDayFirst } from './infer';
import type { ImportJob } from './job';
import { sniffDelimited } from './sniff';
import { TableWriter, type Retype } from './table-writer';
import { TrailingSummaryRows } from './summary-rows';
import { EmptyTrailingRows } from './empty-trailing-rows';
import { StrayQuotes, linesLookLikeRows } from './stray-quote';
import { FailedOnBadRow } from './failed-on-bad-row';
import { dateTimePairNote, findDateTimePair, parseTimeOfDay } from './date-time-pair';
import type { DatetimeColumn } from './datetime-column';
import { NumberColumn } from './number-column';
import { parseRulesOf, retypedNow, withExcelDatesRule, withLaterRules } from './parse-rules';
import { missingCellsUnder } from './missing-cell-bytes';
import { asciiCompatible, guessEncoding, readTextChunks, readTextHead, textDecoderFor, type EncodingGuess } from './text-source';
import { legacyEncodingNote } from './legacy-encoding';
import { WHITESPACE, tokenDelimiter } from './whitespace-columns';
import { readingFilter } from './source-reading';
import { commentHint } from './preamble';
import { didYouMean } from '../../common/text/did-you-mean';
import { oddFirstLine, widthSaid, type TableShape } from './first-line-shape';

const SNIFF_BYTES = 1024 * 1024;
/** No column typed anew by this parse: for plans the importer chose itself. */
const NOT_RETYPED: ReadonlySet<string> = new Set();

/** The sniff sample as ASCII-compatible bytes (transcoded as readTextChunks does), and whether it is the whole file. */
function sampleOf(head: Buffer, guess: EncodingGuess, whole: boolean): { sample: Buffer; whole: boolean } {
  return { sample: asciiCompatible(head.subarray(guess.bomBytes), guess.encoding), whole };
}

export interface DelimitedOutcome {
  meta: DatasetCacheMeta;
  retypes: Retype[];
  /** Decimal-comma columns whose '1.444' cells this pass read against what the whole column says: how to read them (dot-reading.ts). */
  dotRereads: Array<{ name: string; thousands: boolean }>;
}

export async function importDelimited(job: ImportJob, format: ImportFormat, forcedKinds: Map<string, ColumnKind>, encodingOverride?: EncodingGuess): Promise<DelimitedOutcome> {
  const { path, options } = job;
  const file = basename(path);
  const { head, whole: headIsWhole } = readTextHead(path, SNIFF_BYTES, job.totalBytes, file);
  if (head.length === 0) throw new ImportError('empty_file', `${file}: the file is empty`, { file });
  const guess = encodingOverride ?? guessEncoding(head, file, options.encoding);
  const text = textDecoderFor(guess.encoding);
  const legacy = guess.sniffed ? legacyEncodingNote(file, guess) : null;
  if (legacy?.warn) job.validation.warn(null, 1, legacy.message, 'encoding');
  else if (legacy) job.validation.addCounted('encoding_fallback', null, 1, legacy.message);
  const { sample, whole } = sampleOf(head, guess, headIsWhole);
  const d = options.delimiter;
  if (d !== undefined && d !== WHITESPACE && (d.length === 0 || d.length > 8 || /["\r\n]/.test(d) || (d.length > 1 && /[^\x21-\x7e]/.test(d)))) {
    throw new ImportError('bad_format', `${file}: the delimiter must be one character, or a few printable ASCII characters such as '::' or '||' (got ${JSON.stringify(d)}); quotes and line breaks cannot separate fields. For columns aligned by runs of spaces, give 'whitespace'`, { file });
  }
  const rules = parseRulesOf(options), retyped = retypedNow(options);
  const sniffed = sniffDelimited(sample, whole, text, file, { delimiter: options.delimiter ?? (format === 'tsv' ? '\t' : undefined), header: options.header, preferTab: format === 'tsv', summaryRows: rules.skipSummaryRow, booleanNames: rules.booleanNames, rules });
  if (sniffed.headerNote) job.validation.addCounted('note', null, 1, sniffed.headerNote, 'header');
  if (sniffed.unitsNote) job.validation.addCounted('note', null, 1, sniffed.unitsNote, 'units-row');
  if (sniffed.renameNote) job.validation.addCounted('note', null, 1, sniffed.renameNote, 'renamed');
  for (const n of sniffed.readingNotes) job.validation.addCounted('note', null, 1, n.text, n.topic);
  // the tokenizer's delimiter: a tab for 'whitespace', whose stream is rewritten tab-separated (source-reading.ts)
  const delimiter = tokenDelimiter(sniffed.delimiter);
  const width = sniffed.names.length;
  if (width === 0) throw new ImportError('no_rows', `${file}: no rows found (only blank lines)`, { file });
  // A --delimiter the file never uses reads every line as one column: legal, but almost always a mistake
  if (d !== undefined && d !== WHITESPACE && width === 1 && !sample.includes(sniffed.delimiter)) {
    job.validation.addCounted('note', sniffed.names[0], 1, `the delimiter ${JSON.stringify(sniffed.delimiter)} given with --delimiter does not occur in the file's first lines, so each line is one column ('${sniffed.names[0].slice(0, 40)}'); import it again without --delimiter to sniff the separator, or with the one the file uses`, 'delimiter');
  }

  // what the whole file's cells say about its decimal mark: '10,5' in one column decides '4,935' in another
  const fileNumbers = fileNumberEvidence(sniffed.names, sniffed.rows);
  const plans: ColumnPlan[] = sniffed.names.map((name, c) => {
    const samples = sniffed.rows.map((r) => r[c]);
    const userType = options.columnTypes?.[name];
    const forced = forcedKinds.get(name);
    const dots = job.dotThousands.get(name);
    if (forced && !userType) {
      if (forced !== 'number') return { ...inferKind(name, []), kind: forced, dtype: 'int32' };
      // a number column this importer chose (a boolean-looking one met '2'), never the user: in an old dataset
      // it is read under the recorded rules like any inferred column (today its cells are all plain numbers,
      // so this only guards a later change to what a boolean column may turn into)
      const asFloat = withLaterRules(planFor(name, 'float', samples), rules, NOT_RETYPED);
      return withDotReading(withDecimalComma(asFloat, samples, delimiter, fileNumbers), samples, dots);
    }
    const plan = withDateOrder(withDayFirst(withLaterRules(withExcelDatesRule(inferKind(name, samples, userType, rules), rules, retyped), rules, retyped), job.dayFirst), options.dateOrder);
    return withDotReading(withFormattedNumbers(withDecimalComma(plan, samples, delimiter, fileNumbers), samples, delimiter, fileNumbers), samples, dots);
  });
  for (const t of Object.keys(options.columnTypes ?? {})) {
    if (!sniffed.names.includes(t)) throw new ImportError('bad_format', `${file}: a type was given for column '${t}', which is not in the file${didYouMean(t, sniffed.names)} (columns: ${sniffed.names.slice(0, 20).join(', ')})`, { file, column: t });
  }

  const reading = { delimiter: sniffed.delimiter, encoding: guess.encoding, preambleLines: sniffed.preambleLines, hasHeader: sniffed.hasHeader };
  const table = new TableWriter(plans, { dir: job.outDir, file, policy: job.policy, validation: job.validation, text, reading, missingCells: missingCellsUnder(rules.pandasMissingCells) }, options.target);
  const cols = table.columns;
  let skipLines = sniffed.skipLines;
  const policy = job.policy;
  // '2016-07-01' then '01:00:00': the date column gets each row's time of day added (date-time-pair.ts)
  const pair = rules.combineDateTime ? findDateTimePair(plans, sniffed.rows, rules.endOfDayTimes, rules.dottedTimes) : null;
  const pairDate = pair ? cols[pair.date] as DatetimeColumn : null;
  let withoutTime = 0;
  const tableLine = sniffed.preambleLines + 1;
  const tableShape: TableShape = { hasHeader: sniffed.hasHeader, width, names: sniffed.names, tableLine, firstDataLine: tableLine + sniffed.skipLines, laterLines: sniffed.laterLines };
  const expected = widthSaid(tableShape);
  const strayQuotes = new StrayQuotes();
  // under 'reject' the first bad row fails the import, but only once the rest of the file is known to
  // hold no unclosed quote: with one, dropping bad rows would fail too, so the quote is what to fix
  const badRow = new FailedOnBadRow();
  /**
   * `current`: the row the tokenizer is handing over now (not a row the summary check held back, which
   * always has the right width and one line), so the lines it covers can be read off the tokenizer.
   */
  const putRow = (buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, count: number, line: number, current = false): void => {
    const lastLine = current ? tokenizer.rowLastLine : line;
    if (count !== width && current && tokenizer.spanField >= 0) {
      // a quoted value with line breaks and then the wrong field count: a stray quote swallowed the lines
      // after it. Padding would import those lines as one value, so even 'impute' drops it, and says so.
      const at = tokenizer.spanField;
      const where = sniffed.hasHeader && at < width ? `column '${sniffed.names[at]}'` : `field ${at + 1}`;
      const lines = `lines ${line}–${lastLine}`;
      job.validation.add('ragged_row', null, line, `${count} fields over ${lines}, quote in ${where}`, () => `rows joined from several lines of the file by a quote (") closed only on a later line, with a different number of fields than the ${width} columns: almost always a stray quote. Close it where its value ends, or remove it${policy === 'reject' ? '' : ' (dropped, with all their lines)'}`, 'quote');
      if (policy === 'reject') {
        badRow.fail(new ImportError('ragged_row', `${file}, line ${line}: a quote (") opened here in ${where} is not closed until line ${tokenizer.spanCloseLine}, so ${lines} read as one row with ${count} fields; ${expected}. Most likely the quote is stray: close it where the value ends, or remove it (a quote inside a value is written as two: ""). Fix the line, or import with onInvalid 'drop' to drop those ${lastLine - line + 1} lines as one row`, { file, line, column: sniffed.hasHeader && at < width ? sniffed.names[at] : null }), `${lines} read as one row with ${count} fields; ${expected}`);
        return;
      }
      table.dropRow();
      job.validation.droppedLines(line, lastLine);
      return;
    }
    if (count === width && current && tokenizer.spanField >= 0 && linesLookLikeRows(text(buf, tokenizer.rowStart, tokenizer.rowEnd), delimiter, plans)) {
      // the right field count by chance: kept as read (a real multi-line value looks the same), and named
      const at = tokenizer.spanField;
      const column = sniffed.hasHeader ? sniffed.names[at] : null;
      strayQuotes.add(column === null ? `field ${at + 1}` : `column '${column}'`, column, line, lastLine, tokenizer.spanCloseLine);
      job.validation.add('note', column, line, `lines ${line}–${lastLine}`, () => '', 'stray-quote');
    }
    if (count !== width) {
      const hint = () => raggedHint(current ? text(buf, tokenizer.rowStart, tokenizer.rowEnd) : '');
      // line 1 (the header, or a headerless file's first line) unlike every line after it: line 1 is to fix
      const odd = oddFirstLine(tableShape, line, count, policy === 'reject' ? hint : () => ''); // a dropped row needs no advice to drop it
      job.validation.add('ragged_row', null, line, `${count} fields`, () => odd?.text ?? `rows with a different number of fields than the ${width} columns`);
      if (policy === 'reject') {
        const why = odd?.text ?? `line ${line}: expected ${width} fields (${sniffed.hasHeader ? 'as in the header' : 'as most of the first lines have'}), found ${count}${hint()}`;
        badRow.fail(new ImportError('ragged_row', `${file}, ${why}`, { file, line: odd?.line ?? line }), `${count} fields; ${expected}`);
        return;
      }
      if (policy === 'drop' || count > width) { table.dropRow(line); return; }
    }
    for (let c = 0; c < width; c++) {
      if (c < count) cols[c].putBytes(buf, starts[c], ends[c], escaped[c], line);
      else cols[c].putValue(null, line);
    }
    if (pair && count === width) {
      const seconds = parseTimeOfDay(text(buf, starts[pair.time], ends[pair.time]), pair.endOfDay, pair.dotted);
      if (Number.isNaN(seconds)) withoutTime++;
      else pairDate!.addTimeOfDay(seconds);
    }
    if (!table.endRow(line)) job.validation.droppedLines(line, lastLine);
  };
  // a 'Total' row is held back until the next row (then it is data) or the end (summary-rows.ts)
  const summary = rules.skipSummaryRow ? new TrailingSummaryRows(cols, text, rules.categorySummaryRows) : null;
  // ';;;;' lines, held back until a row with a value follows; skipped at the end (empty-trailing-rows.ts)
  const emptyTail = rules.emptyTrailingRows ? new EmptyTrailingRows(sniffed.delimiter) : null;
  /** The refusal's advice: a '#' line among the rows is a comment; ' ' splitting aligned columns wants 'whitespace'. */
  const raggedHint = (rowText: string): string => {
    const comment = commentHint(rowText);
    if (comment) return comment;
    const spaces = delimiter === ' ' ? ". Columns aligned by several spaces are read with --delimiter whitespace (runs of spaces/tabs separate fields)" : '';
    return `${spaces}. Fix the row, or import with onInvalid 'drop' (or 'impute' to pad short rows)`;
  };
  const tokenizer = new CsvTokenizer(delimiter.length === 1 ? delimiter.charCodeAt(0) : delimiter, {
    row(buf, starts, ends, escaped, count, line) {
      if (skipLines > 0) { skipLines--; return; }
      if (badRow.failed) return; // the import has failed: the rest is only read for an unclosed quote
      if (emptyTail?.hold(buf, starts, ends, count, line)) return;
      try {
        // rows held back are put in file order: a held 'Total' row came before the held empty rows
        if (emptyTail?.pending) { summary?.release(putRow); emptyTail.release(putRow); }
        if (summary && count === width && summary.hold(buf, starts, ends, escaped, count, line)) return;
        summary?.release(putRow);
        putRow(buf, starts, ends, escaped, count, line, true);
      } catch (e) {
        // a value that does not fit a type the user set (table-writer.ts): a bad row like a short one
        if (!(e instanceof ImportError && e.code === 'unparsable' && policy === 'reject' && e.line !== null && e.column !== null)) throw e;
        badRow.fail(e, `a value that does not fit column '${e.column}'`);
      }
    },
  }, file, sniffed.hasHeader ? sniffed.names : undefined);
  // the preamble's bytes never reach the tokenizer (a quote in a comment must not open a field): it counts on from after them
  tokenizer.line = sniffed.preambleLines + 1;
  const filter = readingFilter({ delimiter: sniffed.delimiter, preambleLines: sniffed.preambleLines, skipInitialSpace: sniffed.skipInitialSpace });

  try {
    for await (const { chunk, last } of readTextChunks(path, guess, (b) => job.progress(b, table.rows), () => tokenizer.line, file)) {
      job.checkCancelled();
      tokenizer.push(filter ? filter(chunk) : chunk, last);
    }
  } catch (e) {
    throw badRow.failed ? badRow.withQuote(e) : e;
  }
  badRow.throwIfFailed();
  const summaryNote = summary ? summary.finish(putRow) : null;
  const emptyTailNote = emptyTail?.finish() ?? null;
  for (const m of strayQuotes.messages(width)) job.validation.warn(m.column, m.count, m.text, 'stray-quote');
  if (pair) job.validation.addCounted('note', plans[pair.date].name, table.rows, dateTimePairNote(plans[pair.date].name, plans[pair.time].name, [sniffed.rows[0][pair.date], sniffed.rows[0][pair.time]], withoutTime), 'date-time');
  if (summaryNote) job.validation.addCounted('note', null, 1, summaryNote, 'summary-row');
  if (emptyTailNote) job.validation.addCounted('note', null, 1, emptyTailNote, 'empty-trailing-rows');
  if (job.validation.rowsRead === 0) {
    // a line of words read as names: say how to read it as the one row of data it may be
    const asData = options.header === undefined ? ' (if that line is data, import with --header no)' : '';
    throw new ImportError('no_rows', `${file}: ${sniffed.hasHeader ? `only a header row (${sniffed.names.slice(0, 10).join(', ')}${width > 10 ? ', ...' : ''}), no data rows${asData}` : 'no data rows'}`, { file, line: 1 });
  }
  const retypes = table.retypes();
  const dotRereads = cols.flatMap((c) => {
    const thousands = c instanceof NumberColumn ? c.dotReadingToRedo() : null;
    return thousands === null ? [] : [{ name: c.plan.name, thousands }];
  });
  const meta = table.finish({ fileName: file, bytes: job.totalBytes, format, encoding: guess.encoding, delimiter: sniffed.delimiter, hasHeader: sniffed.hasHeader,
    // recorded only when used, so an older dataset's source reads as it always did
    ...(sniffed.preambleLines > 0 ? { preambleLines: sniffed.preambleLines } : {}), ...(sniffed.skipInitialSpace ? { skipInitialSpace: true } : {}),
    ...(guess.bomBytes > 0 ? { bom: true } : {}) });
  return { meta, retypes, dotRereads };
}
