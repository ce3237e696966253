// One set of facts on what a row number is, worded 0-based for the command line (`gatelab split`, pandas'
// index) and 1-based for the app (as Preview numbers rows): the two faces must not drift apart.
import { describe, expect, it } from 'vitest';
import { RowNumbering, rowNumberWords } from './row-numbering';

describe('rowNumberWords', () => {
  const csv = { kind: 'file' as const, rows: 17_420, reader: "pandas.read_csv(file, sep=';')", lineOffset: 2 };

  it('words a whole file 0-based on the command line, 1-based in the app, the file line said of pandas\' index in both', () => {
    expect(rowNumberWords(csv, 'cli')).toBe("row is the 0-based position of the row among the file's 17,420 data rows, the header and blank lines not counted (the index pandas.read_csv(file, sep=';') gives it); its line in the file is that index + 2 (line 1 is the header), if the file has no blank lines");
    expect(rowNumberWords(csv, 'app')).toBe("row is the 1-based position of the row (as Preview numbers it) among the file's 17,420 data rows, the header and blank lines not counted (one more than the index pandas.read_csv(file, sep=';') gives it); its line in the file is that index + 2 (line 1 is the header), if the file has no blank lines");
    // no header line: one line less; a format without a reader said (Parquet): no pandas index, no line
    expect(rowNumberWords({ ...csv, lineOffset: 1 }, 'cli')).toMatch(/that index \+ 1, if the file has no blank lines$/);
    expect(rowNumberWords({ kind: 'file', rows: 5, reader: null, lineOffset: null }, 'app')).toBe("row is the 1-based position of the row (as Preview numbers it) among the file's 5 data rows, the header and blank lines not counted");
  });

  it('a file whose lines were counted and do not follow its rows (quoted line breaks): no line offset, in either face', () => {
    const counted = { kind: 'file' as const, rows: 12_000, reader: 'pandas.read_csv(file)', lineOffset: null, linesCounted: { fileLines: 13_133, linesBefore: 1 } };
    expect(rowNumberWords(counted, 'cli')).toBe("row is the 0-based position of the row among the file's 12,000 data rows, the header and blank lines not counted (the index pandas.read_csv(file) gives it); its line in the file is not that index + 2: the file has 13,133 lines, where 12,000 rows of one line each and the line before them would take 12,001, so quoted values with line breaks in them (or blank lines) put rows on later lines");
    expect(rowNumberWords({ ...counted, linesCounted: { fileLines: 70, linesBefore: 0 }, rows: 60 }, 'app')).toMatch(/\(one more than the index pandas\.read_csv\(file\) gives it\); its line in the file is not that index \+ 1: the file has 70 lines, where 60 rows of one line each would take 60, so/);
    expect(RowNumbering.parse(counted)).toEqual(counted);
  });

  it('says rows the import dropped, with the dropped lines or where to find them in each face', () => {
    const dropped = { kind: 'imported' as const, rows: 300, rowsRead: 301, dropped: 1, droppedLines: null, summaryRow: false, datasetId: 2 };
    expect(rowNumberWords(dropped, 'cli')).toBe("row is the 0-based position among the 300 rows the lab imported; the import dropped 1 of 301 rows (gatelab datasets show 2 says which), so after those rows it is not the row's position in the file");
    expect(rowNumberWords(dropped, 'app')).toBe("row is the 1-based position (as Preview numbers it) among the 300 rows the lab imported; the import dropped 1 of 301 rows (the dataset in Datasets says which), so after those rows it is not the row's position in the file");
    expect(rowNumberWords({ ...dropped, droppedLines: 'lines 3, 7–9' }, 'cli')).toMatch(/dropped 1 of 301 rows \(file lines 3, 7–9\), so after/);
    expect(rowNumberWords({ ...dropped, dropped: 0, summaryRow: true }, 'app')).toMatch(/lab imported; it skipped a summary row \(the dataset in Datasets names it\), so after/);
  });

  it('checks the facts as a reply carries them', () => {
    expect(RowNumbering.parse(csv)).toEqual(csv);
    expect(() => RowNumbering.parse({ kind: 'times', times: -1, timeColumn: 'week' })).toThrow();
  });

  it('numbers a pivoted run\'s times in each face\'s base', () => {
    const times = { kind: 'times' as const, times: 1_200, timeColumn: 'week' };
    expect(rowNumberWords(times, 'cli')).toBe("row is the 0-based index of a time among the 1,200 distinct 'week' times of the pivoted file, in time order");
    expect(rowNumberWords(times, 'app')).toMatch(/^row is the 1-based index of a time among the 1,200 distinct 'week' times/);
  });
});
