// The messages between `gatelab demo` and its trainer process, and the demo's settings. A first,
// small protocol: the runs engineer's full worker protocol (common/) will supersede it.
import type { GatedSizes } from './gated-model';

export interface DemoSpec {
  sizes: GatedSizes;
  /** Synthetic training rows (a further 1/8 is held out for the final evaluation). */
  samples: number;
  batchSize: number;
  /** Wall-clock training budget. */
  seconds: number;
  lr: number;
  seed: number;
  providers: ('cuda' | 'cpu')[];
}

export const DEFAULT_DEMO: DemoSpec = {
  sizes: { inputs: 16, hidden: 64, experts: 4, expertHidden: 16 },
  samples: 65_536,
  batchSize: 128,
  seconds: 4,
  lr: 3e-3,
  seed: 7,
  providers: ['cpu'],
};

export type TrainerRequest = { type: 'start'; spec: DemoSpec } | { type: 'cancel' };

export interface GateStats {
  /** Mean of σ(·) in the feature gate, in (0, 1): 0.5 is "half open". */
  gateOpenness: number;
  /** Mean router probability per expert (sums to 1). */
  expertLoad: number[];
}

export type TrainerEvent =
  | { type: 'ready'; pid: number; model: string; parameters: number; provider: 'cuda' | 'cpu'; fallbackReason?: string }
  | ({ type: 'progress'; step: number; epoch: number; loss: number; samplesPerSec: number; stepsPerCall: number; elapsedMs: number } & GateStats)
  | ({ type: 'done'; step: number; evalLoss: number; evalAccuracy: number; elapsedMs: number; cancelled: boolean } & GateStats)
  | { type: 'error'; message: string };
