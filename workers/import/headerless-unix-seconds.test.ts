// A headerless file's column of Unix seconds (MovieLens u.data's 4th column) stays int, as ids of the same size
// would be misread as times, but the import names what it may be and the command that reads it as times.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-unix-seconds-');
afterAll(cleanup);

/** user, item, rating, time as u.data writes them: 1,200 ratings from 1997-09-20 on, one every 1,000 s or so. */
const ratings = (time: (i: number) => number, header = '') => header + Array.from({ length: 1200 }, (_, i) => `${1 + (i % 90)}\t${1 + ((i * 7) % 500)}\t${1 + (i % 5)}\t${time(i)}`).join('\n') + '\n';
const note = (r: Awaited<ReturnType<typeof load>>) => r.result.validation.issues.find((i) => i.kind === 'note' && /Unix seconds/.test(i.message));

describe('Unix seconds in a headerless file', () => {
  it('stay int, with a note giving their dates and the command that types them datetime', async () => {
    const r = await load(ratings((i) => 874724710 + ((i * 7919) % 1200) * 1000), {}, 'u.data');
    expect(r.type('column_4')).toBe('int');
    expect(note(r)).toMatchObject({
      severity: 'info', column: 'column_4', count: 1200,
      message: "column 'column_4': whole numbers 874,724,710 .. 875,923,710, over 1,000 distinct, read as int; as Unix seconds they would be 1997-09-20 .. 1997-10-04 (UTC). "
        + 'If they are times, set the type datetime (gatelab datasets types ID column_4=datetime); if they are ids, leave it as it is',
    });
    expect(r.result.validation.issues.filter((i) => /Unix seconds/.test(i.message)).map((i) => i.column)).toEqual(['column_4']);
  });

  it('say nothing for 9-digit numbers before 1990, for 1,000 distinct or fewer, or in a file with a header', async () => {
    expect(note(await load(ratings((i) => 100000000 + i * 997), {}, 'ids.data'))).toBeUndefined();
    expect(note(await load(ratings((i) => 874724710 + (i % 1000) * 1000), {}, 'few.data'))).toBeUndefined();
    expect(note(await load(ratings((i) => 874724710 + i * 1000, 'user\titem\trating\tcode\n'), {}, 'named.tsv'))).toBeUndefined();
  });
});
