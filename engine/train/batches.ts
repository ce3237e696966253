// Mini-batches for the Loop-K graph: K batches of B rows stacked as [K, B, ...], drawn from in-memory
// columns in a seeded shuffled order, epoch after epoch (reproducible data order for a given seed).
import { seededRandom } from '../nn/random';

export interface Column {
  /** Row-major values: `rows × width` (width = product of the per-sample shape). */
  data: Float32Array | Float64Array | BigInt64Array;
  /** Per-sample shape, e.g. [features] or [1]. */
  shape: readonly number[];
}

export interface StackedBatch {
  data: Float32Array | Float64Array | BigInt64Array;
  dims: number[];
}

export class BatchSampler {
  private order: Uint32Array;
  private cursor = 0;
  private readonly random;
  epoch = 0;

  constructor(private readonly columns: Record<string, Column>, readonly rows: number, readonly batchSize: number, seed: number) {
    if (batchSize > rows) throw new Error(`batch size ${batchSize} is larger than the ${rows} training rows`);
    for (const [name, c] of Object.entries(columns)) {
      const width = c.shape.reduce((a, b) => a * b, 1);
      if (c.data.length !== rows * width) {
        throw new Error(`column '${name}' has ${c.data.length} values; ${rows} rows of shape [${c.shape.join(', ')}] need ${rows * width}`);
      }
    }
    this.random = seededRandom(seed, 'batch-order');
    this.order = new Uint32Array(rows).map((_, i) => i);
    this.shuffle();
  }

  private shuffle(): void {
    for (let i = this.order.length - 1; i > 0; i--) {
      const j = this.random.int(i + 1);
      [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
    }
  }

  /** The next k batches, each column as [k, B, ...shape]. A partial last batch of an epoch is skipped. */
  next(k: number): Record<string, StackedBatch> {
    const out: Record<string, StackedBatch> = {};
    const B = this.batchSize;
    const rowsOut: number[] = [];
    for (let s = 0; s < k; s++) {
      if (this.cursor + B > this.rows) { this.cursor = 0; this.epoch++; this.shuffle(); }
      for (let i = 0; i < B; i++) rowsOut.push(this.order[this.cursor + i]);
      this.cursor += B;
    }
    for (const [name, c] of Object.entries(this.columns)) {
      const width = c.shape.reduce((a, b) => a * b, 1);
      const data = new (c.data.constructor as { new (n: number): StackedBatch['data'] })(k * B * width);
      rowsOut.forEach((r, i) => data.set(c.data.subarray(r * width, (r + 1) * width) as never, i * width));
      out[name] = { data, dims: [k, B, ...c.shape] };
    }
    return out;
  }
}
