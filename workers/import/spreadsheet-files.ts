// Spreadsheets that are not ZIP files, refused by name with what to do (as .xlsx is, compressed.ts): the
// old Excel binary workbook (.xls: an OLE2 compound file), and the HTML or XML tables that web exports and
// older Excel versions save under an .xls name. Read as text they became "a binary file" or a one-column
// table of tags; the user needs to hear what the file is and how to get CSV out of it.
import { basename, extname } from 'node:path';
import { ImportError } from '../../common/dataset-cache';
import { SAVE_AS_CSV } from './compressed';
import { pyString } from '../../common/text/python-string';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isOle2 = (head: Uint8Array) => head.length >= OLE2.length && OLE2.every((b, i) => head[i] === b);

/** Names that say spreadsheet or web page: any HTML start in them is a table to refuse. */
const TABLE_NAMES = new Set(['.xls', '.xlsx', '.xlt', '.htm', '.html', '.xhtml', '.xml']);

/** The refusal for a spreadsheet or HTML/XML table in `head` (the file's first bytes), or null when it is none. */
export function spreadsheetError(path: string, head: Uint8Array, file = basename(path)): ImportError | null {
  const ext = extname(path).toLowerCase();
  const stem = basename(file, extname(file)) || 'data';
  if (isOle2(head)) {
    const what = ext === '.xls' || ext === '.xlt' ? 'an Excel 97–2003 workbook (.xls)'
      : 'an old Microsoft Office file (OLE2: an Excel 97–2003 .xls workbook, or a Word/Outlook file)';
    return new ImportError('binary_file', `${file}: this is ${what}, which GateLab does not read: in Excel, ${SAVE_AS_CSV}; `
      + `or in pandas: pd.read_excel(${pyString(file)}).to_csv(${pyString(`${stem}.csv`)}, index=False) (.xls needs the xlrd package)`, { file });
  }
  // tags are ASCII: UTF-16 shows them with NULs between, which are dropped for the look
  const text = Buffer.from(head.subarray(0, 2048)).toString('latin1').replace(/\0/g, '').replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').trimStart().toLowerCase();
  if (text.startsWith('<?xml') && /urn:schemas-microsoft-com:office:spreadsheet|<workbook\b/.test(text)) {
    return new ImportError('binary_file', `${file}: this is an Excel 2003 XML spreadsheet, which GateLab does not read: open it in Excel and ${SAVE_AS_CSV}`, { file });
  }
  if (!/^<(!doctype html|html|table|head|body|meta)\b/.test(text)) return null;
  // a .csv or .txt that starts with a tag may be a table of HTML snippets: refused only when it holds a <table>
  if (!TABLE_NAMES.has(ext) && !/<table\b/.test(text)) return null;
  const named = ext === '.xls' || ext === '.xlsx' ? ` saved with an ${ext} name (as web exports and older Excel versions write tables)` : '';
  return new ImportError('binary_file', `${file}: this is an HTML page${named}, not CSV, and GateLab does not read HTML tables: open it in Excel and ${SAVE_AS_CSV}; `
    + `or in pandas: pd.read_html(${pyString(file)})[0].to_csv(${pyString(`${stem}.csv`)}, index=False)`, { file });
}
