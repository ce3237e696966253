// The block diagram of a configured template: data in, the template's body, its gates (highlighted,
// clickable), the output head. Derived from the config alone so it updates as the user edits.
import type { Template } from '../../common/lab-api';

export interface DiagramBlock {
  id: string;
  label: string;
  detail: string;
  /** The config field of a gate block (clicking it opens that gate's form). */
  gateField?: string;
  enabled?: boolean;
}

const num = (v: unknown, d = '?') => (typeof v === 'number' ? String(v) : d);

/** A router's experts in words, following its Experts and k fields: "8 experts, top-2", "4 experts, dense",
 * "4 experts, dense → sparse (τ 2 → 0.3)" under a temperature schedule. */
export function expertsOf(gate: Record<string, unknown>): string | null {
  if (typeof gate.experts !== 'number') return null;
  const n = `${gate.experts} expert${gate.experts === 1 ? '' : 's'}`;
  if (gate.kind === 'mmoe') return `${n}, ${num(gate.tasks)} tasks`;
  if (gate.kind === 'softmax-router') {
    // a dense-to-sparse schedule anneals τ towards near one-hot routing: "dense" alone said the opposite
    const s = gate.schedule as { kind?: string; from?: unknown; to?: unknown } | undefined;
    return s?.kind && s.kind !== 'constant' ? `${n}, dense → sparse (τ ${num(s.from)} → ${num(s.to)})` : `${n}, dense`;
  }
  return typeof gate.k === 'number' ? `${n}, top-${gate.k}` : n;
}

/**
 * What a CTR head outputs: the probability of the dataset's positive class ("probability of y = yes") when
 * the form knows it (`event`, label-event.ts), else of a click (no dataset yet: the synthetic click log).
 * MMoE has two tasks: that probability and the rating behind it.
 */
function ctrHead(t: Template, event: string | null): string {
  const probability = event ? `probability of ${event}` : 'click probability';
  return t.id === 'mmoe' ? `${probability} + rating` : probability;
}

/** `event`: the dataset's positive class in its words ("y = yes"), which a CTR head's probability is of. */
export function diagramOf(t: Template, config: Record<string, unknown>, event: string | null = null): DiagramBlock[] {
  const blocks: DiagramBlock[] = [];
  if (t.family === 'forecasting') {
    blocks.push({ id: 'in', label: 'Input window', detail: `${num(config.lookback)} steps × ${num(config.channels)} variable${config.channels === 1 ? '' : 's'}` });
    if (config.revin) blocks.push({ id: 'revin', label: 'RevIN', detail: 'per-window normalisation' });
  } else if (t.family === 'recsys') {
    const fields = Array.isArray(config.fields) ? config.fields.length : '?';
    blocks.push({ id: 'in', label: 'Fields', detail: `${fields} categorical + ${num(config.numeric, '0')} numeric` });
    blocks.push({ id: 'emb', label: 'Embeddings', detail: `width ${num(config.embeddingDim)}` });
  } else {
    const mods = Array.isArray(config.modalities) ? (config.modalities as { name: string; dim: number }[]) : [];
    blocks.push({ id: 'in', label: 'Modalities', detail: mods.map((m) => `${m.name} (${m.dim})`).join(' + ') || '?' });
  }
  blocks.push({ id: 'body', label: t.id, detail: t.description.split(/[:(]/)[0].trim() });
  for (const g of t.gates) {
    const gate = (config[g] ?? {}) as Record<string, unknown> & { kind?: string; enabled?: boolean };
    const size = expertsOf(gate);
    blocks.push({ id: `gate-${g}`, label: gate.kind ?? g, detail: size ? `${g} · ${size}` : g, gateField: g, enabled: gate.enabled !== false });
  }
  blocks.push({
    id: 'out',
    label: 'Head',
    detail: t.family === 'forecasting' ? `${num(config.horizon)} steps × ${num(config.channels)}` : t.family === 'recsys' ? ctrHead(t, event) : `${num(config.classes) === '1' ? 'binary' : `${num(config.classes)} classes`}`,
  });
  return blocks;
}
