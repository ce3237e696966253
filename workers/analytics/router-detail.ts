// A router's detail in the gate report beyond its expert × class heatmap: which inputs each expert
// specializes in, and for forecasting which series (channel tokens) and which hours of the day go to
// which expert (only when the test windows end at different hours: not for daily or weekly series).
import type { RouterReport } from '../../common/analytics';
import { assignmentByGroup, expertSpecialisation, type InputMatrix } from '../../engine/analytics/specialisation';
import type { PerSample } from './evaluate-graph';
import type { DatasetContext } from './dataset-context';

export interface RouterDetailInput {
  /** The router's probe: [samples, tokens…, E] flattened per sample. */
  probe: PerSample;
  experts: number;
  /** Per sample, the mean weight of each expert over the sample's tokens. */
  perSample: Float64Array[];
  inputs?: InputMatrix;
  /** Forecasting: the channel names when the router's tokens are the channels (channel-independent models). */
  channels?: readonly string[];
  context?: DatasetContext;
}

export function routerDetail(r: RouterDetailInput): Pick<RouterReport, 'specialisation' | 'series' | 'timeOfDay'> {
  const out: Pick<RouterReport, 'specialisation' | 'series' | 'timeOfDay'> = {};
  if (r.inputs && r.perSample.length) out.specialisation = expertSpecialisation(r.perSample, r.inputs);
  const E = r.experts, tokens = r.probe.width / E;
  if (r.channels && tokens === r.channels.length && tokens > 1) {
    // every (sample, channel) token is one item of the channel's group
    const n = r.probe.data.length / r.probe.width;
    const weights: Float64Array[] = [], group = new Int32Array(n * tokens);
    for (let s = 0; s < n; s++) for (let t = 0; t < tokens; t++) {
      weights.push(r.probe.data.subarray((s * tokens + t) * E, (s * tokens + t + 1) * E));
      group[s * tokens + t] = t;
    }
    out.series = { labels: [...r.channels], assignment: assignmentByGroup(weights, group, tokens) };
  }
  const hours = r.context?.hours;
  // daily or coarser series end every window at the same hour (midnight): one column of 24 says nothing
  if (hours && hours.length === r.perSample.length && new Set(hours).size > 1) {
    out.timeOfDay = { hours: Array.from({ length: 24 }, (_, h) => h), assignment: assignmentByGroup(r.perSample, hours, 24) };
  }
  return out;
}
