// The readings added this session (thousands grouped by spaces/apostrophes, accounting negatives, time words
// of other languages) read what they were made for and leave ordinary columns alone: 'raw_data' of numbers
// is numbers, nine-digit ids grouped by spaces ('157 592 990') are ids, '(1)'…'(5)' are codes. A dataset
// recorded without them (ParseRules) is read as that importer read it.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-later-readings-');
afterAll(cleanup);

const EPOCHS = [1500000000, 1500003600, 1500007200, 1500010800];
const WITHOUT_NEW = { parseRules: parseRulesWith((r) => r !== 'otherThousands' && r !== 'accountingNegatives' && r !== 'foreignTimeNames') } as ImportOptions;

describe('time words of other languages', () => {
  it("'data' and 'ora' name a time column only as the whole name: 'raw_data', 'sensor_data', 'input_data' stay numbers", async () => {
    const names = ['raw_data', 'sensor_data', 'input_data', 'Data Ora', 'data', 'Ora', 'Fecha_hora'];
    const r = await load(`${names.join(',')}\n${EPOCHS.map((e) => names.map(() => e).join(',')).join('\n')}\n`);
    expect(names.map((n) => [n, r.type(n)])).toEqual([
      ['raw_data', 'int'], ['sensor_data', 'int'], ['input_data', 'int'], ['Data Ora', 'int'],
      ['data', 'datetime'], ['Ora', 'datetime'], ['Fecha_hora', 'datetime'],
    ]);
    expect(r.col('raw_data')).toEqual(EPOCHS);
  });

  it('a dataset recorded without foreignTimeNames reads a Datum column of epoch seconds as numbers, as its importer did', async () => {
    const csv = `Datum,v\n${EPOCHS.map((e, i) => `${e},${i}`).join('\n')}\n`;
    expect((await load(csv)).type('Datum')).toBe('datetime');
    expect((await load(csv, WITHOUT_NEW)).type('Datum')).toBe('int');
  });
});

describe('thousands grouped by spaces', () => {
  it("nine-digit ids in three groups ('157 592 990', a SIREN) stay categories; amounts with a decimal comma are numbers", async () => {
    const r = await load('siren;montant\n157 592 990;40 347,64\n552 100 554;1 250,00\n784 671 695;999,50\n');
    expect(r.type('siren')).toBe('categorical');
    expect(r.col('siren')).toEqual(['157 592 990', '552 100 554', '784 671 695']);
    expect(r.type('montant')).toBe('float');
    expect(r.col('montant')).toEqual([40347.64, 1250, 999.5].map(Math.fround));
  });

  it('space-grouped whole numbers of differing sizes (one to three groups), or with a currency, are numbers', async () => {
    const r = await load('id;population;prix\na;950;1 200 €\nb;12 400;3 400 €\nc;1 250 000;5 600 €\n');
    expect(r.type('population')).toBe('int');
    expect(r.col('population')).toEqual([950, 12400, 1250000]);
    expect(r.col('prix')).toEqual([1200, 3400, 5600]);
  });

  it('a dataset recorded without otherThousands reads a space-grouped amount column as text, as its importer did', async () => {
    const csv = 'id;montant\na;40 347,64\nb;1 250,00\nc;999,50\n';
    expect((await load(csv, WITHOUT_NEW)).type('montant')).toBe('categorical');
  });
});

describe('accounting negatives', () => {
  it("'(1)' … '(5)' alone are codes, not -1 … -5", async () => {
    const r = await load('id,grade\na,(1)\nb,(2)\nc,(3)\nd,(4)\ne,(5)\n');
    expect(r.type('grade')).toBe('categorical');
    expect(r.col('grade')).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)']);
  });

  it('parentheses beside a currency symbol, or beside amounts with decimals, are negatives', async () => {
    expect((await load('id,v\na,($5)\nb,$7\nc,$12\n')).col('v')).toEqual([-5, 7, 12]);
    expect((await load('id,v\na,(5)\nb,7.50\nc,12\n')).col('v')).toEqual([-5, 7.5, 12]);
  });

  it('a dataset recorded without accountingNegatives reads them as text, as its importer did', async () => {
    expect((await load('id,v\na,(5)\nb,7.50\nc,12\n', WITHOUT_NEW)).type('v')).toBe('categorical');
  });
});

describe('a dataset recorded without them reads cells beyond the sample as its importer did', () => {
  // the sniff samples 1000 rows: the column's type is decided before these cells are met
  const SAMPLED = Array.from({ length: 1000 }, (_, i) => `${i};${i % 90},5;${i % 90},25`);

  it("a decimal-comma column met '1 234,5' and '(1.234,5)' later: numbers under every rule, the column text under the recorded ones", async () => {
    const csv = ['id;spaced;parenthesized', ...SAMPLED, '1000;1 234,5;(1.234,5)', ''].join('\n');
    const now = await load(csv);
    expect([now.type('spaced'), now.type('parenthesized')]).toEqual(['float', 'float']);
    expect([now.col('spaced')[1000], now.col('parenthesized')[1000]]).toEqual([1234.5, -1234.5]);
    const before = await load(csv, WITHOUT_NEW);
    // that importer met a cell it could not read in a sniffed number column and read the column again as text
    expect([before.type('spaced'), before.type('parenthesized')]).toEqual(['categorical', 'categorical']);
    expect([before.col('spaced')[1000], before.col('parenthesized')[1000]]).toEqual(['1 234,5', '(1.234,5)']);
  });

  it('compact dates (20240131) in a Datum or Fecha column are dates under every rule, whole numbers under the recorded ones', async () => {
    const days = [20240131, 20240201, 20240202, 20240203];
    const csv = `Datum,Fecha,v\n${days.map((d, i) => `${d},${d},${i}`).join('\n')}\n`;
    const now = await load(csv);
    expect([now.type('Datum'), now.type('Fecha')]).toEqual(['datetime', 'datetime']);
    expect(now.col('Datum')[0]).toBe(Date.UTC(2024, 0, 31) / 1000);
    const before = await load(csv, WITHOUT_NEW);
    expect([before.type('Datum'), before.type('Fecha')]).toEqual(['int', 'int']);
    expect(before.col('Datum')).toEqual(days);
  });
});
