// Pieces every template uses: the gate environment with statistics/loss collection, an MLP with
// activations and dropout, and the result shape a template's forward returns.
import type { Tensor } from '../ir/tensor';
import type { ParamContext } from '../nn/params';
import { add, relu } from '../ops/builders';
import type { ModelOutputs } from '../train/model';
import { dense, gateEnv, maybeDropout, type GateEnv, type GateOutput } from '../gates';

/** Collects gate statistics and auxiliary losses while a template builds its graph. */
export class GateCollector {
  readonly env: GateEnv;
  readonly stats: Record<string, Tensor> = {};
  private readonly losses: Tensor[] = [];

  /**
   * Compiled train graphs give `ctx` their step (temperature schedules, a per-step seed for dropout and
   * noisy gating, Loop-call accumulation). `seedSource` (a batch tensor) is only the seed fallback for a
   * training context built without a step (hand-built test graphs).
   */
  constructor(ctx: ParamContext, seedSource?: Tensor) {
    this.env = gateEnv(ctx, {}, seedSource);
  }

  /** Records a gate's stats and losses, returns its output. */
  take(out: Pick<GateOutput, 'stats' | 'losses'> & { y?: Tensor }): Tensor {
    Object.assign(this.stats, out.stats);
    for (const [name, l] of Object.entries(out.losses)) {
      this.losses.push(l);
      this.stats[`loss.${name}`] = l;
    }
    return out.y as Tensor;
  }

  outputs(predictions: Record<string, Tensor>): ModelOutputs {
    const auxLoss = this.losses.length ? this.losses.reduce((a, b) => add(a, b)) : undefined;
    return { predictions, stats: this.stats, auxLoss };
  }
}

/** Linear layers `${name}.layer{i}` with ReLU and dropout between them; `out` adds a final linear layer without activation. */
export function mlp(env: GateEnv, name: string, x: Tensor, hidden: readonly number[], dropout: number, out?: number): Tensor {
  let h = x;
  hidden.forEach((w, i) => {
    h = maybeDropout(env, `${name}.layer${i}`, relu(dense(env, `${name}.layer${i}`, h, w)), dropout);
  });
  return out === undefined ? h : dense(env, `${name}.out`, h, out);
}

/** Parameter count of the same MLP (for hand counts in tests and docs). */
export function mlpParams(input: number, hidden: readonly number[], out?: number): number {
  let n = 0, d = input;
  for (const w of hidden) { n += d * w + w; d = w; }
  return out === undefined ? n : n + d * out + out;
}
