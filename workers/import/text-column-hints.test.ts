// Columns the sample typed as text that are nearly numbers or dates: the import says what they are and what
// to do, and a note about line 2 that a later type choice made false is taken back.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-text-hints-');
afterAll(cleanup);

/** A meter export: a units row under the header, 'ERR' where the logger failed, hourly from 2022-05-01. */
function meter(rows: number, errLines: number[]): string {
  const out = ['time,load,pv', ',kW,kW'];
  for (let i = 0; i < rows; i++) {
    const line = i + 3;
    const time = new Date(Date.UTC(2022, 4, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    out.push(`${time},${errLines.includes(line) ? 'ERR' : (30 + Math.sin(i / 5) * 8).toFixed(2)},${(Math.max(0, Math.sin(i / 4)) * 9).toFixed(2)}`);
  }
  return `${out.join('\n')}\n`;
}

describe("dates with two-digit years that do not read one way", () => {
  // Excel's short dates that do read one way are dates (two-digit-years.test.ts); these stay text, warned
  it('year first reads more regularly (20/12/29, 20/12/30, …): text, and a warning says why and how to save them readable', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const t = new Date(Date.UTC(2020, 11, 1) + i * 86_400_000);
      const p = (x: number) => String(x).padStart(2, '0');
      return `${p(t.getUTCFullYear() % 100)}/${p(t.getUTCMonth() + 1)}/${p(t.getUTCDate())};${i % 7},5`;
    });
    const r = await load(`Datum;Wert\n${rows.join('\n')}\n`);
    expect(r.type('Datum')).toBe('categorical');
    expect(r.issues['note:Datum']).toMatchObject({ severity: 'warning', count: 60 });
    expect(r.issues['note:Datum'].message).toBe("column 'Datum' holds dates with two-digit years (such as '20/12/01', Excel's short date format) that do not read one way: read year first (YY/MM/DD), they step more regularly than day or month first, so which is meant cannot be told. So it is text, and forecasting cannot use it as its time column. "
      + 'Save the file with four-digit years (in Excel, format the column as dd.mm.yyyy hh:mm, or TT.MM.JJJJ hh:mm in German, then save as CSV) and import it again');
  });

  it("written with '-' (25-12-20: year first or last?), or day first in some rows and month first in others: text, each with its reason", async () => {
    const dashed = await load(`d,v\n${Array.from({ length: 30 }, (_, i) => `${String(i + 1).padStart(2, '0')}-12-20,${i}`).join('\n')}\n`);
    expect(dashed.type('d')).toBe('categorical');
    expect(dashed.issues['note:d'].message).toContain("that do not read one way: written with '-', they could be year first (YY-MM-DD) as well as day or month first. So it is text");
    const mixed = await load('d,v\n13/01/20,1\n01/14/20,2\n15/01/20,3\n01/16/20,4\n');
    expect(mixed.type('d')).toBe('categorical');
    expect(mixed.issues['note:d'].message).toContain('that do not read one way: they do not all read in one order: some only day first, others only month first');
  });

  it('a column of version numbers or codes like 1.2.3 is not called dates', async () => {
    const r = await load(`version,n\n${Array.from({ length: 30 }, (_, i) => `${i % 3}.${i}.7${i % 10},${i}`).join('\n')}\n`);
    expect(r.issues['note:version']).toBeUndefined();
  });
});

describe("numbers with a few marks like 'ERR' among them", () => {
  it("name the marks the units note does not, with the --types/--on-invalid way out", async () => {
    const r = await load(meter(60, [20, 33, 41]));
    expect(r.type('load')).toBe('categorical');
    expect(r.issues['note:load']).toMatchObject({ severity: 'warning', count: 2 });
    expect(r.issues['note:load'].message).toBe("column 'load' is numbers except 2 values 'kW', 'ERR', so it is read as categories and a model learns them as levels beside the numbers. "
      + 'If they mark bad or missing readings, set the type (--types load=float) with --on-invalid drop (their rows are left out) or --on-invalid impute (filled with the column mean)');
    // pv's only word is line 2's unit, which the units note names already
    expect(r.issues['note:pv']).toBeUndefined();
    expect(r.issues.note.message).toMatch(/^line 2 has text \(kW\) in column 'pv' whose other rows are numbers or dates, so it is read as categories/);
  });

  it('once the columns are typed as numbers, the note that line 2 makes them categories goes, and every dropped line is named', async () => {
    const r = await load(meter(60, [20, 33, 41]), { columnTypes: { load: 'float', pv: 'float' }, onInvalid: 'drop' });
    expect(r.type('pv')).toBe('float');
    expect(r.result.validation.issues.filter((i) => /read as categories/.test(i.message))).toEqual([]);
    expect(r.issues.dropped_rows.message).toBe("4 of 61 rows dropped (policy 'drop'): lines 2, 20, 33, 41");
  });

  it('more than 10 kinds of marks among many more numbers: still said, quoting the first 10 and counting the rest', async () => {
    // 300 readings, every 20th an error code of its own ('E1' … 'E15'): 15 marks among 300 distinct values
    const rows = Array.from({ length: 300 }, (_, i) => `${i},${i % 20 === 7 ? `E${(i - 7) / 20 + 1}` : (100 + i * 0.37).toFixed(2)}`);
    const r = await load(`id,load\n${rows.join('\n')}\n`);
    expect(r.type('load')).toBe('categorical');
    expect(r.issues['note:load']).toMatchObject({ severity: 'warning', count: 15 });
    expect(r.issues['note:load'].message).toMatch(/^column 'load' is numbers except 15 values 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10' and 5 more, so it is read as categories/);
    // a short list of codes mixing words and digits is categories, said nothing about
    const codes = await load(`id,grade\n${Array.from({ length: 40 }, (_, i) => `${i},${['A', 'B', 'C', '1', '2', '3'][i % 6]}`).join('\n')}\n`);
    expect(codes.issues['note:grade']).toBeUndefined();
  });

  it("French amounts grouped by narrow no-break spaces, and accounting negatives, are numbers beside the marks", async () => {
    // an 'ERR' in the sample keeps the column text; its other values are numbers however they group thousands
    const rows = Array.from({ length: 60 }, (_, i) => `${i};${i === 3 ? 'ERR' : i % 4 ? `${1 + i}\u202f${String(100 + i).padStart(3, '0')},50` : `(${i},25)`}`);
    const r = await load(`id;montant\n${rows.join('\n')}\n`);
    expect(['categorical', 'text']).toContain(r.type('montant'));
    expect(r.issues['note:montant'].message).toMatch(/^column 'montant' is numbers except the value 'ERR'/);
  });

  it('a column of words with a few numbers, or many kinds of words, gets no such note', async () => {
    const words = await load(`city,n\n${Array.from({ length: 40 }, (_, i) => `${['Paris', 'Lyon', 'Nice', '75'][i % 4]},${i}`).join('\n')}\n`);
    expect(words.issues['note:city']).toBeUndefined();
  });
});

describe('keys among numbers: ISBNs with a check digit X, columns named like an id or code', () => {
  /** ISBN-10s, every 11th ending in the check digit 'X', some with a leading zero ('0195153448'). */
  const isbns = Array.from({ length: 60 }, (_, i) => (i % 11 === 4 ? `${String(34545104 + i).padStart(9, '0')}X` : String(195153448 + i * 7919).padStart(10, '0')));

  it("ISBNs with a trailing 'X' are categorical keys with an info note, never the advice to type them float and drop the X ones", async () => {
    const r = await load(`ref,rating\n${isbns.map((x, i) => `${x},${1 + (i % 5)}`).join('\n')}\n`);
    expect(r.type('ref')).toBe('categorical');
    expect(r.col('ref')).toContain('034545108X');
    expect(r.issues['note:ref']).toMatchObject({ severity: 'info', count: 6 });
    expect(r.issues['note:ref'].message).toBe("column 'ref' holds codes of digits, 6 of them ending in a check digit 'X' (such as '034545108X', as ISBNs are written), so it is read as categorical keys");
    expect(r.result.validation.issues.map((i) => i.message).join('\n')).not.toMatch(/--on-invalid|--types/);
  });

  it('a column named like an id or code (isbn, sku, item_id, zip_code) gets the info note whatever its odd values are', async () => {
    for (const name of ['isbn', 'sku', 'item_id', 'zip_code']) {
      const r = await load(`${name},n\n${Array.from({ length: 60 }, (_, i) => `${i === 9 ? 'A-17' : 5000 + i * 3},${i}`).join('\n')}\n`);
      expect(r.issues[`note:${name}`]).toMatchObject({ severity: 'info', count: 1 });
      expect(r.issues[`note:${name}`].message).toBe(`column '${name}' is named like an id or code, so its values, numbers and others (such as 'A-17'), are read as categorical keys`);
    }
  });

  it("an 'X' value of another length than the numbers, in a column not named as keys, is still a mark to warn about", async () => {
    const r = await load(`reading,n\n${Array.from({ length: 60 }, (_, i) => `${i === 9 ? '12X' : 5000 + i * 3},${i}`).join('\n')}\n`);
    expect(r.issues['note:reading']).toMatchObject({ severity: 'warning', count: 1 });
    expect(r.issues['note:reading'].message).toMatch(/^column 'reading' is numbers except the value '12X'.*--types reading=float/);
  });
});
