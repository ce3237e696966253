// -9999 and the like in a number column (the Jena climate file's wind speed): a warning naming the code, its
// count and first line, with the pandas line that empties those cells; values inside the column's range, or
// a column without such codes, get none, and the values are kept as read.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-codes-');
afterAll(cleanup);

const rows = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => `2009-01-01 ${String(Math.floor(i / 6)).padStart(2, '0')}:${i % 6}0,${cell(i)}`).join('\n');
const codeIssue = (r: Awaited<ReturnType<typeof load>>) => r.result.validation.issues.find((i) => i.kind === 'note' && i.severity === 'warning' && /code/.test(i.message));

describe('codes for a missing reading', () => {
  it('warns about -9999 far outside a column, with its count, first line and the pandas line; the values stay', async () => {
    const r = await load(`date,wv (m/s)\n${rows(100, (i) => (i === 40 || i === 77 ? '-9999.00' : (1 + (i % 20) / 10).toFixed(2)))}\n`, {}, 'jena.csv');
    const issue = codeIssue(r)!;
    expect(issue).toMatchObject({ column: 'wv (m/s)', count: 2, examples: [{ line: 42, column: 'wv (m/s)', value: '-9999' }] });
    expect(issue.message).toContain("column 'wv (m/s)': 2 values are -9999, far outside its other values (1 .. 2.9)");
    expect(issue.message).toContain("pd.read_csv('jena.csv', na_values=[-9999]).to_csv('jena_fixed.csv', index=False)");
    expect(r.col('wv (m/s)')[40]).toBe(-9999);
  });

  it('names each of several codes with its first line, and reads a decimal-comma file in the pandas line', async () => {
    const body = Array.from({ length: 60 }, (_, i) => `${i};${i === 5 ? '-999' : i === 9 ? '9999' : `${20 + (i % 7)},5`}`).join('\n');
    const issue = codeIssue(await load(`n;T\n${body}\n`, {}, 'w.csv'))!;
    expect(issue.message).toContain("column 'T': 1 value is -999 (first at line 7), 1 value is 9999 (first at line 11), far outside its other values (20.5 .. 26.5): codes");
    expect(issue.message).toContain("pd.read_csv('w.csv', sep=None, engine='python', decimal=',', na_values=[-999, 9999])");
    // JSON Lines is no CSV: no pandas read_csv line
    const jsonl = codeIssue(await load(Array.from({ length: 30 }, (_, i) => JSON.stringify({ t: i, v: i === 3 ? -9999 : i / 10 })).join('\n'), {}, 'jsonl'))!;
    expect(jsonl.message).toContain('empty those cells and import the file again (null in JSON, a missing value in Parquet or Arrow)');
  });

  it('finds codes with a decimal part, which a float column stores rounded to single precision (-999.9 as -999.9000244…)', async () => {
    // a ';' weather file with decimal commas: '-999,9' for a failed temperature reading, named as written
    const body = Array.from({ length: 60 }, (_, i) => `${i};${i === 5 || i === 6 ? '-999,9' : `${8 + (i % 7)},${i % 10}`}`).join('\n');
    const issue = codeIssue(await load(`n;Temperatur\n${body}\n`, {}, 'station.csv'))!;
    expect(issue).toMatchObject({ column: 'Temperatur', count: 2, examples: [{ line: 7, value: '-999.9' }] });
    expect(issue.message).toContain("column 'Temperatur': 2 values are -999.9, far outside its other values");
    expect(issue.message).toContain("decimal=',', na_values=[-999.9])");
    const dot = codeIssue(await load(`date,rh\n${rows(50, (i) => (i === 3 ? '99.99' : (40 + (i % 9) / 10).toFixed(1)))}\n`))!;
    expect(dot.message).toContain("1 value is 99.99, far outside its other values (40 .. 40.8)");
  });

  it('repeats in the pandas line the title lines skipped, a legacy encoding and a missing header, so it reads the file as the import did', async () => {
    const body = rows(100, (i) => (i === 40 || i === 77 ? '-9999' : (1 + (i % 20) / 10).toFixed(2)));
    const cp1252 = Buffer.from(`Station: Jena,,\nLogger 7,,\ndate,wv,place\n${body.replaceAll('\n', ',Caf\u00e9\n')},Caf\u00e9\n`, 'latin1');
    expect(codeIssue(await load(cp1252, {}, 'jena.csv'))!.message)
      .toContain("pd.read_csv('jena.csv', na_values=[-9999], skiprows=2, encoding='cp1252').to_csv('jena_fixed.csv', index=False)");
    const headerless = codeIssue(await load(`${body.replaceAll(',', '\t')}\n`, {}, 'raw.tsv'))!;
    expect(headerless.message).toContain("pd.read_csv('raw.tsv', sep=None, engine='python', na_values=[-9999], header=None).to_csv('raw_fixed.csv', index=False, header=False)");
    // a '|' separated .csv: pandas' default ',' would read one column, so the separator is sniffed
    const piped = codeIssue(await load(`date|wv\n${body.replaceAll(',', '|')}\n`, {}, 'piped.csv'))!;
    expect(piped.message).toContain("pd.read_csv('piped.csv', sep=None, engine='python', na_values=[-9999])");
  });

  it("warns about UCI Air Quality's -200 when it repeats below readings that are never negative, or 2 spans below the others", async () => {
    // sensor responses 700..1300: -200 is under one span below them, but no response is negative
    const sensor = Array.from({ length: 80 }, (_, i) => `${i};${i % 9 === 4 ? '-200' : String(700 + ((i * 37) % 600))};${i % 11 === 3 ? '-200' : `${(i % 50) - 2},${i % 10}`}`).join('\n');
    const r = await load(`n;PT08.S1(CO);T\n${sensor}\n`, {}, 'AirQualityUCI.csv');
    const issues = r.result.validation.issues.filter((i) => i.kind === 'note' && i.severity === 'warning' && /code/.test(i.message));
    // both columns in one warning on the file
    expect(issues.map((i) => i.column)).toEqual([null]);
    expect(issues[0].message).toContain("'PT08.S1(CO)': 9 values are -200 (its other values 700 .. 1292)");
    expect(issues[0].message).toContain("pd.read_csv('AirQualityUCI.csv', sep=None, engine='python', decimal=',', na_values=[-200])");
    // temperatures -2..47.9 (negative ones too): -200 lies more than 2 spans (but under 5) below them
    expect(issues[0].message).toContain("'T': 7 values are -200 (its other values -2 .. 47.9)");
    expect(r.col('PT08.S1(CO)')[4]).toBe(-200);
    // NMHC(GT): -200 in most rows, beside readings that vary
    const mostly = codeIssue(await load(`n;NMHC(GT)\n${Array.from({ length: 100 }, (_, i) => `${i};${i % 10 < 8 ? '-200' : String(90 + i)}`).join('\n')}\n`))!;
    expect(mostly.message).toContain("column 'NMHC(GT)': 80 values are -200, far outside its other values (98 .. 189)");
  });

  it("gives one warning for Air Quality's -200 in nine sensor columns: each column with its count, the pandas line once", async () => {
    // ';' separated, decimal commas, -200 for a failed reading in nine columns (as in UCI's AirQualityUCI.csv)
    const sensors = ['CO(GT)', 'PT08.S1(CO)', 'NMHC(GT)', 'C6H6(GT)', 'PT08.S2(NMHC)', 'NOx(GT)', 'PT08.S3(NOx)', 'NO2(GT)', 'PT08.S4(NO2)'];
    const line = (i: number) => [String(i), ...sensors.map((_, c) => (i % (c + 5) === 2 ? '-200' : `${800 + ((i * (c + 3)) % 400)},${i % 10}`))].join(';');
    const r = await load(`n;${sensors.join(';')}\n${Array.from({ length: 120 }, (_, i) => line(i)).join('\n')}\n`, {}, 'AirQualityUCI.csv');
    const issues = r.result.validation.issues.filter((i) => i.kind === 'note' && i.severity === 'warning' && /code/.test(i.message));
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    const counts = sensors.map((_, c) => Array.from({ length: 120 }, (__, i) => i).filter((i) => i % (c + 5) === 2).length);
    expect(issue).toMatchObject({ column: null, count: counts.reduce((a, b) => a + b, 0) });
    expect(issue.message.startsWith('9 columns have codes for a missing reading far outside their other values')).toBe(true);
    sensors.forEach((name, c) => expect(issue.message).toContain(`'${name}': ${counts[c]} values are -200 (its other values `));
    const pandas = "pd.read_csv('AirQualityUCI.csv', sep=None, engine='python', decimal=',', na_values=[-200]).to_csv('AirQualityUCI_fixed.csv', index=False)";
    expect(issue.message.split(pandas)).toHaveLength(2); // the command once
    expect(issue.examples.slice(0, 2)).toEqual([{ line: 4, column: 'CO(GT)', value: '-200' }, { line: 4, column: 'PT08.S1(CO)', value: '-200' }]);
    expect(r.col('NOx(GT)')[2]).toBe(-200);
  });

  it('leaves alone a code inside the range, a column made of it, and the time column', async () => {
    // 9999 among prices of 0..20000 is a price; a column mostly -9999 is no code for a few missing readings
    expect(codeIssue(await load(`date,price\n${rows(50, (i) => String(i === 3 ? 9999 : i * 400))}\n`))).toBeUndefined();
    expect(codeIssue(await load(`date,x\n${rows(50, (i) => (i < 40 ? '-9999' : '1'))}\n`))).toBeUndefined();
    expect(codeIssue(await load(`date,x\n${rows(50, (i) => (i === 3 ? '-99' : String(10 + (i % 40))))}\n`))).toBeUndefined();
    // repeated, but less than 2 spans below readings that go negative themselves: a reading, not a code
    expect(codeIssue(await load(`date,x\n${rows(50, (i) => (i % 20 === 3 ? '-200' : String((i % 40) * 5 - 100)))}\n`))).toBeUndefined();
  });
});
