// A .npy array has no column names: an exported model's features say which matrix column feeds them
// (sourceIndex), so a user can build the model's inputs from the array they trained on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSplit, fitPipeline } from '../../../common/data';
import { DataColumns, pipelineFor } from '../../../common/models/binding';
import { importFile } from '../import';
import { preprocessingDoc } from './export-preprocessing';
import { sourceColumnsRule, sourcePlaceOf } from './export-source-fields';
import { lazyDatasetCache, type RunPipeline } from './run-pipeline';

const tmp = mkdtempSync(join(tmpdir(), 'gatelab-npy-source-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A float64 .npy file as np.save writes it (version 1.0, header padded to 64 bytes), C order. */
function npy(shape: number[], data: Float64Array): Buffer {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header = header.padEnd(header.length + ((64 - ((10 + header.length + 1) % 64)) % 64), ' ') + '\n';
  const pre = Buffer.alloc(10);
  pre[0] = 0x93; pre.write('NUMPY', 1, 'latin1'); pre[6] = 1; pre[7] = 0; pre.writeUInt16LE(header.length, 8);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(data.buffer)]);
}

describe('source positions of a .npy dataset', () => {
  it('a 2-D array [rows, 4]: each feature of the export names the matrix column it reads, and that column holds its values', async () => {
    const rows = 240, cols = 4;
    // columns with different values, so a wrong index reads other numbers: label, then three features
    const m = Float64Array.from({ length: rows * cols }, (_, i) => {
      const [r, k] = [Math.floor(i / cols), i % cols];
      return k === 0 ? r % 3 : (k * 100) + ((r * (k + 2)) % 17) + 0.5;
    });
    writeFileSync(join(tmp, 'matrix.npy'), npy([rows, cols], m));
    await importFile(join(tmp, 'matrix.npy'), join(tmp, 'matrix'));
    const data = lazyDatasetCache(join(tmp, 'matrix'));
    expect(data.meta.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3', 'column_4']);

    const columns = DataColumns.parse({ family: 'fusion', modalities: [{ name: 'a', columns: ['column_4', 'column_2'] }, { name: 'b', columns: ['column_3'] }], label: 'column_1' });
    const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, data);
    const typeOf = (n: string) => data.meta.columns.find((c) => c.name === n)?.type;
    const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor(typeOf, columns), data, split.assignment), window: {} };
    const doc = preprocessingDoc(p, { float: 'float32', targets: ['label'] });
    const places = doc.inputs.flatMap((i) => i.features).map((f) => [f.column, f.sourceColumn, f.sourceIndex]);
    expect(places).toEqual([['column_4', null, 3], ['column_2', null, 1], ['column_3', null, 2]]);
    expect(doc.outputs[0].label).toMatchObject({ column: 'column_1', sourceColumn: null, sourceIndex: 0 });
    expect(doc.source).toMatchObject({ format: 'npy', columns: expect.stringMatching(/^a \.npy array has no column names: .*column_k is array\[:, k-1\]/) });
    // the index is the matrix column the lab's column was read from
    for (const f of doc.inputs.flatMap((i) => i.features)) {
      const k = f.sourceIndex!;
      expect(Array.from(data.column(f.column!).values)).toEqual(Array.from({ length: rows }, (_, r) => m[r * cols + k]));
    }
  });

  it('a 1-D array is the one column column_1, at index 0', async () => {
    writeFileSync(join(tmp, 'vector.npy'), npy([30], Float64Array.from({ length: 30 }, (_, i) => i / 3)));
    await importFile(join(tmp, 'vector.npy'), join(tmp, 'vector'));
    const { meta } = lazyDatasetCache(join(tmp, 'vector'));
    expect(sourcePlaceOf(meta, 'column_1')).toEqual({ sourceColumn: null, sourceIndex: 0 });
    expect(sourceColumnsRule(meta)).toMatch(/a 1-D array is the one column column_1 \(sourceIndex 0: the array itself\)$/);
  });
});
