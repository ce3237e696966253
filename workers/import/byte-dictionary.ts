// Interning short field values by their bytes: a repeated category ("Dresses", "US", "true") is found
// in an open-addressing table keyed on an FNV-1a hash of its bytes and compared byte for byte, so no
// string is created for it. Only a value seen for the first time becomes a string (for the dictionary).

/**
 * Values up to this many bytes are interned by bytes (their bytes are kept once more in the pool);
 * longer ones (paragraphs of free text) go through a Map of strings.
 */
export const SHORT_VALUE_BYTES = 256;

export class ByteDictionary {
  /** slot -> local id (-1 empty); local ids are dense 0..size-1 in insertion order. */
  private table = new Int32Array(1024).fill(-1);
  private hashes: Int32Array = new Int32Array(256);
  private codes: Int32Array = new Int32Array(256);
  /** Bytes of local id i are pool[starts[i] .. starts[i+1]). */
  private starts: Int32Array = new Int32Array(257);
  private pool = Buffer.alloc(4096);
  private size = 0;
  private lastHash = 0;

  /** The column code of b[s..e), or -1 when it is new (then call add with the code it gets). */
  find(b: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    this.lastHash = h;
    const mask = this.table.length - 1;
    const len = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id < 0) return -1;
      if (this.hashes[id] !== h) continue;
      const ps = this.starts[id];
      if (this.starts[id + 1] - ps !== len) continue;
      let k = 0;
      while (k < len && this.pool[ps + k] === b[s + k]) k++;
      if (k === len) return this.codes[id];
    }
  }

  /** Registers b[s..e), just looked up with find(), under the column code `code`. */
  add(b: Uint8Array, s: number, e: number, code: number): void {
    const id = this.size++;
    if (id >= this.hashes.length) {
      const n = this.hashes.length * 2;
      this.hashes = grow(this.hashes, n);
      this.codes = grow(this.codes, n);
      this.starts = grow(this.starts, n + 1);
    }
    const at = this.starts[id], len = e - s;
    if (at + len > this.pool.length) {
      const bigger = Buffer.alloc(Math.max(this.pool.length * 2, at + len));
      this.pool.copy(bigger, 0, 0, at);
      this.pool = bigger;
    }
    for (let k = 0; k < len; k++) this.pool[at + k] = b[s + k];
    this.starts[id + 1] = at + len;
    this.hashes[id] = this.lastHash;
    this.codes[id] = code;
    if (this.size * 2 > this.table.length) {
      this.table = new Int32Array(this.table.length * 2).fill(-1);
      for (let i = 0; i < this.size; i++) this.place(i);
    } else this.place(id);
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.table[slot] >= 0) slot = (slot + 1) & mask;
    this.table[slot] = id;
  }
}

function grow(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
