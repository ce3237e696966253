// A column of '|'-separated lists (MovieLens genres) carries its token counts in its stats: distinct tokens
// and tokens per row, as the multi-hot role reads them (trimmed, empty and repeated tokens dropped).
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { listTokenStats } from './list-tokens';

const { load, cleanup } = textLoader('gatelab-list-tokens-');
afterAll(cleanup);

const GENRES = ['Action', 'Comedy', 'Drama', 'Thriller', 'Romance'];

describe('list token stats', () => {
  it("a genres column: distinct tokens, mean and most per row, in the imported column's stats", async () => {
    // row i holds 1 + i % 3 genres; one row with a missing value, one writing a genre twice and blanks around '|'
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${Array.from({ length: 1 + (i % 3) }, (_, k) => GENRES[(i + k) % 5]).join('|')}`);
    rows[3] = '3,Action | Action|| Comedy';
    rows[7] = '7,';
    const r = await load(`movie,genres\n${rows.join('\n')}\n`);
    const stats = r.result.columns.find((c) => c.name === 'genres')!.stats;
    // rows: 10 hold one genre, 10 two (row 7 missing, row 3 two after de-duplication), 10 three -> 29 with a value
    const perRow = Array.from({ length: 30 }, (_, i) => 1 + (i % 3));
    perRow[3] = 2;
    const kept = perRow.filter((_, i) => i !== 7);
    expect(stats.listTokens).toEqual({ separator: '|', distinct: 5, meanPerRow: kept.reduce((a, b) => a + b) / 29, maxPerRow: 3 });
    // a plain categorical column has none
    expect((await load(`a,b\n${Array.from({ length: 10 }, (_, i) => `${i},x${i % 3}`).join('\n')}\n`)).result.columns[1].stats.listTokens).toBeUndefined();
  });

  it('counts only values that hold rows, and none without any list', () => {
    expect(listTokenStats(['a|b', 'c', 'd|e|f'], [2, 1, 0])).toEqual({ separator: '|', distinct: 3, meanPerRow: 5 / 3, maxPerRow: 2 });
    expect(listTokenStats(['a', 'b|c'], [4, 0])).toBeNull();
  });
});
