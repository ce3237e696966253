// TFT-lite and the MoE forecasting head.
//   tft-lite: variable selection over the C channels at every time step ([B, L, C] → [B, L, s], s the
//             selection's own hidden width), a temporal map L → H per unit, a projection s → h when the
//             model's hidden width h differs, a gated residual network, then h → C.
//   moe-forecaster: each channel's window (channel-independent) or the whole window (channel-mixing) is a
//                   token routed to expert MLPs.
import type { TemplateOf } from '../../../common/models';
import { dense, grn, mixExperts, route, variableSelection } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import { reshape } from '../../ops/builders';
import { mlp } from '../common';
import { channelsFirst, forecastingModel } from './common';

export function tftLiteModel(c: TemplateOf<'tft-lite'>): ModelDefinition {
  return forecastingModel('tft-lite', c, (g, x) => {
    const env = g.env;
    // The selection embeds and processes each variable at its own width (its form's "Hidden width"); both
    // default to 32, and when they are equal there is no projection, so default models are unchanged.
    const selected = g.take(variableSelection(env, 'selection', c.selection, x)); // [B, L, s]
    let temporal = channelsFirst(dense(env, 'temporal', channelsFirst(selected), c.horizon)); // [B, H, s]
    if (c.selection.hidden !== c.hidden) temporal = dense(env, 'project', temporal, c.hidden); // [B, H, h]
    const h = g.take(grn(env, 'grn', c.grn, temporal));
    return dense(env, 'out', h, c.channels);
  });
}

export function moeForecasterModel(c: TemplateOf<'moe-forecaster'>): ModelDefinition {
  const mixing = c.mode === 'channel-mixing';
  return forecastingModel('moe-forecaster', c, (g, x) => {
    const env = g.env;
    // one token per channel window [B, C, L], or one token of the whole window [B, 1, L·C]
    const windows = mixing ? reshape(x, [-1, 1, c.lookback * c.channels]) : channelsFirst(x);
    const out = mixing ? c.horizon * c.channels : c.horizon;
    const r = c.router;
    const routed = route(env, 'router', r, windows);
    g.take(routed);
    const experts = Array.from({ length: r.experts }, (_, e) => mlp(env, `expert${e}`, windows, c.expertHidden, 0, out));
    const mixed = mixExperts(routed.weights, experts);
    return mixing ? reshape(mixed, [-1, c.horizon, c.channels]) : channelsFirst(mixed); // [B, C, H] → [B, H, C]
  });
}
