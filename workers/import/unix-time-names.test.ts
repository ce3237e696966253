// Epoch times under names that say how they count ('unix', 'posix', 'unix_s', 'epoch_seconds', 'created_unix')
// are datetimes (datetime.ts unixTimeName); numbers under them that are no epoch time stay numbers, and a
// dataset recorded without the rule (ParseRules.unixTimeNames) keeps its 'unix' column the int it was.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { unixTimeName } from './datetime';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-unix-names-');
afterAll(cleanup);

const SECONDS = [1577836800, 1577923200, 1578009600];

describe("epoch times named 'unix'", () => {
  it('names that say epoch time, and only those', () => {
    expect(['unix', 'Unix', 'UNIX', 'posix', 'unix_s', 'unix_seconds', 'epoch_s', 'Epoch Seconds', 'unix_ms', 'created_unix'].map(unixTimeName)).toEqual(Array(10).fill(true));
    expect(['unixes', 'eunix', 'unix_id', 'epochs', 'n_epoch_s2', 'posixly'].map(unixTimeName)).toEqual(Array(6).fill(false));
  });

  it("reads 'unix' seconds and 'unix_ms' milliseconds as datetimes; training epochs named 'epoch' stay numbers", async () => {
    const rows = SECONDS.map((s, i) => `${s},${s * 1000},${i + 1},${i}`);
    const r = await load(`unix,unix_ms,epoch,v\n${rows.join('\n')}\n`);
    expect(r.type('unix')).toBe('datetime');
    expect(r.col('unix')).toEqual(SECONDS);
    expect(r.type('unix_ms')).toBe('datetime');
    expect(r.col('unix_ms')).toEqual(SECONDS);
    expect(r.type('epoch')).toBe('int');
  });

  it('8-digit numbers under unix are no compact dates: they stay numbers', async () => {
    expect((await load('unix,v\n20240131,1\n20240201,2\n')).type('unix')).toBe('int');
  });

  it("a dataset recorded without unixTimeNames reads 'unix' as the int column it was", async () => {
    const csv = `unix,v\n${SECONDS.map((s, i) => `${s},${i}`).join('\n')}\n`;
    expect((await load(csv, { parseRules: parseRulesWith((rule) => rule !== 'unixTimeNames') } as ImportOptions)).type('unix')).toBe('int');
  });
});
