// The flat buffers of a run: parameters (and Adam's m and v, same layout) as one Float32Array or
// Float64Array each. Converting between that and named per-parameter values happens only here.
import type { ParamLayout } from '../nn/params';
import { fillInit } from '../nn/init';

export type FloatDType = 'float32' | 'float64';
export type FlatBuffer = Float32Array | Float64Array;

export const allocFlat = (dtype: FloatDType, size: number): FlatBuffer =>
  dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);

/** Initial parameters from each parameter's init, seeded per name (reproducible, order-independent). */
export function initialParams(layout: ParamLayout, dtype: FloatDType, seed: number): FlatBuffer {
  const flat = allocFlat(dtype, layout.size);
  for (const p of layout.params) fillInit(flat.subarray(p.offset, p.offset + p.size), p.init, seed, p.name);
  return flat;
}

/** Packs named values (e.g. weights loaded from a fixture or a checkpoint) into a flat buffer. */
export function packParams(layout: ParamLayout, dtype: FloatDType, values: Record<string, ArrayLike<number>>): FlatBuffer {
  const flat = allocFlat(dtype, layout.size);
  for (const p of layout.params) {
    const v = values[p.name];
    if (!v) throw new Error(`no values for parameter '${p.name}' (shape [${p.shape.join(', ')}]); have: ${Object.keys(values).join(', ')}`);
    if (v.length !== p.size) throw new Error(`parameter '${p.name}' needs ${p.size} values (shape [${p.shape.join(', ')}]), got ${v.length}`);
    flat.set(v, p.offset);
  }
  return flat;
}

/** Views of each parameter inside a flat buffer (no copy). */
export function unpackParams(layout: ParamLayout, flat: FlatBuffer): Record<string, FlatBuffer> {
  if (flat.length !== layout.size) throw new Error(`flat parameter buffer has ${flat.length} values, the model has ${layout.size}`);
  const out: Record<string, FlatBuffer> = {};
  for (const p of layout.params) out[p.name] = flat.subarray(p.offset, p.offset + p.size);
  return out;
}

/** 1 where weight decay applies, 0 elsewhere: AdamW's per-parameter mask as one flat constant. */
export function decayMask(layout: ParamLayout, dtype: FloatDType): FlatBuffer {
  const mask = allocFlat(dtype, layout.size);
  for (const p of layout.params) if (p.decay) mask.fill(1, p.offset, p.offset + p.size);
  return mask;
}
