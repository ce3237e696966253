// Gate kinds for the model builder: each gate's zod schema (common/gates) as JSON Schema, so the UI
// renders a form from it, plus the paper it comes from (ARCHITECTURE §3).
import { z } from 'zod';
import { GATE_SCHEMAS, GATE_KINDS } from '../../../common/gates';
import type { GateKind } from '../../../common/lab-api';

const SOURCES: Record<string, string> = {
  sigmoid: 'FinalMLP feature gating; PatchTSMixer gated attention',
  glu: 'Gated MLPs (Shazeer 2020)',
  grn: 'Temporal Fusion Transformer',
  'variable-selection': 'Temporal Fusion Transformer',
  'gated-attention': 'Qiu et al. 2025, attention-sink-free gated attention',
  gla: 'Gated Linear Attention (Yang et al. 2023)',
  'softmax-router': 'Dense mixture of experts; dense-to-sparse gating',
  'topk-router': 'Shazeer et al. 2017, sparsely-gated MoE',
  'sinkhorn-router': 'Selective Sinkhorn Routing',
  mmoe: 'MMoE (Ma et al. 2018)',
  gmu: 'Gated Multimodal Unit (Arevalo et al. 2017)',
  hard: 'Straight-through estimator (Bengio et al. 2013)',
  'early-exit': 'JEI-DNN, adaptive computation',
};

const title = (kind: string) => kind.split('-').map((w) => (w.length <= 3 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1))).join(' ');

let cached: GateKind[] | null = null;
export function listGateKinds(): GateKind[] {
  cached ??= GATE_KINDS.map((kind) => {
    const schema = GATE_SCHEMAS[kind];
    return {
      kind,
      title: title(kind),
      summary: schema.description ?? kind,
      source: SOURCES[kind] ?? '',
      // 'input' mode: fields with defaults are optional, which is what a form needs.
      schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    };
  });
  return cached;
}
