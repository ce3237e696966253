// The read_csv arguments a delimited file needs beyond its separator, for the pandas lines the import's advice
// hands out: lines above the table (title lines, '#' comments, Excel's 'sep=' line) as skiprows, a file
// without a header as header=None, and a legacy encoding (cp1252, latin-1, GBK...) as encoding. Without them
// the pasted line fails on exactly the files that have them (a UnicodeDecodeError, or a title read as the header).
import type { TextEncoding } from '../../common/dataset-cache';
import { pyString } from '../../common/text/python-string';

/** How the importer read a delimited file (delimited.ts): what a pandas line must repeat. */
export interface FileReading {
  delimiter: string;
  encoding: TextEncoding;
  /** Lines before the table that the import skipped. */
  preambleLines: number;
  hasHeader: boolean;
}

/** Python's name for each encoding; none for UTF-8, pandas' default (it skips a UTF-8 byte-order mark too). */
const PYTHON_CODECS: Record<TextEncoding, string | null> = {
  'utf-8': null, 'utf-16le': 'utf-16-le', 'utf-16be': 'utf-16-be', latin1: 'latin-1', 'windows-1252': 'cp1252',
  gb18030: 'gb18030', shift_jis: 'shift_jis', 'euc-kr': 'euc-kr', big5: 'big5',
};

/** ", skiprows=2, header=None, encoding='cp1252'" (each only when the file needs it), for read_csv. */
export function readArguments(r: FileReading | undefined): string {
  if (!r) return '';
  const codec = PYTHON_CODECS[r.encoding];
  return [r.preambleLines > 0 ? `skiprows=${r.preambleLines}` : '', r.hasHeader ? '' : 'header=None', codec ? `encoding=${pyString(codec)}` : '']
    .filter(Boolean).map((a) => `, ${a}`).join('');
}

/** ", header=False" for to_csv when the file has no header: the fixed file is headerless like the original. */
export function writeArguments(r: FileReading | undefined): string {
  return r && !r.hasHeader ? ', header=False' : '';
}
