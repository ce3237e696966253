// CSV/TSV behaviour end to end (in-process): sniffing, encodings, inference, overrides and the
// validation policies, each checked on the values that land in the cache.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-delimited-');
afterAll(cleanup);

describe('sniffing', () => {
  it('finds ; and | delimiters, headers, and quoted delimiters inside fields', async () => {
    const a = await load('name;score;city\n"Smith; J";1,5;Oslo\nLee;2;"Lima"\n');
    expect(a.result).toMatchObject({ delimiter: ';', hasHeader: true, rows: 2 });
    expect(a.col('name')).toEqual(['Smith; J', 'Lee']);
    expect(a.col('score')).toEqual([1.5, 2]); // a decimal comma in a ';' file: a number
    const b = await load('1|a|x\n2|b|y\n3|c|z\n');
    expect(b.result).toMatchObject({ delimiter: '|', hasHeader: false });
    expect(b.result.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
  });

  it('reads UTF-8 with BOM, UTF-16 LE/BE with BOM, and latin-1 found after the first megabyte', async () => {
    const text = 'ville,n\nZürich,1\nKøbenhavn,2\n';
    expect((await load(`\uFEFF${text}`)).col('ville')).toEqual(['Zürich', 'København']);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r16 = await load(le);
    expect(r16.result.encoding).toBe('utf-16le');
    expect(r16.col('ville')).toEqual(['Zürich', 'København']);
    const be = Buffer.from(le); be.swap16(); be[0] = 0xfe; be[1] = 0xff;
    expect((await load(be)).col('ville')).toEqual(['Zürich', 'København']);
    const filler = 'abc,1\n'.repeat(250_000);
    const late = await load(Buffer.concat([Buffer.from(`word,n\n${filler}`), Buffer.from('caf\xe9,2\n', 'latin1')]));
    expect(late.result.encoding).toBe('windows-1252');
    expect(late.col('word').at(-1)).toBe('café');
    expect(late.issues.encoding_fallback.message).toMatch(/not valid UTF-8 \(near line \d+\); read as Windows-1252/);
  });

  it('infers int, float, boolean, datetime formats, epoch seconds by name, ids and text', async () => {
    const rows = ['user_id,when,day,ts,flag,yes,x,k,comment'];
    for (let i = 0; i < 60; i++) {
      rows.push(`${i},2024-03-0${1 + (i % 9)}T10:00:00Z,${String(1 + (i % 28)).padStart(2, '0')}/02/2024,${1700000000 + i * 60},${i % 2},${i % 3 ? 'yes' : 'no'},${i / 8},${i % 4},"comment number ${i}, unique"`);
    }
    const r = await load(rows.join('\n'));
    expect(Object.fromEntries(r.result.columns.map((c) => [c.name, c.type]))).toEqual({
      user_id: 'categorical', when: 'datetime', day: 'datetime', ts: 'datetime', flag: 'boolean', yes: 'boolean', x: 'float', k: 'int', comment: 'text',
    });
    expect(r.col('ts')[1]).toBe(1700000060);
    expect(r.col('day')[0]).toBe(Date.UTC(2024, 1, 1) / 1000);
    expect(r.col('when')[0]).toBe(Date.UTC(2024, 2, 1, 10) / 1000);
  });

  it('Chinese and Japanese sentences (no spaces, short) are text; short place names stay categories', async () => {
    const heads = ['このドレスは', 'サイズが', '色が', '本当に', '生地は'], tails = ['小さいです', '高いです', '好きでした', '安い'];
    const rows = ['review,city'];
    for (let i = 0; i < 80; i++) rows.push(`${heads[i % 5]}${tails[i % 4]}${i}。,${['東京', '大阪', '京都'][i % 3]}`);
    const r = await load(rows.join('\n'));
    expect(Object.fromEntries(r.result.columns.map((c) => [c.name, c.type]))).toEqual({ review: 'text', city: 'categorical' });
  });

  it('reads "[x, y, z]" fields as a vector column', async () => {
    const r = await load('id,emb\na,"[0.5, 1, -2]"\nb,"[3, 4, 5.25]"\n');
    expect(r.result.columns[1]).toMatchObject({ type: 'vector', dim: 3 });
    expect(r.col('emb')).toEqual([0.5, 1, -2, 3, 4, 5.25]);
  });

  it('an encoding the user chose that does not decode is an error with the line', async () => {
    const bytes = Buffer.concat([Buffer.from('w,n\nok,1\n'), Buffer.from('caf\xe9,2\n', 'latin1')]);
    await expect(load(bytes, { encoding: 'utf-8' })).rejects.toMatchObject({ code: 'bad_encoding', message: expect.stringMatching(/not valid UTF-8/) });
    expect((await load(bytes, { encoding: 'latin1' })).col('w')).toEqual(['ok', 'café']);
  });

  it('honours columnTypes over inference', async () => {
    const r = await load('code,v\n1,10\n2,20\n1,30\n', { columnTypes: { code: 'categorical', v: 'float' } });
    expect(r.result.columns.map((c) => c.type)).toEqual(['categorical', 'float']);
    expect(r.col('code')).toEqual(['1', '2', '1']);
  });

  it('re-reads a column as categories when a late row contradicts its inferred type, with a warning', async () => {
    const lines = ['zip,n', ...Array.from({ length: 1500 }, (_, i) => `${10000 + i},${i}`), 'T8H1N,1500'];
    const r = await load(lines.join('\n'));
    expect(r.result.columns[0].type).toBe('categorical');
    expect(r.col('zip').at(-1)).toBe('T8H1N');
    expect(r.col('zip')[0]).toBe('10000');
    expect(r.issues['retyped:zip'].message).toMatch(/line 1502 has 'T8H1N'/);
  });
});

describe('validation policies', () => {
  const ragged = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n';
  it('reject (default): a ragged row fails with its line', async () => {
    await expect(load(ragged)).rejects.toMatchObject({ code: 'ragged_row', line: 3, message: expect.stringMatching(/line 3: expected 3 fields \(as in the header\), found 2/) });
  });
  it('drop: ragged rows are dropped and counted', async () => {
    const r = await load(ragged, { onInvalid: 'drop' });
    expect(r.col('a')).toEqual([1, 10]);
    expect(r.result.validation).toMatchObject({ rowsRead: 4, rowsKept: 2, rowsDropped: 2 });
    expect(r.issues.ragged_row.examples.map((e) => e.line)).toEqual([3, 4]);
  });
  it('impute: short rows are padded and filled with the column mean; long rows dropped', async () => {
    const r = await load(ragged, { onInvalid: 'impute' });
    expect(r.col('a')).toEqual([1, 4, 10]);
    expect(r.col('c')).toEqual([3, 7.5, 12]);
    expect(r.result.validation).toMatchObject({ rowsKept: 3, rowsDropped: 1, valuesImputed: 1 });
  });

  it('missing numbers and NaN/Inf are kept as NaN/±Inf and counted; drop removes those rows', async () => {
    const csv = 'x,y\n1,a\n,b\nNaN,c\ninf,d\n5,e\n';
    const keep = await load(csv);
    expect(keep.col('x')).toEqual([1, NaN, NaN, Infinity, 5]);
    // 'NaN' is a missing marker: counted once, as missing; the warning is for the infinity alone
    expect(keep.issues['nan_inf:x']).toMatchObject({ count: 1, severity: 'warning', examples: [{ line: 5, value: 'inf' }] });
    expect(keep.issues['missing:x'].count).toBe(2); // the infinity is not a missing value
    expect(keep.result.columns[0].stats).toMatchObject({ count: 2, missing: 2, mean: 3 });
    const dropped = await load(csv, { onInvalid: 'drop' });
    expect(dropped.col('y')).toEqual(['a', 'e']);
  });

  it('a value that does not fit a type the user set is rejected with line and column, or dropped/imputed', async () => {
    const csv = 'k,v\n1,2\nx,3\n4,5\n';
    await expect(load(csv, { columnTypes: { k: 'int' } })).rejects.toMatchObject({ code: 'unparsable', line: 3, column: 'k', message: expect.stringMatching(/line 3, column 'k': 'x' is not a valid int value/) });
    expect((await load(csv, { columnTypes: { k: 'int' }, onInvalid: 'drop' })).col('v')).toEqual([2, 5]);
    expect((await load(csv, { columnTypes: { k: 'int' }, onInvalid: 'impute' })).col('k')).toEqual([1, 2.5, 4]);
  });

  it('reports empty and constant columns, unsorted and duplicate times, missing targets', async () => {
    const r = await load('t,empty,same,target\n2024-01-02,,7,1\n2024-01-01,,7,\n2024-01-01,,7,0\n', { target: 'target' });
    expect(r.issues['empty_column:empty']).toBeDefined();
    expect(r.issues['constant_column:same']).toBeDefined();
    expect(r.issues['unsorted_time:t'].examples[0].line).toBe(3);
    expect(r.issues['unsorted_time:t'].message).toMatch(/first at line 3: 2024-01-01 after 2024-01-02 on line 2\). .*[Ss]ort the file by 't'/);
    expect(r.issues['duplicate_time:t'].examples[0].line).toBe(4);
    expect(r.issues['target_missing:target'].count).toBe(1);
    await expect(load('a,b\n1,2\n', { target: 'nope' })).rejects.toMatchObject({ code: 'target_missing' });
    // a slip in the name: the column meant is named before the list
    await expect(load('age,label\n1,2\n', { target: 'lable' })).rejects.toMatchObject({ code: 'target_missing', message: expect.stringContaining("the target column 'lable' is not in the file (did you mean 'label'?) (columns: age, label)") });
  });
});
