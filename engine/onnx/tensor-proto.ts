// Converting IR values to ONNX messages: tensors (raw little-endian bytes), value infos, attributes.
import { ONNX_DTYPE, type DType } from '../ir/dtype';
import type { Shape, TensorData } from '../ir/tensor';
import { onnx } from './proto';

export function tensorProto(name: string, dtype: DType, dims: readonly number[], data: TensorData): InstanceType<typeof onnx.TensorProto> {
  // rawData must be a fresh copy of exactly the view's bytes (a subarray's buffer may hold more).
  const raw = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return onnx.TensorProto.create({ name, dataType: ONNX_DTYPE[dtype], dims: [...dims], rawData: raw });
}

/** A graph input/output declaration: element type and shape, symbolic dims as dim_param. */
export function valueInfo(name: string, dtype: DType, shape: Shape): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: ONNX_DTYPE[dtype],
        shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
}

/** UTF-8 bytes (the engine has no TextEncoder in its runtime types). */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      c = 0;
    }
  }
  return Uint8Array.from(out);
}
