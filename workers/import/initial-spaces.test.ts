// UCI adult's ', ' separator: the space after each delimiter is not part of the value (as pandas'
// skipinitialspace), quoted values after it read whole, and a dataset imported before the rule keeps its spaces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type DatasetCacheMeta, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';
import { SkipInitialSpaces, hasInitialSpaces } from './initial-spaces';

const { load, cleanup } = textLoader('gatelab-initial-spaces-');
afterAll(cleanup);
const meta = (dir: string) => JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as DatasetCacheMeta;

const ADULT = [
  '39, State-gov, 77516, Bachelors, 13, Never-married, <=50K',
  '50, Self-emp-not-inc, 83311, Bachelors, 13, Married-civ-spouse, <=50K',
  '38, Private, 215646, HS-grad, 9, Divorced, <=50K',
  '53, Private, 234721, 11th, 7, Married-civ-spouse, >50K',
  '28, ?, 338409, Bachelors, 13, Married-civ-spouse, >50K',
].join('\n') + '\n';

describe('hasInitialSpaces', () => {
  it('holds when (nearly) every line writes one space after each delimiter, not when some do', () => {
    expect(hasInitialSpaces([['39', ' State-gov', ' 77516'], ['50', ' Private', ' 83311']], ',')).toBe(true);
    expect(hasInitialSpaces([['39', ' State-gov', ' 77516'], ['50', 'Private', ' 83311']], ',')).toBe(false);
    expect(hasInitialSpaces([['39', '  aligned', '  x'], ['50', '  b', '  y']], ',')).toBe(false);
  });
});

describe('SkipInitialSpaces', () => {
  it('drops the spaces after delimiters outside quotes, across chunks', () => {
    const s = new SkipInitialSpaces(0x2c);
    const out = Buffer.concat([s.push(Buffer.from('1, "a, b",')), s.push(Buffer.from(' c\n2,  d, "e ""f"", g"\n'))]).toString();
    expect(out).toBe('1,"a, b",c\n2,d,"e ""f"", g"\n');
  });
});

describe("importing a ', ' file", () => {
  it("reads adult's categories without the leading space, with a note, recorded in the source", async () => {
    const r = await load(ADULT, {}, 'adult.data');
    expect(r.result).toMatchObject({ delimiter: ',', hasHeader: false, rows: 5 });
    expect(r.col('column_7')).toEqual(['<=50K', '<=50K', '<=50K', '>50K', '>50K']);
    expect(r.col('column_2')).toContain('State-gov');
    expect(r.col('column_3')).toEqual([77516, 83311, 215646, 234721, 338409]);
    expect(r.issues.note.message).toMatch(/starts with one space/);
    expect(meta(r.dir).source.skipInitialSpace).toBe(true);
  });

  it('a quoted value after the space is one field', async () => {
    const r = await load('name, city, n\n"Smith, J", "Oslo", 1\nLee, "Lima, Peru", 2\nKim, Seoul, 3\n');
    expect(r.col('name')).toEqual(['Smith, J', 'Lee', 'Kim']);
    expect(r.col('city')).toEqual(['Oslo', 'Lima, Peru', 'Seoul']);
  });

  it('a plain CSV is read as before, and a dataset imported before the rule keeps the spaces', async () => {
    const plain = await load('a,b\nx, y\nz,w\n');
    expect(plain.col('b')).toEqual([' y', 'w']);
    expect(meta(plain.dir).source.skipInitialSpace).toBeUndefined();
    const old = await load(ADULT, { parseRules: parseRulesWith((r) => r !== 'initialSpaces') } as ImportOptions, 'adult-old.data');
    expect(old.col('column_7')).toEqual([' <=50K', ' <=50K', ' <=50K', ' >50K', ' >50K']);
  });
});
