// Title lines above a delimited table (a weather station's name, a report title) are skipped with a note, so
// the header below them names the columns; a header one name short of its rows (R's write.table) and a
// dataset imported before the rule are read as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type DatasetCacheMeta, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-titles-');
afterAll(cleanup);
const meta = (dir: string) => JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as DatasetCacheMeta;
const table = (n: number) => Array.from({ length: n }, (_, i) => `0${1 + Math.floor(i / 24)}.03.2024 ${String(i % 24).padStart(2, '0')}:00;${(8 + (i % 7) / 2).toFixed(1).replace('.', ',')};${70 + (i % 9)};`).join('\r\n');
const HEADER = 'Datum/Zeit;Temperatur [°C];rel. Feuchte [%];';

describe('title lines above the table', () => {
  it("a station's name line above a ';' table: skipped with a note, the header names the columns, line numbers stay the file's", async () => {
    const r = await load(`Station: Musterstadt;;\r\n${HEADER}\r\n${table(48)}\r\n`);
    expect(r.result).toMatchObject({ delimiter: ';', hasHeader: true, rows: 48 });
    expect(r.type('Datum/Zeit')).toBe('datetime');
    expect(r.col('Temperatur [°C]')[1]).toBe(8.5);
    expect(r.issues.note.message).toBe("line 1 ('Station: Musterstadt') has fewer fields than the 4 columns of the table below: a title line above the table, skipped; not data. "
      + 'If it is a row of the table, give it all 4 fields in the file and import it again');
    expect(meta(r.dir).source.preambleLines).toBe(1);
    // a bad row further down is named by its line in the file (title line 1, header line 2, rows from line 3)
    await expect(load(`Station: Musterstadt;;\n${HEADER}\n${table(48).replaceAll('\r', '').split('\n').map((l, i) => (i === 40 ? 'x;1' : l)).join('\n')}\n`))
      .rejects.toThrow(/line 43: expected 4 fields \(as in the header\), found 2/);
  });

  it('several title lines with a blank line after them (a report head)', async () => {
    const r = await load(`Energy report\nSite: Plant 7,,\n\ntime,kW,temp\n${Array.from({ length: 30 }, (_, i) => `2024-01-01 ${String(i % 24).padStart(2, '0')}:00,${100 + i},${(i / 3).toFixed(2)}`).join('\n')}\n`);
    expect(r.result).toMatchObject({ delimiter: ',', hasHeader: true, rows: 30 });
    expect(r.result.columns.map((c) => c.name)).toEqual(['time', 'kW', 'temp']);
    expect(r.issues.note.message).toMatch(/^lines 1–3 \('Energy report', …\) have fewer fields than the 3 columns of the table below: title lines above the table, skipped/);
  });

  it("a file without title lines, and a header one name short of its rows (R's write.table), are read as before", async () => {
    const plain = await load(`${HEADER}\n${table(10)}\n`);
    expect(plain.result).toMatchObject({ hasHeader: true, rows: 10 });
    expect(meta(plain.dir).source.preambleLines).toBeUndefined();
    await expect(load(`"x","y"\n"1",0.5,1.5\n"2",0.7,1.1\n"3",0.2,1.9\n`)).rejects.toThrow(/line 1: the header has 2 fields \('x', 'y'\), but all 3 lines read after it \(from line 2\) have 3: the header names 1 field fewer than each data line has \(R's write.table/);
  });

  it("Excel pads the title to the table's width ('Station: Musterstadt;;;' over 4 columns): still a title, not the header", async () => {
    const r = await load(`Station: Musterstadt;;;\r\n${HEADER}\r\n${table(48)}\r\n`);
    expect(r.result.columns.map((c) => c.name).slice(0, 3)).toEqual(['Datum/Zeit', 'Temperatur [°C]', 'rel. Feuchte [%]']);
    expect(r.type('Temperatur [°C]')).toBe('float');
    expect(r.issues.note.message).toMatch(/^line 1 \('Station: Musterstadt'\) has fewer fields than the 4 columns/);
  });

  it('a dataset imported before the rule reads its file as it did (the title as the header)', async () => {
    const old = { parseRules: parseRulesWith((r) => r !== 'titleLines') } as ImportOptions;
    const r = await load(`Station: Musterstadt;;;\n${HEADER}\n${table(10)}\n`, old);
    expect(r.result.columns[0].name).toBe('Station: Musterstadt');
    await expect(load(`Station: Musterstadt\n${HEADER}\n${table(10)}\n`, old)).rejects.toThrow(/line 1: the header has 1 field \('Station: Musterstadt'\), but all 11 lines read after it \(from line 2\) have 4: the header names 3 fields fewer than each data line has \(if line 1 is a title above the table, remove it\)/);
  });
});

describe('not titles', () => {
  it('a header whose quoted name spans two lines, and a short first row of numbers, are read as before', async () => {
    const r = await load(`time,"temp\n(°C)",hum,wind\n${Array.from({ length: 12 }, (_, i) => `2024-01-01 ${String(i).padStart(2, '0')}:00,${i + 0.5},${60 + i},${i % 4}`).join('\n')}\n`);
    expect(r.result.columns.map((c) => c.name)).toEqual(['time', 'temp\n(°C)', 'hum', 'wind']);
    await expect(load(`5;3\n${Array.from({ length: 12 }, (_, i) => `${i};${i + 1};${i + 2}`).join('\n')}\n`)).rejects.toThrow(/line 1 has 2 fields, but all 12 lines read after it \(from line 2\) have 3: if line 1 is a title or a header, remove it or make it name each of the 3 fields\. Fix the row/);
  });
});
