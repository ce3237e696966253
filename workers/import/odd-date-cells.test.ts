// A sensor log whose 'Timestamp' has one odd cell among day-first dates: sniffed, the column stays text and
// the import says why (it used to say nothing); typed datetime, it reads the form most cells take, so the odd
// cell is the one bad value (it used to fall back to ISO and drop every other row).
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-odd-dates-');
afterAll(cleanup);

/** `n` rows of 15-minute readings from 01/03/2024 00:00, written day first; row `at` gets `odd` as its time. */
function sensorLog(n: number, at: number, odd: string): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  const rows = Array.from({ length: n }, (_, i) => {
    const t = new Date(Date.UTC(2024, 2, 1) + i * 15 * 60_000);
    const when = i === at ? odd : `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    return `${when},${(10 + Math.sin(i / 8)).toFixed(2)}`;
  });
  return `Timestamp,Temp_C\n${rows.join('\n')}\n`;
}

describe('a date column with a few odd cells', () => {
  it('sniffed: stays text with a warning naming the odd cell and how to keep the column a time', async () => {
    const r = await load(sensorLog(300, 120, '31/02/2024 10:00'));
    expect(r.type('Timestamp')).toBe('text');
    const warning = r.issues['note:Timestamp'];
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toBe("column 'Timestamp' is dates (such as '01/03/2024 00:00') except the value '31/02/2024 10:00', so it is read as text, "
      + 'and forecasting cannot use it as its time column. Correct it in the file and import it again, or set the type (--types Timestamp=datetime) '
      + 'with --on-invalid drop (its row is left out)');
    // drop leaves out the rows with a missing number too: said where the file has some
    const gaps = await load(sensorLog(300, 120, '31/02/2024 10:00').replace('\n01/03/2024 00:15,10.12\n', '\n01/03/2024 00:15,\n'));
    expect(gaps.issues['note:Timestamp']?.message).toMatch(/--on-invalid drop \(its row is left out, and so is every row with a missing number\)$/);
    const word = await load(sensorLog(300, 7, 'unknown'));
    expect(word.issues['note:Timestamp']?.message).toContain("except the value 'unknown', so it is read as text");
    // after the sniffed sample the `retyped` warning names the cell and its line: not said twice
    const late = await load(sensorLog(1500, 1400, 'unknown'));
    expect(late.issues['retyped:Timestamp']?.message).toContain("line 1402 has 'unknown'");
    expect(late.result.validation.issues.filter((i) => i.column === 'Timestamp' && i.kind === 'note' && i.severity === 'warning')).toEqual([]);
  });

  it('the advice works: typed datetime, the form most cells take is read and only the odd row is dropped', async () => {
    for (const odd of ['31/02/2024 10:00', '2024-03-04 03:00']) {
      const r = await load(sensorLog(300, 120, odd), { columnTypes: { Timestamp: 'datetime' }, onInvalid: 'drop' });
      expect(r.result.rows).toBe(299);
      expect(r.col('Timestamp')[0]).toBe(Date.UTC(2024, 2, 1) / 1000);
      expect(r.col('Timestamp')[100]).toBe(Date.UTC(2024, 2, 2, 1) / 1000); // 02/03 read as 2 March: day first
    }
  });

  it('a text column that is not dates, or dates in one form, gets no such warning', async () => {
    const notes = await load(`id,comment\n${Array.from({ length: 60 }, (_, i) => `${i},checked on ${i % 7 === 0 ? '01/03/2024' : 'site'} ${i}`).join('\n')}\n`);
    expect(notes.issues['note:comment']).toBeUndefined();
    const clean = await load(sensorLog(300, -1, ''));
    expect(clean.type('Timestamp')).toBe('datetime');
    expect(clean.result.validation.issues.filter((i) => i.column === 'Timestamp' && i.severity === 'warning')).toEqual([]);
  });
});
