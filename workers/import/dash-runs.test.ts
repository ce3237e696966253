// Dashes alone ('--', '---', '----'), as Davis WeatherLink writes a missing reading, are missing values in a
// number column, as '-' is, and the import's notes count them; in a category column they stay categories (as
// in pandas), with a note. A dataset imported before the rule (parseRules without dashRuns) reads them as it did.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { inferKind } from './infer';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-dash-runs-');
afterAll(cleanup);

const notes = (r: Awaited<ReturnType<typeof load>>) => Object.fromEntries(r.result.validation.issues.filter((i) => i.kind === 'note').map((i) => [i.column, i]));

const WEATHER = 'Date,Time,Temp Out,Hum Out,Wind Dir\n'
  + '01/01/20,00:00,1.5,80,NNW\n01/01/20,00:30,---,81,---\n01/01/20,01:00,2.5, -- ,N\n'
  + '01/01/20,01:30,3.0,82,NE\n01/01/20,02:00,----,83,N\n01/01/20,02:30,---,84,NW\n';

describe('dash runs', () => {
  it('are missing values in a number column, counted in the missing count and in a note that says how they were read', async () => {
    const r = await load(WEATHER);
    expect(r.type('Temp Out')).toBe('float');
    expect(r.col('Temp Out')).toEqual([1.5, NaN, 2.5, 3, NaN, NaN]);
    expect(r.type('Hum Out')).toBe('int');
    expect(r.col('Hum Out')).toEqual([80, 81, NaN, 82, 83, 84]);
    expect(r.result.columns.find((c) => c.name === 'Temp Out')!.stats.missing).toBe(3);
    const n = notes(r);
    expect(n['Temp Out']).toMatchObject({ count: 3, message: expect.stringContaining("column 'Temp Out': 3 cells '---' or '----' read as missing values (in a number column only") });
    expect(n['Temp Out'].message).toContain("Davis WeatherLink) write a missing reading; pandas reads them so with na_values=['---', '----']");
    expect(n['Hum Out']).toMatchObject({ count: 1, message: expect.stringContaining("column 'Hum Out': 1 cell '--' read as a missing value") });
    expect(r.issues['missing:Temp Out']?.message).toBe("column 'Temp Out': 3 missing values");
  });

  it("stay categories in a category column, as in pandas, with the note that says so", async () => {
    const r = await load(WEATHER);
    expect(r.col('Wind Dir')).toEqual(['NNW', '---', 'N', 'NE', 'N', 'NW']);
    expect(notes(r)['Wind Dir'].message).toBe("column 'Wind Dir': '---' (1 rows) kept as a category, as pandas does (only number columns read '-', '?' and dashes alone such as '---' as missing). If they mean \"unknown\", the model learns them as one more value");
  });

  it("are counted beside '-' and '?' in one note, also in a column typed float (not bad values there)", async () => {
    const r = await load('x,y\n1,a\n-,b\n---,c\n?,d\n4,e\n', { columnTypes: { x: 'float' } });
    expect(r.col('x')).toEqual([1, NaN, NaN, NaN, 4]);
    expect(notes(r).x).toMatchObject({ count: 3, message: expect.stringMatching(/^column 'x': 2 cells '-' or '\?' and 1 cell '---' read as missing values \(/) });
  });

  it('name three spellings and say when there were more', async () => {
    const r = await load('x\n1\n--\n---\n----\n-----\n2\n');
    expect(notes(r).x.message).toMatch(/4 cells '--' or '---' or '----' or other runs of dashes read as missing values .*na_values=\['--', '---', '----', …\]/);
  });

  it('are missing in decimal-comma and formatted number columns too (the sniffers skip them like empty cells)', async () => {
    const semi = await load('Zeit;Temp;Preis\n2020-01-01;1,5;1.234,50 €\n2020-01-02;---;---\n2020-01-03;2,25;2.000,00 €\n');
    expect(semi.col('Temp')).toEqual([1.5, NaN, 2.25]);
    expect(semi.col('Preis')).toEqual([1234.5, NaN, 2000]);
  });

  it('a sample of dash runs alone is text, as an all-empty one is; dashes with other characters are not missing', async () => {
    expect(inferKind('t', ['---', '--']).kind).toBe('string');
    expect(inferKind('t', ['1', '---', '2']).kind).toBe('number');
    expect(inferKind('t', ['1', '--5', '2']).kind).toBe('string');
    expect(inferKind('t', ['1', '- -', '2']).kind).toBe('string');
    const r = await load('x\n1\n2\n3\n-- x\n');
    expect(r.type('x')).toBe('categorical');
  });

  it('let a units row above a column with them be found', async () => {
    const r = await load('time,temp,hum\n,degC,%\n2020-01-01 00:00,1.5,80\n2020-01-01 00:30,---,81\n2020-01-01 01:00,2.5,---\n2020-01-01 01:30,3.5,82\n');
    expect(r.result.rows).toBe(4);
    expect(r.type('temp')).toBe('float');
    expect(r.type('hum')).toBe('int');
  });

  it('a dataset imported before the rule reads them as it did: the column is text', async () => {
    const before = { parseRules: parseRulesWith((rule) => rule !== 'dashRuns') } as ImportOptions;
    const r = await load(WEATHER, before);
    expect(r.type('Temp Out')).toBe('categorical');
    expect(r.col('Temp Out')).toEqual(['1.5', '---', '2.5', '3.0', '----', '---']);
    const semi = await load('Zeit;Temp\n2020-01-01;1,5\n2020-01-02;---\n2020-01-03;2,25\n', before);
    expect(semi.type('Temp')).toBe('categorical');
    // typed float by the user, a dash run is a bad value there as it was
    await expect(load('x\n1\n---\n2\n', { ...before, columnTypes: { x: 'float' } })).rejects.toThrow(/line 3.*'---'/);
  });
});
