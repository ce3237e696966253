// importFile through the real worker thread on the three shared datasets (counts and types checked
// against the data README and an independent parse), plus progress, cancellation and reopening.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { malformedCorpus } from '../../../workers/import/fixtures/corpus';
import { ImportError, importFile, openDatasetCache } from './index';

const DATA = '/work/shared/data';
const tmp = mkdtempSync(join(tmpdir(), 'gatelab-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const typesOf = (cols: { name: string; type: string }[]) => Object.fromEntries(cols.map((c) => [c.name, c.type]));

describe('importFile on the shared datasets', () => {
  it('ETTh1: 17,420 x 8 with a datetime index', async () => {
    const dir = join(tmp, 'etth1');
    const r = await importFile(`${DATA}/forecasting/ETTh1.csv`, dir);
    expect(r.rows).toBe(17420);
    expect(r.columns.map((c) => c.name)).toEqual(['date', 'HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT']);
    expect(r.columns.map((c) => c.type)).toEqual(['datetime', 'float', 'float', 'float', 'float', 'float', 'float', 'float']);
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true });
    const cache = openDatasetCache(dir);
    const date = cache.column('date').values;
    expect(date[0]).toBe(Date.UTC(2016, 6, 1) / 1000);
    expect(date[1] - date[0]).toBe(3600);
    expect(cache.column('OT').values[0]).toBe(Math.fround(30.5310001373291));
    expect(r.validation.issues.filter((i) => i.kind === 'duplicate_time' || i.kind === 'unsorted_time')).toEqual([]);
    for (const c of r.columns) expect(c.stats.histogram!.counts.reduce((a, b) => a + b), c.name).toBe(17420);
  });

  it('MovieLens u.data: tab-separated, no header, 100,000 x 4, ratings as in the README', async () => {
    const dir = join(tmp, 'udata');
    const r = await importFile(`${DATA}/recsys/ml-100k/u.data`, dir);
    expect(r).toMatchObject({ rows: 100000, delimiter: '\t', hasHeader: false });
    expect(r.columns.map((c) => c.type)).toEqual(['int', 'int', 'int', 'int']);
    const cache = openDatasetCache(dir);
    const ratings = cache.columns[2].values;
    const counts = [0, 0, 0, 0, 0, 0];
    for (const v of ratings) counts[v]++;
    expect(counts.slice(1)).toEqual([6110, 11370, 27145, 34174, 21201]);
    // unix timestamps need Float64 to stay exact
    expect(cache.columns[3].info.dtype).toBe('float64');
    expect([r.columns[3].stats.min, r.columns[3].stats.max]).toEqual([874724710, 893286638]);
    expect(r.columns[0].stats.max).toBe(943);
    expect(r.columns[1].stats.max).toBe(1682);
  });

  it('MovieLens u.item: Windows-1252 (not UTF-8), |-separated, 1,682 x 24', async () => {
    const dir = join(tmp, 'uitem');
    const r = await importFile(`${DATA}/recsys/ml-100k/u.item`, dir);
    expect(r).toMatchObject({ rows: 1682, delimiter: '|', hasHeader: false, encoding: 'windows-1252' });
    expect(r.columns).toHaveLength(24);
    expect(r.columns[2].type).toBe('datetime'); // 01-Jan-1995
    expect(r.columns.slice(5).every((c) => c.type === 'boolean')).toBe(true); // 19 genre flags
    expect(r.validation.issues.map((i) => i.kind)).toContain('encoding_fallback');
    expect(r.validation.issues.find((i) => i.kind === 'empty_column')?.column).toBe('column_4'); // video release date
    const cache = openDatasetCache(dir);
    const titles = cache.columns[1];
    expect(titles.dictionary![titles.values[542]]).toBe('Misérables, Les (1995)');
  });

  // line breaks inside quoted fields are kept byte-exact (\r\n there, \n between rows in this file)
  it('clothing reviews: 23,486 x 11 with quoted multi-line text', async () => {
    const dir = join(tmp, 'reviews');
    const r = await importFile(`${DATA}/multimodal/womens_clothing_ecommerce_reviews.csv`, dir);
    expect(r.rows).toBe(23486);
    expect(typesOf(r.columns)).toEqual({
      column_1: 'int', 'Clothing ID': 'categorical', Age: 'int', Title: 'text', 'Review Text': 'text', Rating: 'int',
      'Recommended IND': 'boolean', 'Positive Feedback Count': 'int', 'Division Name': 'categorical',
      'Department Name': 'categorical', 'Class Name': 'categorical',
    });
    const stats = Object.fromEntries(r.columns.map((c) => [c.name, c.stats]));
    expect(stats.Title.missing).toBe(3810);
    expect(stats['Review Text'].missing).toBe(845);
    expect(stats['Division Name']).toMatchObject({ missing: 14, cardinality: 3 });
    expect(stats['Department Name'].cardinality).toBe(6);
    expect(stats['Class Name'].cardinality).toBe(20);
    expect(stats['Clothing ID'].cardinality).toBe(1206);
    expect([stats.Age.min, stats.Age.max]).toEqual([18, 99]);
    expect(stats['Recommended IND'].topValues).toEqual([{ value: 'true', count: 19314 }, { value: 'false', count: 4172 }]);
    const cache = openDatasetCache(dir);
    const text = cache.column('Review Text');
    expect(text.dictionary![text.values[13]]).toBe("Bought the black xs to go under the larkspur midi dress because they didn't bother lining the skirt portion (grrrrrrrrrrr).\r\nmy stats are 34a-28/29-36 and the xs fit very smoothly around the chest and was flowy around my lower half, so i would say it's running big.\r\nthe straps are very pretty and it could easily be nightwear too.\r\ni'm 5'6\" and it came to just below my knees.");
    const rating = cache.column('Rating').values;
    expect(Array.from(rating).filter((v) => v === 5).length).toBe(13131);
  });
});

describe('importFile: progress, cancel, failure', () => {
  const big = join(tmp, 'big.csv');
  const makeBig = () => {
    if (existsSync(big)) return;
    const lines = ['a,b,c,label'];
    for (let i = 0; i < 600_000; i++) lines.push(`${i},${(i * 0.37) % 91},${Math.sin(i).toFixed(6)},${i % 3 === 0 ? 'x' : 'y'}`);
    writeFileSync(big, lines.join('\n'));
  };

  it('reports progress with bytes, rows and ETA', async () => {
    makeBig();
    const events: { bytes: number; totalBytes: number; rows: number; etaSeconds: number | null }[] = [];
    const r = await importFile(big, join(tmp, 'big'), {}, { onProgress: (p) => events.push(p) });
    expect(r.rows).toBe(600_000);
    expect(events.length).toBeGreaterThanOrEqual(2);
    const last = events[events.length - 1];
    expect(last.bytes).toBe(last.totalBytes);
    expect(last.rows).toBe(600_000);
    expect(events.some((e) => e.bytes > 0 && e.bytes < e.totalBytes && e.etaSeconds !== null)).toBe(true);
  });

  it('cancel mid-file leaves nothing behind, and the next import works', async () => {
    makeBig();
    const parent = join(tmp, 'cancel');
    const dir = join(parent, 'cache');
    const ac = new AbortController();
    // the first progress event comes from the worker once it has started on the file
    const p = importFile(big, dir, {}, { signal: ac.signal, onProgress: () => ac.abort() });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(parent)).toEqual([]);
    const r = await importFile(big, dir);
    expect(r.rows).toBe(600_000);
    expect(readdirSync(parent)).toEqual(['cache']);
  });

  it('removes staging directories left by a killed import of the same cache', async () => {
    const parent = join(tmp, 'stale');
    const dead = join(parent, 'cache.importing-999999999-abcd'); // no such process
    mkdirSync(dead, { recursive: true });
    writeFileSync(join(dead, 'c0000.bin'), 'partial');
    const src = join(tmp, 'small.csv');
    writeFileSync(src, 'a,b\n1,2\n');
    await importFile(src, join(parent, 'cache'));
    expect(readdirSync(parent)).toEqual(['cache']);
  });

  it('a rejected file leaves no cache and names the line', async () => {
    const src = join(tmp, 'ragged.csv');
    writeFileSync(src, 'a,b\n1,2\n3,4,5\n');
    const dir = join(tmp, 'ragged');
    const err = await importFile(src, dir).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ code: 'ragged_row', line: 3 });
    expect(err.message).toMatch(/ragged\.csv, line 3: expected 2 fields .* found 3/);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(tmp).some((f) => f.startsWith('ragged.importing'))).toBe(false);
  });
});

describe('importFile: malformed files through the real worker', () => {
  const corpus = malformedCorpus(1);
  const picks = ['unclosed-quote', 'garbage', 'wide', 'arrow', 'bom'];
  for (const kind of picks) {
    it(`${kind}: imports or rejects with a specific code, never leaving a partial cache`, async () => {
      const f = corpus.find((c) => c.kind === kind)!;
      const parent = join(tmp, `corpus-${kind}`);
      const src = join(tmp, f.name);
      writeFileSync(src, f.data);
      const dir = join(parent, 'cache');
      const outcome = await Promise.race([
        importFile(src, dir).then(() => 'ok', (e) => (e instanceof ImportError && e.code !== 'internal' ? e.code : `unexpected: ${e}`)),
        new Promise((resolve) => setTimeout(() => resolve('hang'), 30_000)),
      ]);
      expect(outcome).not.toMatch(/^(unexpected|hang)/);
      expect(readdirSync(parent)).toEqual(outcome === 'ok' ? ['cache'] : []);
    });
  }
});
