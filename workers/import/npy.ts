// NumPy .npy: a 2-D float32/float64 matrix (embeddings) becomes one vector column of dim = columns;
// a 1-D array becomes a vector column of dim 1. Read in row blocks, never whole.
import { closeSync, openSync, readSync } from 'node:fs';
import { ImportError, type DatasetCacheMeta } from '../../common/dataset-cache';
import type { ImportJob } from './job';
import { TableWriter } from './table-writer';
import type { VectorColumn } from './vector-column';

const BLOCK_BYTES = 4 * 1024 * 1024;

interface NpyHeader { dtype: 'float32' | 'float64'; rows: number; dim: number; dataOffset: number }

export function readNpyHeader(fd: number, file: string, size: number): NpyHeader {
  const pre = Buffer.alloc(12);
  readSync(fd, pre, 0, 12, 0);
  if (pre[0] !== 0x93 || pre.toString('latin1', 1, 6) !== 'NUMPY') throw new ImportError('bad_format', `${file}: not a NumPy .npy file (no \\x93NUMPY magic)`, { file });
  const major = pre[6];
  const headerLen = major === 1 ? pre.readUInt16LE(8) : pre.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const hb = Buffer.alloc(headerLen);
  readSync(fd, hb, 0, headerLen, start);
  const header = hb.toString('latin1');
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*True/.test(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const dtype = descr === '<f4' || descr === '=f4' ? 'float32' : descr === '<f8' || descr === '=f8' ? 'float64' : null;
  if (!dtype) throw new ImportError('bad_format', `${file}: .npy dtype '${descr}' is not supported; save the matrix as little-endian float32 or float64 (np.asarray(x, dtype='<f4'))`, { file });
  if (!shape || shape.length < 1 || shape.length > 2 || shape.some((d) => !Number.isInteger(d))) {
    throw new ImportError('bad_format', `${file}: .npy shape (${shape?.join(', ')}) is not supported; expected a 1-D or 2-D array`, { file });
  }
  if (fortran && shape.length === 2 && shape[1] > 1) throw new ImportError('bad_format', `${file}: the .npy matrix is in Fortran (column-major) order; save it with np.save(path, np.ascontiguousarray(x))`, { file });
  const rows = shape[0], dim = shape[1] ?? 1, dataOffset = start + headerLen;
  const need = dataOffset + rows * dim * (dtype === 'float32' ? 4 : 8);
  if (size < need) throw new ImportError('bad_format', `${file}: truncated .npy file: the header says ${rows} x ${dim} ${dtype} (${need} bytes), the file has ${size}`, { file });
  return { dtype, rows, dim, dataOffset };
}

export function importNpy(job: ImportJob): DatasetCacheMeta {
  const file = job.fileName;
  const fd = openSync(job.path, 'r');
  try {
    const h = readNpyHeader(fd, file, job.totalBytes);
    if (h.rows === 0 || h.dim === 0) throw new ImportError('no_rows', `${file}: the array is empty (${h.rows} x ${h.dim})`, { file });
    const name = job.options.name?.trim() || 'vector';
    const table = new TableWriter([{ name, kind: 'vector', dtype: 'float32', dim: h.dim }], { dir: job.outDir, file, policy: job.policy, validation: job.validation, text: (b, s, e) => b.toString('utf8', s, e) }, undefined);
    const col = table.columns[0] as VectorColumn;
    const size = h.dtype === 'float32' ? 4 : 8;
    const rowBytes = h.dim * size;
    const blockRows = Math.max(1, Math.floor(BLOCK_BYTES / rowBytes));
    const buf = Buffer.alloc(blockRows * rowBytes);
    for (let r0 = 0; r0 < h.rows; r0 += blockRows) {
      job.checkCancelled();
      const n = Math.min(blockRows, h.rows - r0);
      readSync(fd, buf, 0, n * rowBytes, h.dataOffset + r0 * rowBytes);
      const view = h.dtype === 'float32' ? new Float32Array(buf.buffer, buf.byteOffset, n * h.dim) : new Float64Array(buf.buffer, buf.byteOffset, n * h.dim);
      for (let r = 0; r < n; r++) {
        col.putRow(view, r * h.dim, r0 + r + 1);
        table.endRow(r0 + r + 1);
      }
      job.progress(h.dataOffset + (r0 + n) * rowBytes, table.rows);
    }
    return table.finish({ fileName: file, bytes: job.totalBytes, format: 'npy', encoding: 'utf-8' });
  } finally {
    closeSync(fd);
  }
}
