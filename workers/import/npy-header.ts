// The header of a NumPy .npy file: dtype, shape and memory order, checked against the file's size, with a
// message that says how to re-save an array the importer cannot read.
import { readSync } from 'node:fs';
import { endianness } from 'node:os';
import { ImportError } from '../../common/dataset-cache';

export type NpyKind = 'float' | 'int' | 'uint' | 'bool';

export interface NpyDtype {
  kind: NpyKind;
  /** Bytes per element. */
  size: number;
  littleEndian: boolean;
  /** As numpy writes it: '<f4', '|u1'. */
  descr: string;
}

export interface NpyHeader {
  dtype: NpyDtype;
  shape: number[];
  /** Column-major (np.asfortranarray, and often DataFrame.to_numpy()). */
  fortran: boolean;
  dataOffset: number;
}

const SIZES: Record<string, number[]> = { f: [4, 8], i: [1, 2, 4, 8], u: [1, 2, 4, 8], b: [1] };
const KINDS: Record<string, NpyKind> = { f: 'float', i: 'int', u: 'uint', b: 'bool' };
const RESAVE = "save it with np.save(path, x.astype('float32')), or as CSV/Parquet for named columns";

/** What numpy's type code means, for a message about a dtype the importer does not read. */
function unsupported(file: string, descr: string): ImportError {
  const code = descr.replace(/^[<>|=]/, '')[0];
  const what = code === 'U' || code === 'S' ? 'strings' : code === 'O' ? 'Python objects' : code === 'c' ? 'complex numbers'
    : code === 'M' || code === 'm' ? 'datetime64/timedelta64 values' : code === 'f' ? `${Number(descr.slice(2)) * 8}-bit floats` : `values of type '${descr}'`;
  return new ImportError('bad_format', `${file}: the .npy array holds ${what} (dtype '${descr}'); GateLab reads float32/float64, integer and boolean arrays: ${RESAVE}`, { file });
}

/** numpy's name for the dtype: 'float32', 'int64', 'bool'. */
export const dtypeName = (d: NpyDtype) => (d.kind === 'bool' ? 'bool' : `${d.kind}${d.size * 8}`);

export function parseDtype(file: string, descr: string): NpyDtype {
  const m = /^([<>|=])([fiub])(\d+)$/.exec(descr);
  if (!m || !SIZES[m[2]].includes(Number(m[3]))) throw unsupported(file, descr);
  const size = Number(m[3]);
  const littleEndian = m[1] === '<' || (m[1] === '=' && endianness() === 'LE') || (m[1] === '|' && size === 1);
  if (m[1] === '|' && size !== 1) throw unsupported(file, descr);
  return { kind: KINDS[m[2]], size, littleEndian, descr };
}

export function readNpyHeader(fd: number, file: string, size: number): NpyHeader {
  const pre = Buffer.alloc(12);
  const got = readSync(fd, pre, 0, 12, 0);
  if (got < 10 || pre[0] !== 0x93 || pre.toString('latin1', 1, 6) !== 'NUMPY') throw new ImportError('bad_format', `${file}: not a NumPy .npy file (no \\x93NUMPY magic)`, { file });
  const major = pre[6];
  const headerLen = major === 1 ? pre.readUInt16LE(8) : pre.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  if (start + headerLen > size) throw new ImportError('bad_format', `${file}: truncated .npy file: the header is cut off`, { file });
  const hb = Buffer.alloc(headerLen);
  readSync(fd, hb, 0, headerLen, start);
  const header = hb.toString('latin1');
  if (/'descr'\s*:\s*\[/.test(header)) {
    throw new ImportError('bad_format', `${file}: the .npy array is a structured array (named fields); save a plain array (np.column_stack of the fields), or a CSV/Parquet file to keep the field names`, { file });
  }
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  if (descr === undefined) throw new ImportError('bad_format', `${file}: the .npy header has no dtype ('descr'); the file is damaged, save it again with np.save`, { file });
  const dtype = parseDtype(file, descr);
  const fortran = /'fortran_order'\s*:\s*True/.test(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (!shape || shape.some((d) => !Number.isInteger(d) || d < 0)) throw new ImportError('bad_format', `${file}: the .npy header has no readable shape; the file is damaged, save it again with np.save`, { file });
  if (shape.length === 0) throw new ImportError('bad_format', `${file}: the .npy file holds a single value (a 0-d array), not rows; save a 1-D array (one column) or a 2-D array [rows, columns]`, { file });
  const dataOffset = start + headerLen;
  const need = dataOffset + shape.reduce((a, b) => a * b, 1) * dtype.size;
  if (size < need) throw new ImportError('bad_format', `${file}: truncated .npy file: the header says shape (${shape.join(', ')}) of ${descr} (${need} bytes), the file has ${size}`, { file });
  return { dtype, shape, fortran, dataOffset };
}
