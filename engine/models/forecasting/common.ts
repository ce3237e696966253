// What all forecasting templates share: [B, L, C] in, [B, H, C] out, MSE loss, and RevIN (reversible
// instance normalisation: each window normalised by its own per-channel mean and std, forecasts mapped back).
import type { Tensor } from '../../ir/tensor';
import type { ParamContext } from '../../nn/params';
import { add, div, gather, constant, mseLoss, mul, reduceMean, sqrt, sub, transpose } from '../../ops/builders';
import type { ModelDefinition } from '../../train/model';
import { GateCollector } from '../common';

export interface ForecastShape {
  lookback: number;
  horizon: number;
  channels: number;
  revin: boolean;
}

/** Wraps a body (normalised window [B, L, C] → forecast [B, H, C]) into a ModelDefinition. */
export function forecastingModel(name: string, s: ForecastShape, body: (g: GateCollector, x: Tensor, ctx: ParamContext) => Tensor): ModelDefinition {
  return {
    name,
    inputs: { x: { dtype: 'float', shape: [s.lookback, s.channels] } },
    targets: { y: { dtype: 'float', shape: [s.horizon, s.channels] } },
    forward(ctx, { x }) {
      const g = new GateCollector(ctx, x);
      let forecast: Tensor;
      if (s.revin) {
        const mean = reduceMean(x, [1], true);
        const centered = sub(x, mean);
        const std = sqrt(add(reduceMean(mul(centered, centered), [1], true), 1e-5));
        forecast = add(mul(body(g, div(centered, std), ctx), std), mean);
      } else {
        forecast = body(g, x, ctx);
      }
      return g.outputs({ forecast });
    },
    loss: ({ predictions }, { y }) => mseLoss(predictions.forecast, y),
  };
}

/** [B, L, C] ↔ [B, C, L] */
export const channelsFirst = (x: Tensor) => transpose(x, [0, 2, 1]);

/**
 * Patches of each series [..., L] → [..., P, patchLen], PatchTST-style: the end is padded by repeating
 * the last value `stride` times, P = floor((L − patchLen)/stride) + 2. One Gather with constant indices.
 */
export function patchify(series: Tensor, lookback: number, patchLen: number, stride: number): { patches: Tensor; count: number } {
  const count = Math.floor((lookback - patchLen) / stride) + 2;
  const idx: number[] = [];
  for (let p = 0; p < count; p++) for (let j = 0; j < patchLen; j++) idx.push(Math.min(p * stride + j, lookback - 1));
  return { patches: gather(series, constant(idx, 'int64', [count, patchLen]), series.rank - 1), count };
}
