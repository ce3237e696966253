// DropoutMask: the keep mask of inverted dropout as one op (0 or 1/(1−p)), a pure function of (seed, element
// index), so runs reproduce and resume exactly. Two emissions:
// - static size (train graphs have a fixed batch): a slice of a constant keep table at a seed-hashed
//   offset, one copy per mask (below, "the mask table");
// - size known only at run time: an integer hash of (seed, element index) in uint32: murmur3's finaliser
//   (shift-mix, wrapping multiply, twice) with Add in place of Xor, since our opset (17) has no BitwiseXor,
//   applied three times; each 32-bit hash masks two elements (16 bits each). ORT's uint32 ops are not
//   vectorised (~3.5 ns per element per op): on TSMixer this path was about half of a training step, which
//   is why static sizes use the table.
// emit.test.ts checks the statistics of both. The IR has no uint32 dtype, so the integer work lives
// entirely inside this op's emission.
import { GraphError } from '../ir/errors';
import { isFloat } from '../ir/dtype';
import type { Node } from '../ir/tensor';
import { staticSize } from '../ir/shape';
import { splitmix32 } from '../nn/random';
import type { EmitContext, OpTable } from './op';

const UINT32 = 12;
const FLOAT = 1;

/** Emits the finaliser over uint32 tensor `x`: h += h >> 16; h *= C1; h += h >> 13; h *= C2; h += h >> 16. */
function fmix32(ctx: EmitContext, x: string, u32: (v: number) => string): string {
  const op = (type: string, inputs: string[], attrs = {}) => {
    const out = ctx.fresh('hash');
    ctx.node(type, inputs, [out], attrs);
    return out;
  };
  const shiftMix = (h: string, s: number) => op('Add', [h, op('BitShift', [h, u32(s)], { direction: { s: 'RIGHT' } })]);
  let h = shiftMix(x, 16);
  h = shiftMix(op('Mul', [h, u32(0x85ebca6b)]), 13);
  return shiftMix(op('Mul', [h, u32(0xc2b2ae35)]), 16);
}

/** Node helpers of one emission: fresh-named nodes, casts to uint32, uint32 constants (each made once). */
function uint32Emitter(ctx: EmitContext) {
  const op = (type: string, inputs: string[], attrs = {}) => {
    const out = ctx.fresh('dropout');
    ctx.node(type, inputs, [out], attrs);
    return out;
  };
  const toU32 = (name: string) => op('Cast', [name], { to: { i: UINT32 } });
  const constants = new Map<number, string>();
  const u32 = (v: number) => {
    if (!constants.has(v)) constants.set(v, toU32(ctx.scalar(v, 'int64')));
    return constants.get(v)!;
  };
  return { op, toU32, u32 };
}

/** The seed (any int64) folded to 31 bits, then mixed once: nearby seeds give unrelated streams. */
function mixedSeed(ctx: EmitContext, e: ReturnType<typeof uint32Emitter>, seed: string): string {
  const folded = e.toU32(e.op('Mod', [seed, ctx.scalar(2147483647, 'int64')]));
  return fmix32(ctx, e.op('Add', [e.op('Mul', [folded, e.u32(0x27d4eb2f)]), e.u32(0x165667b1)]), e.u32);
}

// ---- the mask table: one pass per mask instead of a hash per element --------------------------------
// A tensor with a static size n (train graphs have a fixed batch) reads its mask as a slice of a constant
// table of keep values (0 or 1/(1−p), drawn once from a fixed generator), starting at an offset hashed
// from the seed. The table holds at least 2n values, so there are n+1 or more offsets: two steps share a
// mask only when their offsets collide (probability ≤ 1/(n+1)); within a mask, elements are independent
// draws; different layers have different seeds, hence offsets. Cost: one Slice (a copy of n values)
// instead of ~20 integer ops per element pair, which ORT does not vectorise (~half of a TSMixer step).
// Tables are shared by every mask with the same p and length class; past MAX_TABLE values (64 MB in
// float32) the hash path below is used instead.
const MAX_TABLE = 1 << 24;
const TABLE_SEED = 0x6d61736b; // fixed: a model's masks must not change between sessions (resume-exact)

/** Table length for a mask of n values: a power of two ≥ 2n, at least 2^16 (small masks share one). */
export function maskTableLength(n: number): number {
  let t = 1 << 16;
  while (t < 2 * n) t *= 2;
  return t;
}

/** The keep values of a table: each 1/(1−p) with probability 1−p, else 0, from splitmix32 (32-bit uniforms). */
export function maskTable(p: number, length: number, dtype: 'float32' | 'float64'): Float32Array | Float64Array {
  const next = splitmix32((TABLE_SEED ^ Math.round(p * 4294967295)) >>> 0);
  const out = dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
  const keep = 1 / (1 - p);
  for (let i = 0; i < length; i++) out[i] = next() >= p ? keep : 0;
  return out;
}

function emitFromTable(node: Node, ctx: EmitContext, n: number): void {
  const [x, seed] = node.inputs.map((t) => ctx.name(t));
  const p = node.attrs.p as number;
  const dt = node.inputs[0].dtype === 'float64' ? 'float64' : 'float32';
  const length = maskTableLength(n);
  const table = ctx.table(`dropout:${p}:${dt}:${length}`, dt, [length], () => maskTable(p, length, dt));
  const e = uint32Emitter(ctx);
  const { op } = e;
  // offset = fmix32(mixed seed) mod (length − n + 1): scalar work, free next to the copy
  const mixed = fmix32(ctx, mixedSeed(ctx, e, seed), e.u32);
  const start = op('Mod', [op('Cast', [mixed], { to: { i: 7 } }), ctx.scalar(length - n + 1, 'int64')]);
  const starts = op('Reshape', [start, ctx.int64([1])]);
  const ends = op('Add', [starts, ctx.int64([n])]);
  const flat = op('Slice', [table, starts, ends, ctx.int64([0])]);
  ctx.node('Reshape', [flat, op('Shape', [x])], [ctx.name(node.outputs[0])]);
}

export const randomOps: OpTable = {
  /** Inputs: x (only its shape is read), seed int64 scalar. Attr p. Output: 0 or 1/(1-p), shaped and typed like x. */
  DropoutMask: {
    infer: ([x, seed], attrs) => {
      if (!isFloat(x.dtype) || seed.dtype !== 'int64' || seed.rank !== 0) throw new GraphError('DropoutMask', 'needs a float tensor and an int64 scalar seed', [x, seed]);
      const p = attrs.p as number;
      if (!(p > 0 && p < 1)) throw new GraphError('DropoutMask', `p must be in (0, 1), got ${p}`, [x]);
      return [{ dtype: x.dtype, shape: x.shape }];
    },
    emit: (node, ctx) => {
      const [x, seed] = node.inputs.map((t) => ctx.name(t));
      const p = node.attrs.p as number;
      const n = staticSize(node.inputs[0].shape);
      if (n !== null && n > 0 && maskTableLength(n) <= MAX_TABLE) return emitFromTable(node, ctx, n);
      const e = uint32Emitter(ctx);
      const { op, toU32, u32 } = e;
      const s = mixedSeed(ctx, e, seed);
      // One 32-bit hash per two elements: its high 16 bits drop the first half of x, its low 16 bits the
      // second half (p is then resolved to 1/65536). Hashing is the cost, so this halves it.
      const size = op('Size', [x]);
      const half = op('Div', [op('Add', [size, ctx.scalar(1, 'int64')]), ctx.scalar(2, 'int64')]);
      const index = toU32(op('Range', [ctx.scalar(0, 'int64'), half, ctx.scalar(1, 'int64')]));
      // Add-based mixing is weaker than xor: three rounds are needed for independent masks across
      // consecutive seeds and neighbouring elements (two left 4% excess agreement between seeds).
      const h = fmix32(ctx, fmix32(ctx, fmix32(ctx, op('Add', [index, s]), u32), u32), u32);
      const shift = (t: string, by: number, direction: 'LEFT' | 'RIGHT') => op('BitShift', [t, u32(by)], { direction: { s: direction } });
      const both = op('Concat', [shift(h, 16, 'RIGHT'), shift(shift(h, 16, 'LEFT'), 16, 'RIGHT')], { axis: { i: 0 } });
      const bits = op('Slice', [both, ctx.int64([0]), op('Reshape', [size, ctx.int64([1])]), ctx.int64([0])]);
      // keep iff the 16-bit value k ≥ p·65536: P(keep) = 1 − ⌈65536 p⌉ / 65536.
      const u = op('Cast', [bits], { to: { i: FLOAT } });
      const dt = node.inputs[0].dtype;
      const keep = op('Cast', [op('GreaterOrEqual', [u, ctx.scalar(Math.ceil(p * 65536), 'float32')])], { to: { i: dt === 'float64' ? 11 : FLOAT } });
      const flat = op('Mul', [keep, ctx.scalar(1 / (1 - p), dt)]);
      ctx.node('Reshape', [flat, op('Shape', [x])], [ctx.name(node.outputs[0])]);
    },
    // The mask does not depend on x's values, and the seed is an integer.
    backward: () => [null, null],
  },
};
