// Deterministic data order for a run: epoch e visits the training rows in a permutation drawn from
// (seed, e) alone, so the whole order state is two integers {epoch, batch}. A checkpoint stores them and
// a resumed run continues with exactly the batches an uninterrupted run would have seen.
import { seededRandom } from '../../engine/nn/random';
import type { OrderState } from '../../common/runs/checkpoint-format';

export type { OrderState };

export class DataOrder {
  readonly stepsPerEpoch: number;
  private permEpoch = -1;
  private perm = new Uint32Array(0);

  constructor(readonly rows: number, readonly batchSize: number, readonly seed: number, public state: OrderState = { epoch: 0, batch: 0 }) {
    if (batchSize > rows) throw new Error(`batch size ${batchSize} is larger than the ${rows} training rows; lower batchSize`);
    // A partial last batch is dropped: every step sees a full batch (fixed-shape train graph).
    this.stepsPerEpoch = Math.floor(rows / batchSize);
  }

  private permutation(epoch: number): Uint32Array {
    if (this.permEpoch !== epoch) {
      const random = seededRandom(this.seed, `data-order/${epoch}`);
      const p = new Uint32Array(this.rows);
      for (let i = 0; i < p.length; i++) p[i] = i;
      for (let i = p.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        const t = p[i]; p[i] = p[j]; p[j] = t;
      }
      this.perm = p;
      this.permEpoch = epoch;
    }
    return this.perm;
  }

  /** Steps left in the current epoch. */
  get remainingInEpoch(): number {
    return this.stepsPerEpoch - this.state.batch;
  }

  /** Row indices of the next k batches (k ≤ remainingInEpoch), advancing the state. */
  take(k: number): Uint32Array {
    if (k > this.remainingInEpoch) throw new Error(`asked for ${k} batches, the epoch has ${this.remainingInEpoch} left`);
    const perm = this.permutation(this.state.epoch);
    const start = this.state.batch * this.batchSize;
    const rows = perm.slice(start, start + k * this.batchSize);
    this.state = { epoch: this.state.epoch, batch: this.state.batch + k };
    return rows;
  }

  nextEpoch(): void {
    this.state = { epoch: this.state.epoch + 1, batch: 0 };
  }
}
