// Export of the early-exit model with real early exit: block i+1 runs inside the `else` branch of an ONNX
// `If` that is taken only while some sample of the batch has not exited yet. With a batch of one (the
// usual way an early-exit model serves) every block after the sample's exit is skipped; with larger
// batches a block is skipped once every sample has left. Outputs equal the lab's eval prediction (the
// first exit whose gate passes the threshold), plus `blocks_executed`, the number of blocks this call ran,
// so callers (and the test) can check the savings against the accounting.
import type { Tensor } from '../ir/tensor';
import { cast, concat, constant, greater, identity, ifThenElse, input, less, linear, reduceMax, relu, sigmoid, sub, where } from '../ops/builders';
import { emitModel } from '../onnx/emit';
import { assertSameLayout, namedParams, type ParamLayout } from '../nn/params';
import { unpackParams, type FlatBuffer, type FloatDType } from '../train/pack';
import type { TemplateOf } from '../../common/models';
import { earlyExitSizesOf } from '../models/fusion/early-exit';
import { modalityInput } from '../models/fusion/common';
import { EXIT_GATE, earlyExitMlp, type EarlyExitSizes } from './early-exit-model';

export interface EarlyExitExportOptions {
  dtype: FloatDType;
  layout: ParamLayout;
  params: FlatBuffer;
  /** Exit threshold baked into the file (default: the gate config's). */
  threshold?: number;
  metadata?: Record<string, string>;
  /**
   * The file's inputs, concatenated in this order into the model's input (the early-exit-mlp template:
   * its modalities `m_<name>`, so the file takes what the template's plain export takes). Default: one
   * input `x` [batch, inputs].
   */
  inputs?: { name: string; dim: number }[];
  /** Name of the prediction output (default `logit`; the template's is `logits`). */
  output?: string;
}

export function exportEarlyExit(s: EarlyExitSizes, o: EarlyExitExportOptions): Uint8Array {
  const { dtype } = o;
  const gateName = s.gateName ?? EXIT_GATE;
  const threshold = o.threshold ?? s.gate.threshold;
  // Declare the parameters exactly as the lab's model does (same names, same order) by building its
  // forward once; that throwaway graph is never emitted, only the parameter inputs are used.
  const bound = namedParams(dtype);
  const declared = o.inputs ?? [{ name: 'x', dim: s.inputs }];
  const width = declared.reduce((n, d) => n + d.dim, 0);
  if (width !== s.inputs) throw new Error(`early-exit export: the inputs ${declared.map((d) => `${d.name}[${d.dim}]`).join(' + ')} are ${width} wide, the model takes ${s.inputs}`);
  const fileInputs = declared.map((d) => input(d.name, dtype, ['batch', d.dim]));
  const x = fileInputs.length === 1 ? fileInputs[0] : concat(fileInputs, 1);
  earlyExitMlp(s).forward(bound.ctx, { x });
  assertSameLayout(o.layout, bound.layout(), 'early-exit export');
  const P = new Map(bound.layout().params.map((p, i) => [p.name, bound.tensors[i]]));
  const dense = (name: string, h: Tensor) => linear(h, P.get(`${name}.w`)!, P.get(`${name}.b`));
  const count = (n: number) => constant([n], 'int64', []);

  // Stage i computes block i, its exit head and (but for the last block) its gate; returns [prediction, blocks run].
  const fromStage = (i: number, h0: Tensor): Tensor[] => {
    const h = relu(dense(`block${i}`, h0));
    const p = dense(`exit${i}`, h);
    if (i === s.blocks - 1) return [p, count(i + 1)];
    const exitNow = greater(sigmoid(dense(`${gateName}.gate${i}`, h)), threshold); // [N, 1]
    const everyoneLeft = less(reduceMax(sub(1, cast(exitNow, dtype))), 0.5);
    return ifThenElse(
      everyoneLeft,
      () => [identity(p), count(i + 1)],
      () => {
        const [later, ran] = fromStage(i + 1, h);
        return [where(exitNow, p, later), identity(ran)];
      },
    );
  };
  const [logit, blocks] = fromStage(0, x);
  const values = unpackParams(o.layout, o.params);
  const output = o.output ?? 'logit';
  return emitModel({
    inputs: [...fileInputs, ...bound.tensors],
    outputs: { [output]: logit, blocks_executed: blocks },
    initializers: o.layout.params.map((p, i) => ({ tensor: bound.tensors[i], data: values[p.name].slice() })),
    metadata: {
      'gatelab.model': `early-exit (If, threshold ${threshold})`, 'gatelab.exit_threshold': String(threshold),
      'gatelab.inputs': JSON.stringify(declared.map((d) => ({ name: d.name, dtype, shape: ['batch', d.dim] }))),
      'gatelab.outputs': JSON.stringify([{ name: output, dtype, shape: ['batch', s.outputs ?? 1] }, { name: 'blocks_executed', dtype: 'int64', shape: [] }]),
      ...o.metadata,
    },
    graphName: 'early-exit',
  });
}

/**
 * The `If` export of a trained `early-exit-mlp` run (its model config with the data-shaped fields filled):
 * the file takes the template's modality inputs (`m_<name>`) and gives `logits` ([batch, 1] for a binary
 * target, [batch, C] for C classes), so it replaces the plain export one for one, plus `blocks_executed`.
 */
export function exportEarlyExitRun(model: TemplateOf<'early-exit-mlp'>, o: Omit<EarlyExitExportOptions, 'inputs' | 'output'>): Uint8Array | null {
  return exportEarlyExit(earlyExitSizesOf(model), { ...o, inputs: model.modalities.map((m) => ({ name: modalityInput(m.name), dim: m.dim })), output: 'logits' });
}
