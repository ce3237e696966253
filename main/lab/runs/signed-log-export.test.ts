// An exported model's preprocessing for a signed heavy-tailed number (a balance around 0 with huge
// outliers): the document says `signed: true` beside `log1p: true`, and raw cells encoded by its words
// alone (the test's reference encoder) give the trainer's batches value for value, negative balances too.
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, fitPipeline, rowsOf, TEST } from '../../../common/data';
import { pipelineFor, DataColumns } from '../../../common/models/binding';
import type { DatasetCacheMeta } from '../../../common/dataset-cache';
import { ctrSources } from '../../../workers/data/ctr';
import { preprocessingDoc } from './export-preprocessing';
import type { RunPipeline } from './run-pipeline';
import { encodeInputs, type Row } from './testing/reference-encoder';

const KINDS = { user: 'categorical', balance: 'float', clicked: 'int' } as const;

/** Columns as the importer stores raw cells: a coded user (−1 missing), float32 balances (NaN missing), int clicks. */
function pipeline(rows: Row[]): RunPipeline {
  const users = [...new Set(rows.map((r) => r.user))];
  const data = Object.assign(columnSource(rows.length, {
    user: { values: Int32Array.from(rows, (r) => users.indexOf(r.user)), dictionary: users },
    balance: { values: Float32Array.from(rows, (r) => (r.balance === '' ? NaN : Number(r.balance))) },
    clicked: { values: Float32Array.from(rows, (r) => Number(r.clicked)) },
  }), { meta: { columns: Object.entries(KINDS).map(([name, type]) => ({ name, type, dtype: type === 'categorical' ? 'int32' : 'float32', dim: 1 })) } as unknown as DatasetCacheMeta });
  const columns = DataColumns.parse({ family: 'recsys', fields: ['user'], numeric: ['balance'], multiHot: [], label: { column: 'clicked' } });
  const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, data);
  return { columns, split, data, window: {}, fitted: fitPipeline(pipelineFor((n) => KINDS[n as keyof typeof KINDS], columns), data, split.assignment) };
}

describe('a signed heavy-tailed number in an exported model', () => {
  it('is documented as the signed log, and raw cells (negative, positive, outliers, missing) encode as the trainer scaled them', () => {
    // balance around 0 (2 decimals, as a bank export writes it) with 1 row in 60 at 1e9
    const rows: Row[] = Array.from({ length: 600 }, (_, i) => ({
      user: `u${i % 7}`, balance: i % 29 === 0 ? '' : i % 60 === 11 ? '1000000000' : (((i * 7919) % 2001) / 10 - 100).toFixed(2), clicked: String(Number(i % 3 === 0)),
    }));
    const p = pipeline(rows);
    const doc = preprocessingDoc(p, { float: 'float32', targets: ['label'] });
    const feature = doc.inputs[1].features[0];
    expect(feature).toMatchObject({ kind: 'zscore', column: 'balance', log1p: true, signed: true });
    expect(doc.cells.number).toMatch(/signed: true.*sign\(x\) \* log1p\(\|x\|\)/);
    const test = ctrSources(p.data, p.split, p.fitted, { fields: ['user'], numeric: ['balance'], multiHot: [], label: { column: 'clicked' } }).test;
    const ids = rowsOf(p.split.assignment, TEST);
    const batch = test.batch(Int32Array.from(ids, (_, i) => i));
    const raw = Array.from(ids, (r) => [rows[r]]);
    expect(raw.filter(([r]) => Number(r.balance) < 0).length).toBeGreaterThan(20);
    expect(raw.some(([r]) => r.balance === '')).toBe(true);
    expect(raw.some(([r]) => r.balance === '1000000000')).toBe(true);
    for (const input of doc.inputs) expect(Array.from(encodeInputs(input, raw, doc).data as Float32Array)).toEqual(Array.from(batch[input.name].data as Float32Array));
    // −50 and 50 land either side of the scaled 0, mirrored about it: a negative balance is not read as 0
    const at = (balance: string) => (encodeInputs(doc.inputs[1], [[{ ...rows[1], balance }]], doc).data as Float32Array)[0];
    const zero = at('0');
    expect(at('-50') - zero).toBeCloseTo(-(at('50') - zero), 5);
    expect(at('-50')).toBeLessThan(zero - 0.5); // z-scored raw, the 1e9 rows would leave it within 1e-6 of 0's
  });
});
