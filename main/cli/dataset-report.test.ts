// The schema table's value ranges: two different ends never print alike (a meter reading around 1.5e9
// printed as '1.500e+9 .. 1.500e+9' hid a range of thousands).
import { describe, expect, it } from 'vitest';
import { issueLines, rangeText } from './dataset-report';
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
});
