// Old Excel workbooks and HTML/XML tables saved as .xls: refused by name, with the way to CSV.
import { describe, expect, it, afterAll } from 'vitest';
import { isOle2, spreadsheetError } from './spreadsheet-files';
import { textLoader } from './fixtures/load-text';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
const { load, cleanup } = textLoader('gatelab-spreadsheets-');
afterAll(cleanup);

describe('spreadsheetError', () => {
  it('an .xls (OLE2) workbook names the format, Save As CSV and pandas read_excel', () => {
    expect(isOle2(OLE2)).toBe(true);
    const e = spreadsheetError('/d/Sales 2019.xls', OLE2);
    expect(e).toMatchObject({ code: 'binary_file' });
    expect(e!.message).toBe("Sales 2019.xls: this is an Excel 97–2003 workbook (.xls), which GateLab does not read: in Excel, save it as CSV (File → Save As → CSV UTF-8) or Parquet and import that; or in pandas: pd.read_excel('Sales 2019.xls').to_csv('Sales 2019.csv', index=False) (.xls needs the xlrd package)");
    expect(spreadsheetError('/d/report.bin', OLE2)!.message).toMatch(/an old Microsoft Office file \(OLE2: an Excel 97–2003 \.xls workbook/);
  });

  it('an HTML table saved as .xls names HTML, Save As CSV and pandas read_html', () => {
    const html = Buffer.from('\uFEFF  <HTML xmlns:o="urn:schemas-microsoft-com:office:office">\n<body><table><tr><td>a</td></tr></table>');
    expect(spreadsheetError('/d/export.xls', html)!.message).toMatch(/^export\.xls: this is an HTML page saved with an \.xls name .*File → Save As → CSV UTF-8.*pd\.read_html\('export\.xls'\)\[0\]\.to_csv\('export\.csv', index=False\)$/);
    expect(spreadsheetError('/d/page', Buffer.from('<!DOCTYPE html>\n<html><table>'))!.message).toMatch(/^page: this is an HTML page, not CSV/);
  });

  it('an Excel 2003 XML spreadsheet is named as such', () => {
    const xml = Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">');
    expect(spreadsheetError('/d/t.xls', xml)!.message).toMatch(/an Excel 2003 XML spreadsheet.*CSV UTF-8/);
  });

  it('text that only starts with a tag is not refused: a CSV of HTML snippets, or plain CSV', () => {
    expect(spreadsheetError('/d/pages.csv', Buffer.from('<html><body>hi</body></html>,1\n<p>x</p>,0\n'))).toBeNull();
    expect(spreadsheetError('/d/a.csv', Buffer.from('a,b\n1,2\n'))).toBeNull();
  });
});

describe('import of such files', () => {
  it('is refused before any reading, even with a format given', async () => {
    await expect(load(OLE2, {}, 'old.xls')).rejects.toMatchObject({ code: 'binary_file', message: expect.stringMatching(/Excel 97–2003 workbook/) });
    await expect(load('<html><table><tr><td>a</td><td>b</td></tr></table></html>\n', { format: 'csv' }, 'web.xls')).rejects.toMatchObject({ code: 'binary_file', message: expect.stringMatching(/HTML page saved with an \.xls name/) });
  });
});
