// Gate and component names in the user's words, from the run's config. The engine names gates by
// position (`gmu.z1`, `cross2`, `router` with expert 2); the user named the modalities (context, sensor,
// camera) and thinks of "expert 2". These labels are for display only: ids (gate names in knockout
// tables, stored statistics) never change, so tables of different runs still align by id.
import type { Intervention } from './knockout';

export interface GateNames {
  /** Modality names in model order (fusion templates), else empty. */
  modalities: string[];
  /** Forecasting channels' column names (TFT variable selection), else empty. */
  variables: string[];
  /** The template id ('moe-fusion': expert m sees modality m only). */
  template: string;
  /** Task names in model order (MMoE: one gate per task, `gate.task0` is click's), when the template has tasks. */
  tasks?: string[];
}

/** Templates whose tasks the engine numbers (engine/models/recsys/gated.ts: tower 0 is click, 1 rating). */
const TASKS: Record<string, string[]> = { mmoe: ['click', 'rating'] };

const names = (xs: unknown): string[] => (Array.isArray(xs) ? xs.map((x) => String((x as { name?: unknown })?.name ?? '')) : []);

/** The names a run's config gives its modalities, experts' inputs and variables. */
export function gateNamesFromConfig(config: Record<string, unknown> | null | undefined): GateNames {
  const model = (config?.model ?? {}) as { template?: unknown; modalities?: unknown; channels?: unknown };
  const columns = ((config?.data as { columns?: unknown } | undefined)?.columns ?? []) as { name?: string; role?: string }[];
  const features = Array.isArray(columns) ? columns.filter((c) => c?.role === 'feature' || c?.role === 'target').map((c) => String(c.name)) : [];
  return {
    modalities: names(model.modalities),
    variables: typeof model.channels === 'number' && features.length === model.channels ? features : [],
    template: typeof model.template === 'string' ? model.template : '',
    ...(typeof model.template === 'string' && TASKS[model.template] ? { tasks: TASKS[model.template].slice() } : {}),
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
  return gate;
}

/** What index i of a gate's last axis is: an expert (routers), a variable (selection), a modality (fusion weights). */
export function componentName(gate: string, kind: 'router' | 'selection' | 'modality' | 'expert', i: number, n: GateNames = NO_NAMES): string {
  if (kind === 'modality') return at(n.modalities, i, `modality ${i}`);
  if (kind === 'selection') return at(n.variables, i, `variable ${i}`);
  // moe-fusion: expert m sees modality m only, so the expert is best known by its modality
  const sees = n.template === 'moe-fusion' && /^router\b/.test(gate) ? n.modalities[i] : undefined;
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
  const unit = /^openness_by_(channel|head|field)$/.exec(stat);
  if (unit) return unit[1] === 'channel' && n.variables.length === k ? n.variables.slice() : Array.from({ length: k }, (_, i) => `${unit[1]} ${i}`);
  return null;
}

/**
 * Why a router's load over training and its test load differ (moe-dnn: expert 2 at ~25% in training, 0% on
 * test): training batches are routed with the noisy gate's noise, evaluation without it.
 */
export const LOAD_NOISE = "Training load is measured on training batches and includes the router's noise (noisy top-k gating); validation/test load is without it, so an expert the noise keeps busy in training can get almost nothing on test.";
