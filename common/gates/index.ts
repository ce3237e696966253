// The gate library's config contract: one zod schema per gate kind, and `GateConfig`, the union of all of
// them discriminated by `kind`. The UI renders forms from these schemas (z.toJSONSchema), the CLI parses
// `--set` values with them, the store keeps the parsed JSON, and engine/gates compiles them.
import { z } from 'zod';
import { parseOrThrow } from './base';
import { GluGate, HardGate, SigmoidGate } from './elementwise';
import { GrnGate, VariableSelectionGate } from './tft';
import { GatedAttentionGate, GlaGate } from './attention';
import { MmoeGate, SinkhornRouter, SoftmaxRouter, TopKRouter } from './routers';
import { EarlyExitGate, GmuGate } from './fusion';

export * from './base';
export * from './elementwise';
export * from './tft';
export * from './attention';
export * from './routers';
export * from './fusion';

export const GATE_SCHEMAS = {
  sigmoid: SigmoidGate,
  glu: GluGate,
  grn: GrnGate,
  'variable-selection': VariableSelectionGate,
  'gated-attention': GatedAttentionGate,
  gla: GlaGate,
  'softmax-router': SoftmaxRouter,
  'topk-router': TopKRouter,
  'sinkhorn-router': SinkhornRouter,
  mmoe: MmoeGate,
  gmu: GmuGate,
  hard: HardGate,
  'early-exit': EarlyExitGate,
} as const;

export type GateKind = keyof typeof GATE_SCHEMAS;
export const GATE_KINDS = Object.keys(GATE_SCHEMAS) as GateKind[];

export const GateConfig = z.discriminatedUnion('kind', [
  SigmoidGate, GluGate, GrnGate, VariableSelectionGate, GatedAttentionGate, GlaGate,
  SoftmaxRouter, TopKRouter, SinkhornRouter, MmoeGate, GmuGate, HardGate, EarlyExitGate,
]);
export type GateConfig = z.output<typeof GateConfig>;
export type GateConfigInput = z.input<typeof GateConfig>;
/** The parsed config of one gate kind, e.g. GateOf<'topk-router'>. */
export type GateOf<K extends GateKind> = z.output<(typeof GATE_SCHEMAS)[K]>;

/** One line describing a gate kind (for help text, the UI's gate picker and the README). */
export function describeGate(kind: GateKind): string {
  return GATE_SCHEMAS[kind].description ?? kind;
}

/**
 * Parses any gate config, filling paper defaults. Throws ConfigError with a message such as
 * "gate 'topk-router': field 'k': k must be at most experts (got k=9, experts=8)".
 */
export function parseGate(input: unknown): GateConfig {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(kind in GATE_SCHEMAS)) {
    return parseOrThrow(GateConfig, input, `gate '${String(kind)}' (known kinds: ${GATE_KINDS.join(', ')})`);
  }
  return parseOrThrow(GATE_SCHEMAS[kind as GateKind], input, `gate '${kind}'`) as GateConfig;
}

/** The paper-default config of a gate kind. */
export function defaultGate<K extends GateKind>(kind: K): GateOf<K> {
  return GATE_SCHEMAS[kind].parse({ kind }) as GateOf<K>;
}
