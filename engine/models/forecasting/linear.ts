// The forecasting baselines: Linear, NLinear, DLinear (Zeng et al. 2023) and an MLP.
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import { add, constant, matmul, reshape, slice, sub, unsqueeze } from '../../ops/builders';
import { init } from '../../nn/init';
import { dense, type GateEnv } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import { mlp } from '../common';
import { channelsFirst, forecastingModel } from './common';

type Mode = TemplateOf<'linear'>['mode'];

/**
 * L → H along time. channel-independent: for every channel, shared weights [L, H] or one map per channel
 * [C, L, H]; channel-mixing: one map from the whole window [L·C] to [H·C], so every forecast sees every
 * channel's past.
 */
function timeLinear(env: GateEnv, name: string, x: Tensor, horizon: number, individual: boolean, mode: Mode = 'channel-independent'): Tensor {
  const L = x.shape[1] as number, C = x.shape[2] as number;
  if (mode === 'channel-mixing') return reshape(dense(env, name, reshape(x, [-1, L * C]), horizon * C), [-1, horizon, C]);
  const xc = channelsFirst(x); // [B, C, L]
  if (!individual) return channelsFirst(dense(env, name, xc, horizon));
  const w = env.ctx.param(`${name}.w`, [C, L, horizon], init.torchLinear(L));
  const b = env.ctx.param(`${name}.b`, [C, horizon], init.torchLinear(L));
  const y = add(reshape(matmul(unsqueeze(xc, [2]), w), [-1, C, horizon]), b); // [B,C,1,L]@[C,L,H]
  return channelsFirst(y);
}

export function linearModel(c: TemplateOf<'linear'>): ModelDefinition {
  return forecastingModel('linear', c, (g, x) => timeLinear(g.env, 'linear', x, c.horizon, c.individual, c.mode));
}

export function nlinearModel(c: TemplateOf<'nlinear'>): ModelDefinition {
  return forecastingModel('nlinear', c, (g, x) => {
    const last = slice(x, [c.lookback - 1], [c.lookback], [1]); // [B, 1, C]
    return add(timeLinear(g.env, 'linear', sub(x, last), c.horizon, c.individual, c.mode), last);
  });
}

/** The moving-average matrix A [L, L] with replicate padding, so that trend = A @ x. */
export function movingAverage(L: number, kernel: number): number[] {
  const a = new Array<number>(L * L).fill(0);
  const half = (kernel - 1) / 2;
  for (let t = 0; t < L; t++) for (let j = t - half; j <= t + half; j++) a[t * L + Math.min(L - 1, Math.max(0, j))] += 1 / kernel;
  return a;
}

export function dlinearModel(c: TemplateOf<'dlinear'>): ModelDefinition {
  const avg = movingAverage(c.lookback, c.kernel);
  return forecastingModel('dlinear', c, (g, x) => {
    const trend = matmul(constant(g.env.dtype === 'float64' ? Float64Array.from(avg) : Float32Array.from(avg), g.env.dtype, [c.lookback, c.lookback]), x);
    const seasonal = sub(x, trend);
    return add(timeLinear(g.env, 'seasonal', seasonal, c.horizon, c.individual, c.mode), timeLinear(g.env, 'trend', trend, c.horizon, c.individual, c.mode));
  });
}

export function mlpForecastModel(c: TemplateOf<'mlp'>): ModelDefinition {
  return forecastingModel('mlp', c, (g, x) => {
    if (c.mode === 'channel-independent') return channelsFirst(mlp(g.env, 'mlp', channelsFirst(x), c.hidden, c.dropout, c.horizon));
    const flat = reshape(x, [-1, c.lookback * c.channels]);
    return reshape(mlp(g.env, 'mlp', flat, c.hidden, c.dropout, c.horizon * c.channels), [-1, c.horizon, c.channels]);
  });
}
