// The analytics eval graph of a trained model: params + model inputs → predictions, gate statistics and,
// per sample, the value of every gate (`probe.<gate>`), optionally with one gate's value replaced (a
// knockout). Targets and loss are left out: metrics are computed per sample outside, where they can be
// bootstrapped. Built from the same ModelDefinition and flat layout as the run's train/eval graphs.
import type { GateProbe, Intervention } from '../../common/analytics';
import type { Tensor } from '../ir/tensor';
import { identity, input, scalar } from '../ops/builders';
import { emitModel } from '../onnx/emit';
import { assertSameLayout, flatParams, type ParamLayout } from '../nn/params';
import { specDtype, type ModelDefinition } from '../train/model';
import type { FloatDType } from '../train/pack';
import { evalStep } from '../train/step-context';
import { withGateHook } from './hook';
import { replaceGateValue, type FloatArray } from './interventions';

export interface AnalyticsGraphOptions {
  dtype: FloatDType;
  /** Layout of the run's flat parameters (compileTraining(def).layout). */
  layout: ParamLayout;
  /** Replace one gate's value. */
  intervention?: Intervention;
  /** Per-unit training mean of the intervened gate (mode 'mean'). */
  mean?: FloatArray;
  /** Output every gate's per-sample value as `probe.<gate>` (default true). */
  probes?: boolean;
  /** Optimizer steps the parameters were trained for (the checkpoint's step), baked in for schedules; omitted: final values. */
  step?: number;
}

export interface AnalyticsGraph {
  bytes: Uint8Array;
  /** The gates the model has, in the order its forward meets them. */
  gates: GateProbe[];
  predictionNames: string[];
  /** Names of the model inputs to feed (besides `params`). */
  inputNames: string[];
}

export const probeOutput = (gate: string) => `probe.${gate}`;

/** Builds the forward under a gate hook; returns the gates met and their value tensors. */
export function instrumentedForward(def: ModelDefinition, ctxParams: ReturnType<typeof flatParams>, inputs: Record<string, Tensor>,
  intervention?: Intervention, mean?: FloatArray) {
  const gates: GateProbe[] = [];
  const values = new Map<string, Tensor>();
  let applied = false;
  const outputs = withGateHook((gate, kind, value) => {
    if (values.has(gate)) throw new Error(`two gates of model '${def.name}' are both named '${gate}': analytics cannot tell them apart`);
    gates.push({ gate, kind, shape: value.shape.slice(1).map((d) => (typeof d === 'number' ? d : -1)) });
    let v = value;
    if (intervention && intervention.gate === gate) {
      v = replaceGateValue(value, intervention, mean);
      applied = true;
    }
    values.set(gate, v);
    return v;
  }, () => def.forward(ctxParams.ctx, inputs));
  if (intervention && !applied) {
    throw new Error(`model '${def.name}' has no gate '${intervention.gate}'; its gates: ${gates.map((g) => g.gate).join(', ') || '(none)'}`);
  }
  return { outputs, gates, values };
}

export function analyticsGraph(def: ModelDefinition, o: AnalyticsGraphOptions): AnalyticsGraph {
  const params = input('params', o.dtype, [o.layout.size]);
  const bound = flatParams(params, false, o.step === undefined ? undefined : evalStep(scalar(o.step, 'float64'), o.dtype));
  const inputs: Record<string, Tensor> = {};
  for (const [name, spec] of Object.entries(def.inputs)) inputs[name] = input(name, specDtype(spec, o.dtype), ['batch', ...spec.shape]);
  const { outputs, gates, values } = instrumentedForward(def, bound, inputs, o.intervention, o.mean);
  assertSameLayout(o.layout, bound.layout(), 'analytics');
  const out: Record<string, Tensor> = { ...outputs.predictions };
  for (const [n, t] of Object.entries(outputs.stats ?? {})) out[`stats.${n}`] = t;
  // Identity: a probe may be the very tensor a prediction or statistic is, and outputs need distinct names.
  if (o.probes ?? true) for (const [gate, t] of values) out[probeOutput(gate)] = identity(t);
  return {
    bytes: emitModel({ inputs: [params, ...Object.values(inputs)], outputs: out, graphName: `${def.name} analytics` }),
    gates,
    predictionNames: Object.keys(outputs.predictions),
    inputNames: Object.keys(inputs),
  };
}

/** Only the gates of a model (no graph emitted): what the knockout table and the CLI list. */
export function gatesOf(def: ModelDefinition, dtype: FloatDType = 'float32'): GateProbe[] {
  const bound = flatParams(input('params', dtype, ['params']), false);
  const inputs: Record<string, Tensor> = {};
  for (const [name, spec] of Object.entries(def.inputs)) inputs[name] = input(name, specDtype(spec, dtype), ['batch', ...spec.shape]);
  return instrumentedForward(def, bound, inputs).gates;
}
