// DropoutMask: the keep mask of inverted dropout as one op, emitted as an integer hash of (seed, element
// index) in uint32: murmur3's finaliser (shift-mix, wrapping multiply, twice) with Add in place of Xor,
// since our opset (17) has no BitwiseXor, applied three times; each 32-bit hash masks two elements (16 bits
// each). emit.test.ts checks the statistics. It replaced an int64 hash with four Mod rounds per element,
// which ORT runs element by element: on TSMixer (1M dropped values per block) that hash was ~60% of a
// training step; this one takes a TSMixer step from ~90 to ~67 ms of CPU. ORT's uint32 ops are not
// vectorised either (~3.5 ns per element per op), so the mask is still the largest cost there.
// The IR has no uint32 dtype, so the integer work lives entirely inside this op's emission.
import { GraphError } from '../ir/errors';
import { isFloat } from '../ir/dtype';
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
      // The seed (any int64) folded to 31 bits, then mixed once: nearby seeds give unrelated streams.
      const s = fmix32(ctx, op('Add', [op('Mul', [toU32(op('Mod', [seed, ctx.scalar(2147483647, 'int64')])), u32(0x27d4eb2f)]), u32(0x165667b1)]), u32);
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
