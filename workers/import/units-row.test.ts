// A units row under the header (`date,HUFL,HULL,OT` then `,kW,kW,degC`, the audit's f_tworow.csv) is
// skipped with a note, so the columns stay numeric and later lines keep their numbers; text in line 2 of
// only some number columns is not skipped but named, with the fix.
import { afterAll, describe, expect, it } from 'vitest';
import { detectUnitsRow } from './units-row';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-units-');
afterAll(cleanup);

const T0 = Date.UTC(2016, 6, 1) / 1000;
const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
const ett = (rows: number) => Array.from({ length: rows }, (_, h) => `${iso(T0 + h * 3600)},${(5 + Math.sin(h)).toFixed(3)},${(2 + Math.cos(h)).toFixed(3)},${(30 - h / 10).toFixed(2)}`);

describe('a units row under the header', () => {
  it('is skipped with a note; the columns are numbers and the rows are the data rows only', async () => {
    const rows = ett(50);
    const r = await load(`date,HUFL,HULL,OT\n,kW,kW,degC\n${rows.join('\n')}\n`);
    expect(r.result.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['date:datetime', 'HUFL:float', 'HULL:float', 'OT:float']);
    expect(r.result.rows).toBe(50);
    expect(r.col('date')[0]).toBe(T0);
    expect(r.col('OT')[49]).toBe(Math.fround(25.1));
    expect(r.issues.note).toMatchObject({ severity: 'info', message: 'line 2 looks like a units row (kW, kW, degC): skipped; it is not data' });
    expect(r.issues['missing:date']).toBeUndefined(); // the empty cell above the dates was not read as a row
  });

  it('later errors keep the lines of the file (the units row counts)', async () => {
    const rows = ett(10);
    rows[4] = rows[4].replace(/,[^,]*$/, ',hot'); // data row 5 is line 7
    await expect(load(`date,HUFL,HULL,OT\n,kW,kW,degC\n${rows.join('\n')}\n`, { columnTypes: { OT: 'float' } }))
      .rejects.toMatchObject({ code: 'unparsable', line: 7, message: expect.stringContaining("line 7, column 'OT': 'hot'") });
  });

  it('works with descriptions, symbols and a header guessed from the rows below the units', () => {
    expect(detectUnitsRow([['t', 'speed', 'share'], ['time (UTC)', 'm/s', '%'], ['2020-01-01', '1.5', '0.1'], ['2020-01-02', '2.5', '0.2']])?.skip).toBe(true);
    expect(detectUnitsRow([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']])).toBeNull();
    expect(detectUnitsRow([['name', 'score'], ['alice', '2'], ['bob', '3'], ['carol', '4']])).toBeNull(); // text columns say nothing
  });

  it('an underline of dashes under the header (a text table) is skipped, not read as a row of missing values', async () => {
    const body = Array.from({ length: 30 }, (_, i) => `${(i / 4).toFixed(2).padEnd(6)}${(i * 1.5).toFixed(1).padStart(8)}`);
    const r = await load(`load  value\n----- -------\n${body.join('\n')}\n`);
    expect(r.result.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['load:float', 'value:float']);
    expect(r.result.rows).toBe(30);
    expect(r.col('value')[0]).toBe(0);
    expect(r.result.validation.issues.map((i) => i.message)).toContain('line 2 underlines the header (-----): skipped; it is not data');
    expect(detectUnitsRow([['a', 'b'], ['==', '=='], ['1', '2'], ['3', '4']])?.skip).toBe(true);
    expect(detectUnitsRow([['a', 'b'], ['---', '---'], ['1', '2'], ['3', '4']], false)).toBeNull(); // a dataset read before dashRuns
  });

  it("reads pandas' other missing cells below a units row as the dataset's rules do: missing under pandasMissingCells, text before it", () => {
    const rows = [['load', 'temp'], ['kW', 'degC'], ['1.5', '#NA'], ['-nan', '20.5'], ['2.5', '21.0'], ['3.0', '-nan']];
    expect(detectUnitsRow(rows)?.skip).toBe(true);
    // a dataset imported before the rule read '#NA' and '-nan' as text: its columns were categories, line 2 one of their values
    expect(detectUnitsRow(rows, true, false)).toBeNull();
  });

  it('a first data row with bad values is data, not a units row: it is named, never dropped quietly', () => {
    const below = [['2', '20.5', '40'], ['3', '21.0', '41'], ['4', '21.5', '42']];
    // a logger error on its first reading: the id is a number, so line 2 is a row of data with bad values
    expect(detectUnitsRow([['id', 'temp', 'humidity'], ['1', 'ERR', 'ERR'], ...below])?.skip).toBe(false);
    // one odd word in the only number column
    expect(detectUnitsRow([['city', 'temp'], ['Paris', 'OL'], ['Lyon', '12'], ['Nice', '15'], ['Lille', '9']])?.skip).toBe(false);
    expect(detectUnitsRow([['name', 'score'], ['alice', 'absent'], ['bob', '3'], ['carol', '4'], ['dan', '5']])?.skip).toBe(false);
  });

  it('text in line 2 of a few number columns is not skipped: a note names line 2, the columns and the fix', async () => {
    const r = await load('a,b,c\n1,kW,2\n3,4,5\n6,7,8\n');
    expect(r.result.rows).toBe(3);
    expect(r.type('b')).toBe('categorical');
    expect(r.issues.note.message).toBe("line 2 has text (kW) in column 'b' whose other rows are numbers or dates, so it is read as categories. If line 2 is a units or description row, delete it from the file and import again; if it is a bad value, set the type (--types b=float) with --on-invalid drop");
  });

  it('a file without a header, or read with --header no, has no units row', async () => {
    const r = await load('1,kW,kW\n2,3,4\n5,6,7\n8,9,10\n', { header: false });
    expect(r.result.rows).toBe(4);
    expect(r.issues.note).toBeUndefined();
  });
});
