// A boolean column keeps the words its file wrote (stats.booleanWords) beside the ['false', 'true']
// dictionary: a yes/no label is then described as 'yes'/'no' to the user (common/models/label-words.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-boolean-words-');
afterAll(cleanup);

const wordsOf = (r: Awaited<ReturnType<typeof load>>, n: string) => r.result.columns.find((c) => c.name === n)?.stats.booleanWords;

describe('the words of a boolean column', () => {
  it("each code's most frequent spelling, as written: yes/no, Y/N, 0/1, True/False; the dictionary stays false/true", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [i % 3 ? 'no' : 'yes', i % 2 ? 'Y' : 'N', i % 4 ? '0' : '1', i % 5 ? 'False' : 'True', i === 7 ? 'YES' : i % 2 ? 'Yes' : 'No'].join(';'));
    const r = await load(`"y";"flag";"clicked";"paid";"mixed"\n${rows.join('\n')}\n`);
    for (const n of ['y', 'flag', 'clicked', 'paid', 'mixed']) expect(r.type(n), n).toBe('boolean');
    expect(wordsOf(r, 'y')).toEqual({ false: 'no', true: 'yes' });
    expect(wordsOf(r, 'flag')).toEqual({ false: 'N', true: 'Y' });
    expect(wordsOf(r, 'clicked')).toEqual({ false: '0', true: '1' });
    expect(wordsOf(r, 'paid')).toEqual({ false: 'False', true: 'True' });
    // 'YES' once and 'Yes' 29 times are one word: the first spelling met is kept ('Yes', row 1)
    expect(wordsOf(r, 'mixed')).toEqual({ false: 'No', true: 'Yes' });
    expect(r.col('y').slice(0, 3)).toEqual(['true', 'false', 'false']);
  });

  it("quoted and space-padded cells (UCI's ', yes'), a value no row holds, and JSON Lines booleans", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i}, ${i % 2 ? 'yes' : 'no'}, no`);
    const r = await load(`id, answer, never\n${rows.join('\n')}\n`);
    expect(wordsOf(r, 'answer')).toEqual({ false: 'no', true: 'yes' });
    expect(wordsOf(r, 'never')).toEqual({ false: 'no' });
    const json = await load(Array.from({ length: 20 }, (_, i) => JSON.stringify({ a: i % 2 === 0, b: i % 3 ? 0 : 1 })).join('\n') + '\n', {}, 'jsonl');
    expect(json.type('a')).toBe('boolean');
    expect(wordsOf(json, 'a')).toEqual({ false: 'false', true: 'true' });
  });
});
