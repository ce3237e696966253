// Decoding .npy elements of any byte order into numbers. 64-bit integers beyond 2^53 have no exact
// JS number: the caller is told where, so it can refuse rather than store a rounded id.
import type { NpyDtype } from './npy-header';

/** Decodes `count` elements of `buf` into `out`; `onInexact` hears of each 64-bit integer a JS number cannot hold exactly. */
export function decodeInto(buf: Buffer, count: number, dtype: NpyDtype, out: Float64Array, onInexact: (index: number, exact: bigint) => void): void {
  const dv = new DataView(buf.buffer, buf.byteOffset, count * dtype.size);
  const le = dtype.littleEndian;
  const { kind, size } = dtype;
  for (let i = 0, o = 0; i < count; i++, o += size) {
    let v: number;
    if (kind === 'float') v = size === 4 ? dv.getFloat32(o, le) : dv.getFloat64(o, le);
    else if (kind === 'bool') v = dv.getUint8(o) === 0 ? 0 : 1;
    else if (size === 1) v = kind === 'int' ? dv.getInt8(o) : dv.getUint8(o);
    else if (size === 2) v = kind === 'int' ? dv.getInt16(o, le) : dv.getUint16(o, le);
    else if (size === 4) v = kind === 'int' ? dv.getInt32(o, le) : dv.getUint32(o, le);
    else {
      const big = kind === 'int' ? dv.getBigInt64(o, le) : dv.getBigUint64(o, le);
      v = Number(big);
      if (!Number.isSafeInteger(v)) onInexact(i, big);
    }
    out[i] = v;
  }
}
