// Columns that hold codes, not quantities or words: integer ids named after what they count (MovieLens'
// `user,item`), long tokens without spaces (UUIDs, hashes, SKUs), and whole numbers with leading zeros
// (zip and FIPS codes). Each is categorical, with a note saying why when the reader may expect a number.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-codes-');
afterAll(cleanup);

const types = (r: Awaited<ReturnType<typeof load>>) => Object.fromEntries(r.result.columns.map((c) => [c.name, c.type]));

/** A deterministic pseudo-random sequence (the tests must not depend on Math.random). */
function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}

describe('integer ids named after an entity', () => {
  it('MovieLens user,item,rating,timestamp: user and item are categorical ids, rating stays a number', async () => {
    const rand = rng(1);
    const rows = Array.from({ length: 300 }, (_, i) => `${1 + Math.floor(rand() * 900)},${1 + Math.floor(rand() * 1600)},${1 + Math.floor(rand() * 5)},${881250949 + i * 37}`);
    const r = await load(`user,item,rating,timestamp\n${rows.join('\n')}\n`);
    expect(types(r)).toEqual({ user: 'categorical', item: 'categorical', rating: 'int', timestamp: 'datetime' });
    expect(r.col('user')[0]).toBe(rows[0].split(',')[0]); // the id's digits, as a category
    expect(r.issues['note:user'].message).toBe("column 'user': whole numbers named like an id, read as categorical (ids, not amounts); set its type to int if they are quantities (gatelab datasets types ID user=int)");
    expect(r.issues['note:item']).toBeDefined();
    expect(r.issues['note:rating']).toBeUndefined();
  });

  it('every entity name and id suffix; numeric things named after an entity stay numbers', async () => {
    const names = ['movie', 'Product', 'customer_id', 'ad', 'advertiserId', 'campaign-id', 'publisher ID', 'SITE', 'app_id', 'device', 'store', 'shop', 'author', 'song', 'artist', 'book', 'query', 'userId', 'sessionId', 'uid', 'iid', 'PID', 'cid'];
    const numeric = ['user_age', 'item_price', 'rating', 'users', 'paid', 'bid', 'kid'];
    const header = [...names, ...numeric].join(',');
    const rows = Array.from({ length: 40 }, (_, i) => [...names, ...numeric].map((_n, c) => String(3 + i * (c + 1))).join(','));
    const r = await load(`${header}\n${rows.join('\n')}\n`);
    for (const n of names) expect(r.type(n), n).toBe('categorical');
    for (const n of numeric) expect(r.type(n), n).toBe('int');
  });
});

describe('long tokens without spaces are categorical, not text', () => {
  it('UUIDs, 40-character hashes and long SKUs (high cardinality, no whitespace); reviews with words stay text', async () => {
    const rand = rng(2);
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
    const rows = Array.from({ length: 200 }, (_, i) => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)},${hex(40)},SKU-${hex(6).toUpperCase()}-BLUE-XL-${String(i).padStart(6, '0')},"this dress number ${i} fits well and feels soft"`);
    const r = await load(`item_uuid,commit,sku,review\n${rows.join('\n')}\n`);
    expect(types(r)).toEqual({ item_uuid: 'categorical', commit: 'categorical', sku: 'categorical', review: 'text' });
    expect(r.result.columns[0].stats.cardinality).toBe(200);
  });
});

describe('leading zeros', () => {
  it('zip codes with leading zeros are categorical, keep their digits, and say so; 0 and 0.5 do not count', async () => {
    const zips = ['00717', '02134', '48067', '10001', '94110'];
    const rows = Array.from({ length: 50 }, (_, i) => `${zips[i % 5]},${i % 3},${(i % 4) / 2}`);
    const r = await load(`zip,count,ratio\n${rows.join('\n')}\n`);
    expect(types(r)).toEqual({ zip: 'categorical', count: 'int', ratio: 'float' });
    expect(r.col('zip').slice(0, 2)).toEqual(['00717', '02134']);
    expect(r.issues['note:zip'].message).toBe("column 'zip': whole numbers with leading zeros (e.g. '00717') read as categorical, as codes (zip, FIPS, product codes) keeping their zeros; set its type to int if they are quantities (gatelab datasets types ID zip=int)");
  });

  it('a leading zero after the first 1,000 rows re-reads the column as categorical, naming the line', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => `${i === 1050 ? '02134' : String(10000 + i)},${i}`);
    const r = await load(`code,n\n${rows.join('\n')}\n`);
    expect(r.type('code')).toBe('categorical');
    expect(r.col('code')[1050]).toBe('02134');
    expect(r.issues['retyped:code'].message).toMatch(/line 1052 has '02134': a leading zero means a code \(zip, FIPS, product code\), so it is read as categorical/);
    // a type the user set still reads it as a number
    const typed = await load(`code,n\n${rows.join('\n')}\n`, { columnTypes: { code: 'int' } });
    expect(typed.col('code')[1050]).toBe(2134);
  });
});
