// What a CTR run does not read, said in its data line (audit H4, an Avazu-like log): the datetime `hour` and a
// text column are named with why and what to do; integer codes (C1, banner_pos) read as numbers are named with
// the role that makes one a field. Said only: the binding (what old runs re-derive) stays exactly as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../main/lab/import';
import { readDatasetCache } from '../../workers/data/cache';
import { labDatasetRun } from '../../workers/data/run-data';
import { ctrColumnNotes, defaultBinding, type ColumnDescription } from './binding';
import { runBinding } from './run-binding';

const col = (name: string, type: string, role = 'feature') => ({ name, type, role, modality: null }) as ColumnDescription;
const AVAZU = [col('id', 'categorical'), col('click', 'int', 'target'), col('hour', 'datetime', 'time'), col('C1', 'int'), col('banner_pos', 'int'),
  col('site_category', 'categorical'), col('device_id', 'categorical'), col('ad text', 'text'), col('price', 'float'), col('emb', 'vector'), col('day', 'int', 'series-id')];
const values: Record<string, number[]> = {
  C1: [1005, 1002, 1010, 1005, NaN],
  banner_pos: [0, 1, 7, 0, 1],
  price: [0.5, 1.25, 3, 2, 1], // fractions: an amount
};

describe('the CTR data line: columns left out, integer codes read as numbers', () => {
  it('names each left-out column with why and what to do, and the few-valued integers with the role that makes a field', () => {
    const notes = ctrColumnNotes(AVAZU, (name) => values[name]);
    expect(notes.leftOut).toEqual([
      'hour (datetime: a CTR model does not read times; to use it, derive hour-of-day or weekday columns from it in the file and import it again)',
      'ad text (text: a CTR model does not read text; use a fusion template, or give it the role categorical if its values are codes)',
      'emb (vector: a CTR model does not read vectors; use a fusion template)',
      'day (role series-id: a CTR model reads columns with the role feature or categorical)',
    ]);
    expect(notes.notes).toEqual(['read as numbers, not fields: C1 (3 distinct integers), banner_pos (3 distinct integers); ' +
      'if one is a code, make it a field with the role categorical (gatelab datasets roles ID C1=categorical; if all are codes: gatelab datasets roles ID C1=categorical banner_pos=categorical)']);
    // many distinct integers (a count) or a constant are numbers: nothing to say; an ignored or categorical column is not named
    const many = ctrColumnNotes([col('u', 'categorical'), col('views', 'int'), col('flag', 'int'), col('t', 'datetime', 'ignore'), col('C1', 'int', 'categorical')],
      (name) => (name === 'views' ? Array.from({ length: 500 }, (_, i) => i) : [1, 1, 1]));
    expect(many).toEqual({ leftOut: [], notes: [] });
    // a name a shell would split is quoted in the command
    expect(ctrColumnNotes([col('u', 'categorical'), col('banner pos', 'int')], () => [0, 1, 2]).notes[0]).toMatch(/\(gatelab datasets roles ID 'banner pos=categorical'\)$/);
  });

  it('an integer column named C14 (Avazu) is a code however many values it has; a count named otherwise is not', () => {
    const many = Array.from({ length: 2600 }, (_, i) => 15000 + i);
    const notes = ctrColumnNotes([col('site_id', 'categorical'), col('C14', 'int'), col('views', 'int')], () => many, 2).notes;
    expect(notes).toEqual(['read as numbers, not fields: C14 (more than 100 distinct integers); if one is a code, make it a field with the role categorical (gatelab datasets roles 2 C14=categorical)']);
  });

  it('names every code past the eighth (an Avazu log has 10), and one command makes them all fields', () => {
    const names = ['C1', 'banner_pos', 'device_type', 'device_conn_type', 'C15', 'C16', 'C18', 'C19', 'C20', 'C21'];
    const notes = ctrColumnNotes([col('site_id', 'categorical'), ...names.map((n) => col(n, 'int'))], () => [0, 1, 2, 1], 4).notes[0];
    // the ninth and tenth were hidden behind "… (10 in all)": the user could not tell which columns they were
    expect(notes).toContain('C19 (3 distinct integers), and C20, C21 (10 in all);');
    expect(notes).toContain(`(gatelab datasets roles 4 C1=categorical; if all are codes: gatelab datasets roles 4 ${names.map((n) => `${n}=categorical`).join(' ')})`);
  });

  it('the binding is unchanged: hour, text and vectors are not read, the integer codes stay numbers (old runs re-derive the same)', () => {
    const expected = { family: 'recsys', fields: ['id', 'site_category', 'device_id'], numeric: ['C1', 'banner_pos', 'price'], multiHot: [], label: { column: 'click' } };
    expect(defaultBinding('recsys', AVAZU).columns).toEqual(expected);
    // a stored run's config re-derives it from its column snapshot the same way
    expect(runBinding(AVAZU, { model: { template: 'lr' }, data: { splitSeed: 3 } }).binding).toEqual({ split: { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 3 }, columns: expected });
  });
});

let home: string;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-ctr-notes-'));
  const lines = ['id,click,hour,C1,banner_pos,site_category'];
  for (let i = 0; i < 400; i++) {
    const h = String(i % 24).padStart(2, '0');
    lines.push(`${i * 7919 + 13},${(i * 37) % 5 === 0 ? 1 : 0},141021${h},${[1005, 1002, 1010][i % 3]},${[0, 1, 7][(i >> 2) % 3]},s${i % 9}`);
  }
  writeFileSync(join(home, 'avazu.csv'), lines.join('\n'));
  await importFile(join(home, 'avazu.csv'), join(home, 'avazu'));
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the CTR data line of a run on an imported Avazu-like log', () => {
  it('names hour and the integer codes; a run built before the notes re-derives the same model', () => {
    const meta = readDatasetCache(join(home, 'avazu')).meta;
    expect(meta.columns.map((c) => c.type)).toEqual(['categorical', 'boolean', 'datetime', 'int', 'int', 'categorical']);
    const payload = { cacheDir: join(home, 'avazu'), columns: meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'click' ? 'target' : c.name === 'hour' ? 'time' : 'feature', modality: null })) };
    const r = labDatasetRun(payload, { model: { template: 'lr' }, data: { datasetId: 7 } as never });
    expect(r.data.describe).toContain('; left out: id (an id: one value per row), hour (datetime: a CTR model does not read times; to use it, derive hour-of-day or weekday columns from it in the file and import it again);');
    expect(r.data.describe).toMatch(/; read as numbers, not fields: C1 \(3 distinct integers\), banner_pos \(3 distinct integers\); if one is a code, make it a field with the role categorical \(gatelab datasets roles 7 C1=categorical; if all are codes: gatelab datasets roles 7 C1=categorical banner_pos=categorical\)$/);
    expect(r.model).toMatchObject({ fields: [10], numeric: 2 }); // site_category: 9 values + unseen
    const resumed = labDatasetRun(payload, { model: r.model, data: {} }, { modelBuilt: true });
    expect(resumed.model).toMatchObject({ fields: [10], numeric: 2 });
    expect(resumed.data.inputs).toEqual({ fields: ['site_category', 'C1', 'banner_pos'] });
  }, 60_000);
});
