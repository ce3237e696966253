// Fields a new run would accept and then not use: the user set them for an effect the run cannot have,
// and it trained without it and without a word. Refused when a run is created (new-run-config.ts), with
// what the field does and what to set instead; stored runs that hold them keep reading as before.
import type { Family } from '../models/index';

/** The first field of `model` (what the user set, before defaults) the run would ignore, as a refusal; undefined if none. */
export function ignoredFieldProblem(model: Record<string, unknown>, family: Family): string | undefined {
  // workers/data/ctr.ts and fusion.ts read it to turn a rating into a label; a forecasting run has no label
  if (model.positiveAtLeast !== undefined && family === 'forecasting') {
    return `run config: model.positiveAtLeast: a forecasting run has no label to threshold (positiveAtLeast turns a numeric target into a binary label for CTR and fusion classification runs), so it would be ignored: drop --set positiveAtLeast=${JSON.stringify(model.positiveAtLeast)}`;
  }
  if (model.positive !== undefined && family === 'forecasting') {
    return `run config: model.positive: a forecasting run has no label (positive names the positive value of a CTR or fusion target), so it would be ignored: drop --set positive=${JSON.stringify(model.positive)}`;
  }
  // engine/models/forecasting/linear.ts timeLinear: channel-mixing is one map from the whole window [L·C], never per variable
  if (model.individual === true && model.mode === 'channel-mixing') {
    return `run config: model.individual: individual=true has no effect in channel-mixing mode (one linear map from all variables' windows together), so it would be ignored: --set mode=channel-independent for one map per variable, or drop individual=true`;
  }
  return undefined;
}
