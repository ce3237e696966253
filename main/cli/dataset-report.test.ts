// The schema table's value ranges: two different ends never print alike (a meter reading around 1.5e9
// printed as '1.500e+9 .. 1.500e+9' hid a range of thousands).
import { describe, expect, it } from 'vitest';
import { issueLines, rangeText, statText } from './dataset-report';
import type { ValidationIssue } from '../../common/dataset-cache';

describe('rangeText', () => {
  it('shows enough digits for different ends to differ, and keeps short forms when they already do', () => {
    expect(rangeText(1500000000.3, 1500005846.2)).toBe('1500000000 .. 1500005846');
    expect(rangeText(1500000000.25, 1500000000.5)).toBe('1500000000.3 .. 1500000000.5');
    expect(rangeText(0.000123451, 0.000123452)).toBe('0.000123451 .. 0.000123452');
    expect(rangeText(4.502, 46.007)).toBe('4.502 .. 46.007');
    expect(rangeText(1.467e9 + 0.5, 1.6e9 + 0.5)).toBe('1.467e+9 .. 1.600e+9');
    expect(rangeText(2.5e9 + 0.5, 2.5e9 + 0.5)).toBe('2.500e+9 .. 2.500e+9');
  });
});

describe('rangeText: both ends in one notation (audit G6: "37.300 .. 63")', () => {
  it('gives both ends the same decimals when one of them is a whole number', () => {
    expect(rangeText(37.3, 63)).toBe('37.300 .. 63.000');
    expect(rangeText(-2, 0.5)).toBe('-2.000 .. 0.500');
    expect(rangeText(0, 1)).toBe('0 .. 1'); // both whole: no decimals at all
  });
  it('writes a small end with enough decimals for two digits, and both ends so', () => {
    expect(rangeText(0.0042, 12)).toBe('0.0042 .. 12.0000');
    expect(rangeText(0, 0.5)).toBe('0.000 .. 0.500');
  });
  it('uses exponents for both ends when the range reaches 1e5, stays below 1e-3, or an end needs more than 6 decimals', () => {
    expect(rangeText(0, 1.5e9 + 0.5)).toBe('0.000e+0 .. 1.500e+9');
    expect(rangeText(0, 0.0004)).toBe('0.000e+0 .. 4.000e-4');
    expect(rangeText(3e-9, 0.7)).toBe('3.000e-9 .. 7.000e-1');
  });
});

describe('issueLines', () => {
  const ragged: ValidationIssue = { kind: 'ragged_row', severity: 'error', column: null, count: 2, message: 'rows with a different number of fields than the 2 columns', examples: [{ line: 3, column: null, value: '3 fields' }] };
  const dropped: ValidationIssue = { kind: 'dropped_rows', severity: 'warning', column: null, count: 2, message: "2 of 5 rows dropped (policy 'drop')", examples: [] };
  it("labels bad rows of a dataset imported with --on-invalid drop 'dropped', not 'error' (also as recorded by older imports)", () => {
    expect(issueLines([ragged, dropped], 12, 'drop')).toEqual([
      "  dropped ragged_row: rows with a different number of fields than the 2 columns (first: line 3: '3 fields')",
      "  warning dropped_rows: 2 of 5 rows dropped (policy 'drop')",
    ]);
    expect(issueLines([{ ...ragged, severity: 'warning' }], 12, 'impute')[0]).toMatch(/^ {2}warning ragged_row: /);
  });
});

describe('datasetReport', () => {
  it("counts in the right number: '1 row x 1 column', '2 rows x 3 columns'", async () => {
    const { datasetReport } = await import('./dataset-report');
    const d = (rows: number, columns: number) => ({ rows, columns: Array.from({ length: columns }, (_, i) => ({ name: `c${i}`, type: 'float', role: 'feature', stats: {} })), format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true, validation: { issues: [] } }) as unknown as Parameters<typeof datasetReport>[0];
    expect(datasetReport(d(1, 1), 'h').split('\n')[1]).toMatch(/^1 row x 1 column \(csv/);
    expect(datasetReport(d(2, 3), 'h').split('\n')[1]).toMatch(/^2 rows x 3 columns \(csv/);
  });

  it("says how many lines of the file the dropped rows covered when a quote joined lines: '1 row dropped (4 lines of the file)'", async () => {
    const { datasetReport, datasetJson } = await import('./dataset-report');
    // the importer's report for the audit's file: a stray quote on line 3 joins lines 3–6 into one row
    const validation = { policy: 'drop', rowsRead: 2, rowsKept: 1, rowsDropped: 1, linesDropped: 4, valuesImputed: 0, issues: [] };
    const d = (v: object) => ({ rows: 1, columns: [{ name: 'a', type: 'int', role: 'feature', stats: {} }], format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true, validation: v }) as unknown as Parameters<typeof datasetReport>[0];
    expect(datasetReport(d(validation), 'h').split('\n')[1]).toBe('1 row x 1 column (csv, utf-8, delimiter ",", header); 1 row dropped (4 lines of the file)');
    expect(datasetJson(d(validation)).validation).toMatchObject({ rowsDropped: 1, linesDropped: 4 });
    // one line per dropped row, or a dataset imported before linesDropped was recorded: rows only
    expect(datasetReport(d({ ...validation, rowsDropped: 2, linesDropped: undefined }), 'h').split('\n')[1]).toMatch(/; 2 rows dropped$/);
    expect(datasetReport(d({ ...validation, rowsDropped: 1500, linesDropped: 1500 }), 'h').split('\n')[1]).toMatch(/; 1,500 rows dropped$/);
  });

  it("counts validation issues in the right number: 'Validation: 1 issue', '2 issues', never 'issue(s)'", async () => {
    const { datasetReport } = await import('./dataset-report');
    const issue = (column: string): ValidationIssue => ({ kind: 'missing', severity: 'warning', column, count: 1, message: `1 missing value in ${column}`, examples: [] });
    const d = (issues: ValidationIssue[]) => ({ id: '1', rows: 1, columns: [{ name: 'a', type: 'int', role: 'feature', stats: {} }], format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true, validation: { issues } }) as unknown as Parameters<typeof datasetReport>[0];
    const line = (issues: ValidationIssue[]) => datasetReport(d(issues), 'h').split('\n').find((l) => l.startsWith('Validation:'));
    expect(line([issue('a')])).toBe('Validation: 1 issue');
    expect(line([issue('a'), issue('b')])).toBe('Validation: 2 issues');
    expect(line([])).toBe('Validation: no issues');
  });
});

describe('droppedText', () => {
  it('counts rows and lines in the right number, with thousands separators', async () => {
    const { droppedText } = await import('./dataset-report');
    expect(droppedText(1)).toBe('1 row dropped');
    expect(droppedText(1, 2)).toBe('1 row dropped (2 lines of the file)');
    expect(droppedText(1200, 3400)).toBe('1,200 rows dropped (3,400 lines of the file)');
    expect(droppedText(3, 3)).toBe('3 rows dropped');
  });
});

describe('statText', () => {
  it('says a column once by its kind: a time range, a distinct count (with list tokens), or a number range', () => {
    // 2024-01-01 00:00 .. 2024-01-02 00:00 in epoch seconds: the range as times only, never again as numbers
    // (ends at midnight, no distinct times counted: dates, as the app writes them, common/data/date-only.ts)
    expect(statText('datetime', { min: 1704067200, max: 1704153600, mean: 1704110400, missing: 0 })).toBe('2024-01-01 .. 2024-01-02');
    // an import that counted the distinct times says them too (repeated times: a log, not one series);
    // 25 distinct times in 2 days: hours, so the times stay
    expect(statText('datetime', { min: 1704067200, max: 1704153600, mean: 1704110400, missing: 0, numbers: { distinct: 25, fractions: false } }))
      .toBe('2024-01-01 00:00 .. 2024-01-02 00:00, 25 distinct');
    // a file of dates: '2021-01-01 .. 2021-01-05' (5 days, 5 distinct), not '2021-01-01 00:00 .. 2021-01-05 00:00'
    const dates = { min: 1609459200, max: 1609459200 + 4 * 86400, missing: 0, numbers: { distinct: 5, fractions: false } };
    expect(statText('datetime', dates)).toBe('2021-01-01 .. 2021-01-05, 5 distinct');
    expect(statText('datetime', { ...dates, max: dates.max + 3600 })).toBe('2021-01-01 00:00 .. 2021-01-05 01:00, 5 distinct');
    expect(statText('categorical', { cardinality: 4, missing: 2, listTokens: { separator: '|', distinct: 6, meanPerRow: 1.975, maxPerRow: 3 } }))
      .toBe("4 distinct, 6 distinct tokens ('|'), 1.98 per row (max 3), 2 missing");
    // a categorical column of 2 to 5 values lists them (sorted), as a boolean lists its words: a label in words shows its classes
    const loanStatus = { cardinality: 2, missing: 0, topValues: [{ value: 'Fully Paid', count: 255 }, { value: 'Charged Off', count: 45 }] };
    expect(statText('categorical', loanStatus)).toBe('2 distinct: Charged Off, Fully Paid');
    expect(statText('categorical', { cardinality: 2, topValues: [{ value: ' 60 months', count: 1 }, { value: ' 36 months', count: 2 }] })).toBe("2 distinct: ' 36 months', ' 60 months'");
    expect(statText('categorical', { cardinality: 6, topValues: 'abcdef'.split('').map((value) => ({ value, count: 1 })) })).toBe('6 distinct');
    // top values that miss some (an older import, a cut list) are not listed as if they were all
    expect(statText('categorical', { cardinality: 3, topValues: [{ value: 'a', count: 2 }] })).toBe('3 distinct');
    expect(statText('float', { min: 1, max: 3, mean: 2 })).toMatch(/^1\.0 \.\. 3\.0, mean 2/);
    // a boolean names the words its file wrote (the classes runs name), false's first; an older import: the count only
    expect(statText('boolean', { cardinality: 2, missing: 0, booleanWords: { false: 'no', true: 'yes' } })).toBe('2 distinct: no, yes');
    expect(statText('boolean', { cardinality: 2, missing: 0 })).toBe('2 distinct');
    // a float column whose values are all whole (its import counted no fractions) keeps plain ends
    expect(statText('float', { min: 1, max: 3, mean: 2, numbers: { distinct: 3, fractions: false } })).toMatch(/^1 \.\. 3, mean 2/);
    // a number column imported since the importer counts its values: the count, '1,000+' above its cap
    expect(statText('int', { min: 200, max: 500, mean: 301, missing: 1, numbers: { distinct: 3, fractions: false } })).toBe('200 .. 500, mean 301, 3 distinct, 1 missing');
    expect(statText('float', { min: 0, max: 1, mean: 0.5, numbers: { distinct: 1001, fractions: true } })).toBe('0.0 .. 1.0, mean 0.500, 1,000+ distinct');
    expect(statText('float', { min: 0, max: 1, mean: 0.5, numbers: { distinct: 1000, fractions: true } })).toMatch(/, 1,000 distinct$/);
  });

  // the clothing reviews' 'Title': free text where a few titles hold a '|'. The importer counts its tokens, but
  // "13,993 distinct tokens ('|'), 1.00 per row (max 2)" reads as a list column it is not.
  it("says '|' tokens only of a list column: rows of lists, or a column given the multi-hot role", () => {
    const title = { cardinality: 13_993, missing: 3_810, listTokens: { separator: '|', distinct: 13_993, meanPerRow: 1.0004, maxPerRow: 2 } };
    expect(statText('text', title)).toBe('13,993 distinct, 3,810 missing');
    expect(statText('categorical', title, 'feature')).toBe('13,993 distinct, 3,810 missing');
    // the user asked for its tokens: the count is what the role makes features of
    expect(statText('text', title, 'multi-hot')).toBe("13,993 distinct, 13,993 distinct tokens ('|'), 1.00 per row (max 2), 3,810 missing");
    // one row in twenty a list is a list column
    expect(statText('categorical', { cardinality: 30, listTokens: { separator: '|', distinct: 12, meanPerRow: 1.05, maxPerRow: 3 } })).toBe("30 distinct, 12 distinct tokens ('|'), 1.05 per row (max 3)");
  });
});
