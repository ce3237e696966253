// Export: the inference graph of a model (inputs -> predictions, no targets, no loss, no optimizer)
// with the trained weights baked in as named initializers, and metadata_props describing it, so the
// file runs anywhere ONNX runs (ORT CPU/CUDA/Web, other runtimes) without GateLab.
// A model with a schedule (router temperature) has it baked in as a constant at the step of the exported
// checkpoint, the temperature those weights were trained at (metadata `gatelab.schedule_step`).
import { emitModel } from '../onnx/emit';
import { input, scalar } from '../ops/builders';
import { assertSameLayout, namedParams, type ParamLayout } from '../nn/params';
import { specDtype, type ModelDefinition } from './model';
import { unpackParams, type FlatBuffer, type FloatDType } from './pack';
import { dependsOn, evalStep } from './step-context';
import { topologicalOrder } from '../ir/graph';

export interface ExportOptions {
  dtype: FloatDType;
  /** The layout the flat parameters were trained with (CompiledModel.layout). */
  layout: ParamLayout;
  /** Trained parameters (the run's flat buffer). */
  params: FlatBuffer;
  /**
   * Optimizer steps the parameters were trained for (the checkpoint's step): schedules are baked in at
   * this step. Omitted: schedules take their final value (right only for a model trained past the end).
   */
  step?: number;
  /**
   * Free-form facts stored as ONNX metadata_props: source run id, metrics, dataset hash, preprocessing...
   * Values that are not strings are stored as JSON.
   */
  metadata?: Record<string, unknown>;
}

export function exportInference(def: ModelDefinition, options: ExportOptions): Uint8Array {
  const { dtype, layout, params } = options;
  if (params.length !== layout.size) {
    throw new Error(`export of '${def.name}': the parameter buffer has ${params.length} values, the model has ${layout.size}`);
  }
  const step = options.step === undefined ? undefined : scalar(options.step, 'float64');
  const bound = namedParams(dtype, step && evalStep(step, dtype));
  const inputs = Object.entries(def.inputs).map(([name, spec]) => input(name, specDtype(spec, dtype), ['batch', ...spec.shape]));
  const outputs = def.forward(bound.ctx, Object.fromEntries(inputs.map((t, i) => [Object.keys(def.inputs)[i], t])));
  assertSameLayout(layout, bound.layout(), 'inference');
  const values = unpackParams(layout, params);
  const describe = (names: string[], shapes: (readonly (number | string)[])[], dtypes: string[]) =>
    names.map((name, i) => ({ name, dtype: dtypes[i], shape: shapes[i] }));
  const predictionNames = Object.keys(outputs.predictions);
  const metadata: Record<string, string> = {
    'gatelab.model': def.name,
    'gatelab.inputs': JSON.stringify(describe(Object.keys(def.inputs), inputs.map((t) => t.shape), inputs.map((t) => t.dtype))),
    'gatelab.outputs': JSON.stringify(describe(predictionNames, predictionNames.map((n) => outputs.predictions[n].shape),
      predictionNames.map((n) => outputs.predictions[n].dtype))),
  };
  if (step && dependsOn(Object.values(outputs.predictions), step)) metadata['gatelab.schedule_step'] = String(options.step);
  for (const [k, v] of Object.entries(options.metadata ?? {})) metadata[k] = typeof v === 'string' ? v : JSON.stringify(v);
  // Only the weights inference reads: parameters used in training alone (a noisy top-k router's noise
  // projection, `router.noise.*`) would make ONNX Runtime warn on every load ("Removing initializer … It is
  // not used by any node"), and they would only add bytes.
  const read = new Set(topologicalOrder(Object.values(outputs.predictions)).leaves);
  const used = layout.params.map((p, i) => ({ tensor: bound.tensors[i], data: values[p.name] })).filter((w) => read.has(w.tensor));
  return emitModel({
    inputs: [...inputs, ...used.map((w) => w.tensor)],
    outputs: outputs.predictions,
    initializers: used.map((w) => ({ tensor: w.tensor, data: w.data.slice() })),
    metadata,
    graphName: def.name,
  });
}
