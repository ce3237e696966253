// The checkpoint file format, pure (no I/O): the trainer writes it (workers/run/checkpoint-file.ts,
// atomically), the lab reads it for export and inspection. Layout:
//   "GLCKPT1\n" | u32 LE header length | JSON header (ASCII) | params | each optimizer state vector
// Float buffers are raw little-endian float32/float64 of `size` values each. The header's `checksum`
// (FNV-1a, 32 bits, over the payload after the header) detects a damaged file, not only a truncated one;
// files written before it existed have none and are checked by length only.
export interface OrderState {
  epoch: number;
  /** Index of the next batch within the epoch. */
  batch: number;
}

export interface BestSoFar {
  /** Validation loss (lower is better); null before the first evaluation. */
  metric: number | null;
  epoch: number;
  step: number;
  /** Epochs since the last improvement (early stopping). */
  badEpochs: number;
}

export interface CheckpointHeader {
  runId: number;
  step: number;
  /** Completed epochs. */
  epoch: number;
  order: OrderState;
  best: BestSoFar;
  dtype: 'float32' | 'float64';
  size: number;
  stateNames: string[];
  /** Model name: a checkpoint of another model is refused on load. */
  model: string;
  kind: string;
  createdAt: string;
  /** 'fnv1a32:' + 8 hex digits over the payload bytes; absent in files from older versions. */
  checksum?: string;
}

type Flat = Float32Array | Float64Array;

export interface CheckpointData {
  header: CheckpointHeader;
  params: Flat;
  state: Record<string, Flat>;
}

const MAGIC = 'GLCKPT1\n';

// JSON with every non-ASCII character escaped is ASCII: one byte per char, no TextEncoder needed.
const asciiJson = (v: unknown) => JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const asciiBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const bytesOf = (a: Flat) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The start of the message a failed checkpoint write reports (the lab keeps such a run resumable). */
export const CHECKPOINT_WRITE_FAILED = 'could not write the checkpoint';

const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a over byte arrays in order (one hash across several parts): a fast check, not cryptographic. */
export function fnv1a32(parts: Uint8Array[]): number {
  let h = FNV_OFFSET;
  for (const p of parts) for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p[i], 0x01000193);
  return h >>> 0;
}
const checksumText = (h: number) => `fnv1a32:${h.toString(16).padStart(8, '0')}`;

/** The file's bytes, in parts (written one after the other). */
export function encodeCheckpoint(c: CheckpointData): Uint8Array[] {
  const payload = [bytesOf(c.params), ...c.header.stateNames.map((n) => bytesOf(c.state[n]))];
  const header = asciiBytes(asciiJson({ ...c.header, checksum: checksumText(fnv1a32(payload)) }));
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, header.length, true);
  return [asciiBytes(MAGIC), len, header, ...payload];
}

/** Parses a checkpoint; `where` names the file in errors. */
export function decodeCheckpoint(buf: Uint8Array, where: string): CheckpointData {
  const magic = String.fromCharCode(...buf.subarray(0, MAGIC.length));
  if (buf.length < MAGIC.length + 4 || magic !== MAGIC) throw new Error(`'${where}' is not a GateLab checkpoint (bad magic)`);
  const hlen = new DataView(buf.buffer, buf.byteOffset + MAGIC.length, 4).getUint32(0, true);
  const start = MAGIC.length + 4;
  let json = '';
  for (let i = start; i < Math.min(buf.length, start + hlen); i++) json += String.fromCharCode(buf[i]);
  let header: CheckpointHeader;
  try {
    header = JSON.parse(json) as CheckpointHeader;
  } catch {
    throw new Error(`checkpoint '${where}' is damaged: its header is not readable`);
  }
  const width = header.dtype === 'float64' ? 8 : 4;
  const expected = start + hlen + width * header.size * (1 + header.stateNames.length);
  if (buf.length !== expected) throw new Error(`checkpoint '${where}' is truncated or damaged: ${buf.length} bytes, expected ${expected}`);
  if (header.checksum) {
    const actual = checksumText(fnv1a32([buf.subarray(start + hlen)]));
    if (actual !== header.checksum) throw new Error(`checkpoint '${where}' is damaged: its checksum is ${actual}, the file says ${header.checksum}`);
  }
  let off = start + hlen;
  const take = (): Flat => {
    // Copy into a fresh buffer: the file offset need not be aligned to the element size.
    const copy = new Uint8Array(buf.subarray(off, off + width * header.size)).buffer; // (Buffer.slice would share memory)
    off += width * header.size;
    return header.dtype === 'float64' ? new Float64Array(copy) : new Float32Array(copy);
  };
  const params = take();
  const state: Record<string, Flat> = {};
  for (const n of header.stateNames) state[n] = take();
  return { header, params, state };
}
