// Epoch numbers under camelCase and PascalCase time names (Amazon reviews' `unixReviewTime`, `createdAt`,
// `eventTime`) are datetimes; words that end in "time" but name durations (`overtime`, `runtime`,
// `runTime`) stay numbers, as do epoch-sized numbers under other names.
import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeTimeName } from './datetime';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-time-names-');
afterAll(cleanup);

describe('camelCase time names', () => {
  it('reads epoch seconds and milliseconds under camelCase and PascalCase time names as datetimes', async () => {
    const names = ['unixReviewTime', 'eventTime', 'createdAt', 'UpdatedAt', 'timeStamp', 'eventTs', 'pickupTime', 'lastSeenAtMs'];
    const seconds = [1408977903, 1400843970, 1407354599];
    const header = names.join(',');
    const rows = seconds.map((s) => names.map((n) => (n.endsWith('Ms') ? s * 1000 : s)).join(','));
    const r = await load(`${header}\n${rows.join('\n')}\n`);
    for (const n of names) expect([n, r.type(n)]).toEqual([n, 'datetime']);
    expect(r.col('unixReviewTime')).toEqual(seconds);
    expect(r.col('lastSeenAtMs')).toEqual(seconds);
  });

  it('keeps durations and other names numeric, even with epoch-sized values', async () => {
    const names = ['overtime', 'runtime', 'lifetime', 'daytime', 'runTime', 'playTime', 'totalRunTime', 'format', 'whatsoever'];
    const r = await load(`${names.join(',')}\n${names.map(() => 1408977903).join(',')}\n${names.map(() => 1400843970).join(',')}\n`);
    for (const n of names) expect([n, r.type(n)]).toEqual([n, 'int']);
    expect(['Flat', 'isFlat', 'chat', 'Overtime'].map(looksLikeTimeName)).toEqual([false, false, false, false]);
  });

  it('an Amazon-style review log: ids, an int rating and unixReviewTime out of order is an event log with notes', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `A${String(i % 7).padStart(6, '0')}X,B${String((i * 13) % 11).padStart(7, '0')},${1 + (i % 5)},${1400000000 + ((i * 7919) % 60) * 86400}`);
    const r = await load(`reviewerID,asin,overall,unixReviewTime\n${rows.join('\n')}\n`);
    expect(r.type('unixReviewTime')).toBe('datetime');
    expect(r.issues['unsorted_time:unixReviewTime'].severity).toBe('info');
  });
});

describe('time names in other languages', () => {
  it('Excel serial dates and times under German, Spanish, French, Italian, Dutch, Polish, Chinese and Japanese names are datetimes', async () => {
    const names = ['Datum', 'zeit', 'ZEITSTEMPEL', 'Fecha', 'Hora', 'Fecha_hora', 'Date/Heure', 'horodatage', 'data', 'ora', 'tijd', 'czas', 'start datum', '日期', '时间', '日付', '時間'];
    const days = [43831, 43832, 43833, 43834];
    const r = await load(`${names.join(',')}\n${days.map((d, i) => names.map((n) => (/hora|heure|ora$|zeit$|tijd|czas|时间|時間/i.test(n) ? (45292 + i / 24).toFixed(6) : String(d))).join(',')).join('\n')}\n`);
    for (const n of names) expect([n, r.type(n)]).toEqual([n, 'datetime']);
    expect(r.col('Datum')).toEqual(days.map((d) => (d - 25569) * 86400)); // 43831 = 2020-01-01
    const hora = r.col('Hora') as number[];
    expect(hora[1] - hora[0]).toBeCloseTo(3600, 3);
  });

  it('compounds and other words stay numbers: a duration (Arbeitszeit), a name ending in the letters only (Kora, Metadata)', async () => {
    const names = ['Arbeitszeit', 'Laufzeit', 'Kora', 'Metadata', 'Cora', 'datum2'];
    const r = await load(`${names.join(',')}\n${[43831, 43832, 43833].map((d) => names.map(() => d).join(',')).join('\n')}\n`);
    for (const n of names) expect([n, r.type(n)]).toEqual([n, 'int']);
    expect(['Datum ', ' Fecha', 'FECHA_HORA', 'Zeit_ms'].map(looksLikeTimeName)).toEqual([true, true, true, true]);
  });
});

describe('a file that is not there', () => {
  it('a relative path names the absolute path it was looked for at', async () => {
    const { runImport } = await import('./run');
    await expect(runImport('no-such-split.base', '/tmp/gatelab-never-written', {})).rejects.toMatchObject({
      code: 'not_found', message: `no-such-split.base: cannot read the file (ENOENT; looked for ${process.cwd()}/no-such-split.base)`,
    });
  });
});
