// Whether --date-order could change how a file reads: only slashed dates in what the importer samples do.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mayHoldSlashedDates } from './slashed-dates';

const dir = mkdtempSync(join(tmpdir(), 'gatelab-slashed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };
const csv = { format: 'csv', encoding: 'utf-8' };
const days = (f: (i: number) => string, n = 30) => `date,v\n${Array.from({ length: n }, (_, i) => `${f(i)},${i}`).join('\n')}\n`;
const iso = days((i) => `2016-07-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`);
const slashed = days((i) => `${String(1 + (i % 28)).padStart(2, '0')}/07/2016`);

describe('mayHoldSlashedDates', () => {
  it('ISO dates, epoch times and plain numbers: no; slashed dates: yes (CSV, gzip, UTF-16, JSON Lines with escaped slashes)', async () => {
    expect(await mayHoldSlashedDates(file('iso.csv', iso), csv)).toBe(false);
    expect(await mayHoldSlashedDates(file('epoch.csv', days((i) => String(1467331200 + 3600 * i))), csv)).toBe(false);
    expect(await mayHoldSlashedDates(file('slashed.csv', slashed), csv)).toBe(true);
    expect(await mayHoldSlashedDates(file('iso.csv.gz', gzipSync(iso)), csv)).toBe(false);
    expect(await mayHoldSlashedDates(file('slashed.csv.gz', gzipSync(slashed)), csv)).toBe(true);
    expect(await mayHoldSlashedDates(file('utf16.csv', Buffer.from(`\ufeff${slashed}`, 'utf16le')), { format: 'csv', encoding: 'utf-16le' })).toBe(true);
    expect(await mayHoldSlashedDates(file('escaped.jsonl', '{"when":"01\\/07\\/2016","v":1}\n'), { format: 'jsonl', encoding: 'utf-8' })).toBe(true);
    expect(await mayHoldSlashedDates(file('path.csv', 'file,v\na/b,1\n'), csv)).toBe(false); // a slash between letters is no date
  });

  it('a GB18030 file: its four-byte characters (second and fourth bytes digits) before a slash are no date', async () => {
    const bytes = Buffer.concat([Buffer.from('name,v\n'), Buffer.from([0x81, 0x30, 0x81, 0x39]), Buffer.from('/1,2\n')]);
    expect(await mayHoldSlashedDates(file('gb.csv', bytes), { format: 'csv', encoding: 'gb18030' })).toBe(false);
    expect(await mayHoldSlashedDates(file('gb.csv', bytes), csv)).toBe(true); // read byte by byte: '9/1'
  });

  it('a slashed date beyond what the importer samples (1 MB and 1,000 rows) cannot have set a format: no', async () => {
    const head = days((i) => `2016-07-01 ${String(i % 24).padStart(2, '0')}:00:00`, 60_000); // ~1.6 MB, 60,000 rows
    expect(await mayHoldSlashedDates(file('late.csv', `${head}01/07/2016,1\n`), csv)).toBe(false);
    expect(await mayHoldSlashedDates(file('early.csv', `date,v\n01/07/2016,1\n${head}`), csv)).toBe(true);
  });

  it('Parquet and Arrow cannot be told (may), .npy holds no dates, an unreadable file may', async () => {
    expect(await mayHoldSlashedDates(file('x.parquet', 'PAR1'), { format: 'parquet', encoding: null })).toBe(true);
    expect(await mayHoldSlashedDates(file('x.npy', 'x'), { format: 'npy', encoding: null })).toBe(false);
    expect(await mayHoldSlashedDates(join(dir, 'gone.csv'), csv)).toBe(true);
  });
});
