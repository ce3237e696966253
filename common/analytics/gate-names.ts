// Gate and component names in the user's words, from the run's config. The engine names gates by
// position (`gmu.z1`, `cross2`, `router` with expert 2); the user named the modalities (context, sensor,
// camera) and thinks of "expert 2". These labels are for display only: ids (gate names in knockout
// tables, stored statistics) never change, so tables of different runs still align by id.
import type { Intervention } from './knockout';
import { runInputs, type InputsSource } from './run-inputs';
import { defaultModelConfig, TEMPLATES, type TemplateId } from '../models/index';

export interface GateNames {
  /** Modality names in model order (fusion templates), else empty. */
  modalities: string[];
  /** Forecasting channels by column name, those the model reads in its order (channel gates, TFT variable selection), else empty. */
  variables: string[];
  /** The template id ('moe-fusion': expert m sees modality m only). */
  template: string;
  /** Task names in model order (MMoE: one gate per task, `gate.task0` is click's), when the template has tasks. */
  tasks?: string[];
  /** CTR inputs by column name, those the model reads: the categorical fields, then the numeric inputs (FinalMLP's per-field gate rows). */
  fields?: string[];
  /**
   * The router's kind, experts per token and whether its noise is on: which "load" a panel shows, and why.
   * `capacityFactor` (a top-k router with one): what its `dropped` statistic is measured against.
   */
  router?: { kind: string; k: number; noisy: boolean; capacityFactor?: number };
  /** Sigmoid gates' scale s (y = s·σ(·)⊙v) by gate id prefix: FinalMLP's gate1/gate2 use 2, so σ = 0.5 passes unchanged. */
  scales?: Record<string, number>;
  /** GLA's logit normaliser (α = σ(·)^(1/normaliser)): why its forget gate sits near 1. */
  glaNormalizer?: number;
  /**
   * A GMU over more than two modalities (or with `bimodal` off) gates each modality with its own sigmoid:
   * its `modality_weights` are each modality's mean gate, which need not sum to 1 (a bimodal GMU's z and 1 − z do).
   */
  gmuIndependent?: boolean;
  /** Keys each attention layer attends over, by gate id (`cross0`, `layer1.attn`): 1/keys is uniform attention. */
  keys?: Record<string, { count: number; first: string }>;
}

/** Templates whose tasks the engine numbers (engine/models/recsys/gated.ts: tower 0 is click, 1 rating). */
const TASKS: Record<string, string[]> = { mmoe: ['click', 'rating'] };

const names = (xs: unknown): string[] => (Array.isArray(xs) ? xs.map((x) => String((x as { name?: unknown })?.name ?? '')) : []);
type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj | undefined => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : undefined);

/**
 * The stored model config with the template's defaults under it. The lab stores what the user set (a
 * moe-dnn run's config has no `router` at all), so without the defaults its top-2 noisy router read as
 * "unknown" and every caption fell back to words that fit a dense router. Each gate object is merged one
 * level deep (a stored `router: { k: 1 }` keeps the default kind); an unknown template is taken as stored.
 */
function withDefaults(model: Obj): Obj {
  const id = model.template;
  if (typeof id !== 'string' || !TEMPLATES.some((t) => t.id === id)) return model;
  let defaults: Obj;
  try {
    defaults = defaultModelConfig(id as TemplateId) as unknown as Obj;
  } catch {
    return model; // a template whose defaults need data-shaped fields: only what was stored
  }
  const out: Obj = { ...defaults, ...model };
  for (const [key, v] of Object.entries(defaults)) {
    const d = obj(v), m = obj(model[key]);
    if (d && m) out[key] = { ...d, ...m };
  }
  return out;
}

/** The facts captions need from the config: router noise, sigmoid scales, GLA's normaliser, attention keys. */
function gateFacts(stored: Obj, modalities: string[]): Pick<GateNames, 'router' | 'scales' | 'glaNormalizer' | 'keys' | 'gmuIndependent'> {
  const model = withDefaults(stored);
  const out: Pick<GateNames, 'router' | 'scales' | 'glaNormalizer' | 'keys' | 'gmuIndependent'> = {};
  // engine/gates/gmu.ts: one z for exactly two modalities when bimodal, else one sigmoid z per modality
  if (model.template === 'gmu' && (modalities.length > 2 || obj(model.gate)?.bimodal === false)) out.gmuIndependent = true;
  const router = obj(model.router);
  if (router && typeof router.kind === 'string') {
    out.router = { kind: router.kind, k: router.kind !== 'softmax-router' ? Number(router.k ?? 1) : 1, noisy: router.kind === 'topk-router' && router.noisy === true };
    if (typeof router.capacityFactor === 'number' && Number.isFinite(router.capacityFactor)) out.router.capacityFactor = router.capacityFactor;
  }
  const scales: Record<string, number> = {};
  for (const [key, v] of Object.entries(model)) {
    const g = obj(v);
    // TSMixer's one `gate` config is compiled into every block (`block0.gate`, `block1.gate`)
    if (g?.kind === 'sigmoid' && typeof g.scale === 'number') scales[key === 'gate' ? 'block' : key] = g.scale;
  }
  if (Object.keys(scales).length) out.scales = scales;
  const gla = obj(model.gla);
  if (gla && typeof gla.normalizer === 'number') out.glaNormalizer = gla.normalizer;
  const keys: Record<string, { count: number; first: string }> = {};
  // gated cross-attention: modality m's tokens attend to the others' tokens, in model order (engine/models/fusion/templates.ts)
  if (model.template === 'gated-cross-attention' && typeof model.tokens === 'number' && modalities.length > 1) {
    modalities.forEach((_, m) => (keys[`cross${m}`] = { count: model.tokens as number * (modalities.length - 1), first: `the first token of ${modalities[m === 0 ? 1 : 0]}` }));
  }
  // patch Transformer: P = floor((L − patchLen)/stride) + 2 patches per series (engine/models/forecasting/common.ts)
  const { lookback: L, patchLen, stride, layers } = model as { lookback?: number; patchLen?: number; stride?: number; layers?: number };
  if (model.template === 'patch-transformer-gated' && [L, patchLen, stride, layers].every((x) => typeof x === 'number')) {
    for (let l = 0; l < layers!; l++) keys[`layer${l}.attn`] = { count: Math.floor((L! - patchLen!) / stride!) + 2, first: 'the first patch (the oldest steps)' };
  }
  if (Object.keys(keys).length) out.keys = keys;
  return out;
}

/**
 * The names a run's config gives its modalities, experts' inputs and variables. `data`: the run's data
 * summary (its trainer's `inputs`, or for older runs the data line naming the columns it left out): with
 * it, channels and CTR fields are named whatever was left out; without it, only when nothing was (the
 * snapshot's binding must fit the model).
 */
export function gateNamesFromConfig(config: Record<string, unknown> | null | undefined, data?: InputsSource | null): GateNames {
  const model = (obj(config?.model) ?? {}) as Obj & { template?: unknown; modalities?: unknown; channels?: unknown };
  const inputs = runInputs(config, data);
  const modalities = names(model.modalities);
  return {
    modalities,
    variables: inputs.channels ?? [],
    template: typeof model.template === 'string' ? model.template : '',
    ...(typeof model.template === 'string' && TASKS[model.template] ? { tasks: TASKS[model.template].slice() } : {}),
    ...(inputs.fields ? { fields: inputs.fields } : {}),
    ...gateFacts(model, modalities),
  };
}

export const NO_NAMES: GateNames = { modalities: [], variables: [], template: '' };

const at = (xs: string[], i: number, fallback: string) => (xs[i] ? xs[i] : fallback);

/**
 * A gate's display name: `gmu.z1` → "gmu · sensor", `cross0.gate` → "cross-attention · context",
 * `val.router` → "router (validation)", `loss.router` → "router · auxiliary loss". Unknown names are returned as they are.
 */
export function gateLabel(gate: string, n: GateNames = NO_NAMES): string {
  const split = /^(val|test)\.(.+)$/.exec(gate); // statistics measured on the validation / test split
  if (split) return `${gateLabel(split[2], n)} (${split[1] === 'val' ? 'validation' : 'test'})`;
  const loss = /^loss\.(.+)$/.exec(gate); // a router's auxiliary loss terms
  if (loss) return `${gateLabel(loss[1], n)} · auxiliary loss`;
  const gmu = /^(.*)\.z(\d+)$/.exec(gate);
  if (gmu && n.modalities.length) return `${gmu[1]} · ${at(n.modalities, Number(gmu[2]), `modality ${gmu[2]}`)}`;
  const cross = /^cross(\d+)(?:\.gate)?$/.exec(gate);
  if (cross && n.modalities.length) return `cross-attention · ${at(n.modalities, Number(cross[1]), `modality ${cross[1]}`)}`;
  // MMoE's per-task gates (`gate.task0`): the task's name, "click gate"
  const task = /^(.+)\.task(\d+)$/.exec(gate);
  if (task) return `${at(n.tasks ?? [], Number(task[2]), `task ${Number(task[2]) + 1}`)} gate`;
  // TSMixer's per-block gates (`block0.gate`): blocks counted from 1, as a reader counts them
  const block = /^block(\d+)\.gate$/.exec(gate);
  if (block) return `block ${Number(block[1]) + 1} gate`;
  // early-exit-mlp: `exit_gate.gate<k>` decides on the hidden state of block k (0-based; the last block has
  // no gate), i.e. whether a sample leaves after block k+1 as a reader counts blocks
  const exit = /^exit_gate\.gate(\d+)$/.exec(gate);
  if (exit) return `exit gate after block ${Number(exit[1]) + 1}`;
  // the statistics (`exit_gate.depth`, `.exit_rate`) and the compute table speak of all the exit gates at once
  if (gate === 'exit_gate') return 'exit gates';
  // the form's words for the rest (renderer/lib/field-labels.ts): layers counted from 1, like blocks
  const stream = /^gate([12])$/.exec(gate); // FinalMLP: gate1 / gate2 gate the inputs of its two streams
  if (stream) return `stream ${stream[1]} feature gate`;
  const layer = /^layer(\d+)\.(gla|ffn|attn\.gate|attn)$/.exec(gate);
  if (layer) return `layer ${Number(layer[1]) + 1} ${LAYER_GATES[layer[2]]}`;
  return WORDS[gate] ?? gate;
}

/**
 * Gates inside a numbered layer, short enough that a knockout row still shows its mode ("… closed"): the
 * GLA template's forget gate (its `gla` config) and the SwiGLU gate of each layer's feed-forward block
 * (engine/models/forecasting/patch.ts: fixed, not configurable), both counted from layer 1.
 */
const LAYER_GATES: Record<string, string> = { gla: 'forget gate (GLA)', ffn: 'feed-forward gate (SwiGLU)', 'attn.gate': 'attention output gate', attn: 'attention' };

/**
 * A panel heading that names the kind of gate and the gate: "Router" for the gate called `router` (the
 * panel read "Router router · 4 experts"), "Router moe.router" for another, "Stream 1 feature gate" for
 * FinalMLP's gate1. The label comes from gateLabel.
 */
export function headingFor(kind: string, gate: string, n: GateNames = NO_NAMES): string {
  const label = gateLabel(gate, n);
  // the label already says the kind ("router", "stream 1 feature gate"): said once
  const said = new RegExp(`(^|\\s)${kind.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).test(label.toLowerCase());
  if (said) return label.charAt(0).toUpperCase() + label.slice(1);
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${label}`;
}
/** Whole-model gates by their config's words (TFT-lite: the variable selection network, its per-variable GRNs, the GRN). */
const WORDS: Record<string, string> = {
  selection: 'variable selection',
  'selection.var': 'variable selection · per-variable GRN gates',
  // the GRN whose output the selection's softmax weights come from (engine/gates/glu.ts variableSelection)
  'selection.select': 'variable selection · weighting GRN gate',
  grn: 'gated residual network',
};

/** What index i of a gate's last axis is: an expert (routers), a variable (selection), a modality (fusion weights). */
export function componentName(gate: string, kind: 'router' | 'selection' | 'modality' | 'expert', i: number, n: GateNames = NO_NAMES): string {
  if (kind === 'modality') return at(n.modalities, i, `modality ${i}`);
  if (kind === 'selection') return at(n.variables, i, `variable ${i}`);
  // moe-fusion: expert m sees modality m only, so the expert is best known by its modality (`val.router`'s
  // statistics are the same router's on another split: the same names)
  const sees = n.template === 'moe-fusion' && /^((val|test)\.)?router\b/.test(gate) ? n.modalities[i] : undefined;
  return sees ? `expert ${i} (${sees})` : `expert ${i}`;
}

/**
 * A knockout's display name: "gmu · context closed", "router only expert 2", "router top1",
 * "selection only load_3". `kind` (from the knockout row) says whether `expert` is an expert or a variable.
 */
export function knockoutLabel(r: Pick<Intervention, 'gate' | 'mode' | 'expert'> & { kind?: string }, n: GateNames = NO_NAMES): string {
  const g = gateLabel(r.gate, n);
  // A bimodal GMU has one gate z: h = z·h_first + (1 − z)·h_second, so open keeps only the first modality
  // and closed only the second; "gmu open" alone does not say which one survived.
  if (n.template === 'gmu' && n.modalities.length === 2 && r.gate === 'gmu' && (r.mode === 'open' || r.mode === 'closed')) {
    return `${g} ${r.mode} (${n.modalities[r.mode === 'open' ? 0 : 1]} only)`;
  }
  if (r.mode !== 'single' || r.expert === undefined) return `${g} ${r.mode}`;
  return `${g} only ${componentName(r.gate, r.kind === 'selection' ? 'selection' : 'router', r.expert, n)}`;
}

/**
 * Names of the components of a vector statistic (legends): modality weights by modality, expert load /
 * importance / probabilities by expert, variable weights by variable; else null (the caller decides).
 */
export function statComponentNames(gate: string, stat: string, k: number, n: GateNames = NO_NAMES): string[] | null {
  const each = (kind: Parameters<typeof componentName>[1]) => Array.from({ length: k }, (_, i) => componentName(gate, kind, i, n));
  if (/modality/i.test(stat)) return n.modalities.length === k ? n.modalities.slice() : Array.from({ length: k }, (_, i) => `modality ${i}`);
  // MMoE task gates' mean weight of each shared expert (`gate.task0.weights`)
  if (/load|importance|prob|share|fraction/i.test(stat) || (/^weights$/.test(stat) && /\.task\d+$/.test(gate))) return each('expert');
  if (/variable|selection/i.test(`${gate}.${stat}`) && /weight/i.test(stat)) return each('selection');
  // a sigmoid gate's openness per channel (TSMixer's channel gate: the dataset's channels), head or field
  // early exit: component j of `exit_rate` is the share of samples leaving after block j + 1; the last
  // component is those that ran every block (engine/gates/early-exit.ts), blocks counted from 1 as the
  // knockouts count them ("exit gate after block 1")
  if (stat === 'exit_rate') return Array.from({ length: k }, (_, j) => `after block ${j + 1}${j === k - 1 && k > 1 ? ' (last)' : ''}`);
  const unit = /^openness_by_(channel|head|field)$/.exec(stat);
  // FinalMLP's per-field gate: the fields by column name, as the gate report and its CSV name them
  if (unit?.[1] === 'field' && n.fields?.length === k) return n.fields.slice();
  if (unit) return unit[1] === 'channel' && n.variables.length === k ? n.variables.slice() : Array.from({ length: k }, (_, i) => `${unit[1]} ${i}`);
  return null;
}

// The router-noise caption lives with the other config-dependent captions (shown only for noisy top-k routers).
export { LOAD_NOISE } from './gate-captions';

/**
 * What the stored gate ids of a run are called in the app, for lists that print the ids (`gatelab show`
 * keeps them: they are what `gatelab knockout --gate` takes): "cross0, cross0.gate = cross-attention ·
 * context", one entry per name. The split and loss prefixes (`val.`, `loss.`) say nothing new and are
 * dropped; ids that already read as their name (`router`, `gmu`) are left out. Empty when none differs.
 */
export function storedNameLegend(gates: readonly string[], n: GateNames = NO_NAMES): string[] {
  const byLabel = new Map<string, string[]>();
  for (const g of gates) {
    const id = g.replace(/^(val|test)\./, '').replace(/^loss\./, '');
    const label = gateLabel(id, n);
    if (label === id) continue;
    const ids = byLabel.get(label) ?? byLabel.set(label, []).get(label)!;
    if (!ids.includes(id)) ids.push(id);
  }
  return [...byLabel].map(([label, ids]) => `${ids.join(', ')} = ${label}`);
}
