// TFT-lite and the MoE forecasting head.
//   tft-lite: variable selection over the C channels at every time step ([B, L, C] → [B, L, h]), a temporal
//             map L → H per hidden unit, a gated residual network, then h → C.
//   moe-forecaster: channel-independent; each channel's window is a token routed to expert MLPs (L → H).
import type { TemplateOf } from '../../../common/models';
import { dense, grn, mixExperts, softmaxRouter, topKRouter, variableSelection } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import { mlp } from '../common';
import { channelsFirst, forecastingModel } from './common';

export function tftLiteModel(c: TemplateOf<'tft-lite'>): ModelDefinition {
  return forecastingModel('tft-lite', c, (g, x) => {
    const env = g.env;
    const selected = g.take(variableSelection(env, 'selection', { ...c.selection, hidden: c.hidden }, x)); // [B, L, h]
    const temporal = channelsFirst(dense(env, 'temporal', channelsFirst(selected), c.horizon)); // [B, H, h]
    const h = g.take(grn(env, 'grn', c.grn, temporal));
    return dense(env, 'out', h, c.channels);
  });
}

export function moeForecasterModel(c: TemplateOf<'moe-forecaster'>): ModelDefinition {
  return forecastingModel('moe-forecaster', c, (g, x) => {
    const env = g.env;
    const windows = channelsFirst(x); // [B, C, L]: one token per channel window
    const r = c.router;
    const routed = r.kind === 'softmax-router' ? softmaxRouter(env, 'router', r, windows) : topKRouter(env, 'router', r, windows);
    g.take(routed);
    const experts = Array.from({ length: r.experts }, (_, e) => mlp(env, `expert${e}`, windows, c.expertHidden, 0, c.horizon));
    return channelsFirst(mixExperts(routed.weights, experts)); // [B, C, H] → [B, H, C]
  });
}
