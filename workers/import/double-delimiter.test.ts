// MovieLens-1M's `.dat` files separate fields by '::' and have no header. A doubled character that splits
// every line alike is sniffed as the delimiter, and '--delimiter ::' is accepted.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-dat-');
afterAll(cleanup);

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}

/** Lines like MovieLens-1M's ratings.dat: UserID::MovieID::Rating::Timestamp. */
function ratingsDat(n: number): string {
  const rand = rng(3);
  return Array.from({ length: n }, (_, i) => `${1 + Math.floor(rand() * 6040)}::${1 + Math.floor(rand() * 3952)}::${1 + Math.floor(rand() * 5)}::${978300760 + i * 13}`).join('\n') + '\n';
}

describe("'::' delimiters", () => {
  it('ratings.dat: four headerless number columns column_1..column_4', async () => {
    const r = await load(ratingsDat(300), {}, 'ratings.dat');
    expect(r.result).toMatchObject({ delimiter: '::', hasHeader: false, rows: 300 });
    expect(r.result.columns.map((c) => [c.name, c.type])).toEqual([['column_1', 'int'], ['column_2', 'int'], ['column_3', 'int'], ['column_4', 'int']]);
    const first = ratingsDat(1).trim().split('::').map(Number);
    expect([r.col('column_1')[0], r.col('column_2')[0], r.col('column_3')[0], r.col('column_4')[0]]).toEqual(first);
  });

  it("users.dat: UserID::Gender::Age::Occupation::Zip-code, zip codes with leading zeros categorical", async () => {
    const zips = ['48067', '02134', '70072', '00717', '55117'];
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}::${i % 3 ? 'M' : 'F'}::${[1, 18, 25, 35][i % 4]}::${i % 21}::${zips[i % 5]}`);
    const r = await load(`${lines.join('\n')}\n`, {}, 'users.dat');
    expect(r.result).toMatchObject({ delimiter: '::', hasHeader: false });
    expect(r.result.columns.map((c) => c.type)).toEqual(['int', 'categorical', 'int', 'int', 'categorical']);
    expect(r.col('column_5').slice(0, 2)).toEqual(['48067', '02134']);
  });

  it("'10:30' inside a field, '||' files, and --delimiter '::' given by the user (with a header)", async () => {
    const r = await load('id::title::at\n1::Toy Story (1995)::10:30\n2::Jumanji: The Game (1995)::11:45\n3::Heat (1995)::12:00\n', {}, 'movies.dat');
    expect(r.result.delimiter).toBe('::');
    expect(r.col('title')).toEqual(['Toy Story (1995)', 'Jumanji: The Game (1995)', 'Heat (1995)']);
    expect(r.col('at')).toEqual(['10:30', '11:45', '12:00']);
    const pipes = await load('a||b||c\n1||x|y||2\n2||z||3\n', {});
    expect(pipes.result.delimiter).toBe('||');
    expect(pipes.col('b')).toEqual(['x|y', 'z']);
    // MovieLens-100k u.item: one empty field ('||') among many '|' is a '|' file
    const item = await load('1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy|0|0\n2|GoldenEye (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?GoldenEye|0|1\n', {}, 'u.item');
    expect(item.result.delimiter).toBe('|');
    expect(item.result.columns).toHaveLength(7);
  });

  it("--delimiter '::' is accepted; an empty or quote delimiter is refused with what is allowed", async () => {
    const r = await load(ratingsDat(20), { delimiter: '::' }, 'given.dat');
    expect(r.result.columns).toHaveLength(4);
    // a --delimiter the file never uses: one column, and a note saying what to do
    const wrong = await load('user,item,rating\n196,242,3\n186,302,3\n', { delimiter: '::' }, 'comma.dat');
    expect(wrong.result.columns).toHaveLength(1);
    expect(wrong.result.validation.issues.find((i) => i.kind === 'note' && /--delimiter/.test(i.message))?.message)
      .toMatch(/^the delimiter "::" given with --delimiter does not occur in the file's first lines, so each line is one column \('user,item,rating'\); import it again without --delimiter/);
    expect(r.result.validation.issues.some((i) => /--delimiter/.test(i.message))).toBe(false);
    await expect(load('a"b\n', { delimiter: '"' })).rejects.toThrow(/the delimiter must be one character, or a few printable ASCII characters such as '::' or '\|\|' \(got "\\""\); quotes and line breaks cannot separate fields/);
  });

  it('a CSV whose every line has an empty column (",,") or an IPv6 address ("::") is still comma-separated', async () => {
    const r = await load('1,,2\n3,,4\n5,,6\n');
    expect(r.result.delimiter).toBe(',');
    expect(r.result.columns).toHaveLength(3);
    // a CSV of IPv6 addresses: '::' on every line, but ',' splits the rows into as many columns
    const ip = await load('host,ip\nrouter,fe80::1\nprinter,fe80::2\nlaptop,2001:db8::3\n');
    expect(ip.result.delimiter).toBe(',');
    expect(ip.col('ip')).toEqual(['fe80::1', 'fe80::2', '2001:db8::3']);
  });
});
