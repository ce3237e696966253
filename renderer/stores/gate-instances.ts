// The gates a run of a template will have, for the form's current config: the template's gate fields say
// which gate *configs* it has (tsmixer-gated: one `gate`), but the engine builds one gate per block, layer,
// modality or task from each (`block0.gate`, `block1.gate`), and those are what the run's panels and its
// knockout table list ("block 1 gate", "block 2 gate"). The Models cards count these, so "1 gate" on the
// card is never "2 gates" on the run. The names follow engine/models/* (the engine's `gatesOf` lists the
// same; gate-instances.test.ts checks every template against it), without importing the engine here.
import { gateLabel, gateNamesFromConfig } from '../../common/analytics/gate-names';

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
/** A gate config that is switched on (an ablated gate, `enabled: false`, is not built at all). */
const on = (x: unknown) => obj(x).enabled !== false;
const count = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? Math.min(x, 1024) : fallback);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** What the gates repeat over, when a template builds the same gate in each of them. */
export type GateUnit = 'block' | 'layer' | 'modality' | 'task';

export interface GateInstances {
  /** The gates' ids as the run stores them (`block0.gate`), in model order. */
  ids: string[];
  /** "1 per block": how many gates each block (layer, modality, task) has, when they repeat. */
  per?: { count: number; unit: GateUnit };
}

/** Every `n` units holding the gates `each(i)`: `per` is said when there are several units. */
function repeated(n: number, unit: GateUnit, each: (i: number) => string[]): GateInstances {
  const ids = range(n).flatMap(each);
  const perUnit = n ? ids.length / n : 0;
  return n > 1 && perUnit > 0 ? { ids, per: { count: perUnit, unit } } : { ids };
}

/**
 * The gate instances of `template` with `config` (the form's values; missing counts take the template's
 * defaults as the engine would get them after parsing). An unknown or gateless template: none.
 */
export function gateInstances(template: string, config: Obj): GateInstances {
  const modalities = Array.isArray(config.modalities) ? config.modalities.length : 2;
  switch (template) {
    case 'tsmixer-gated': // engine/models/forecasting/tsmixer.ts: a GLU feed-forward is a gate too
      return repeated(count(config.blocks, 2), 'block', (i) => [
        ...(config.feedForward !== undefined && config.feedForward !== 'relu' ? [`block${i}.ff1`] : []),
        ...(on(config.gate) ? [`block${i}.gate`] : []),
      ]);
    case 'patch-transformer-gated': // engine/models/forecasting/patch.ts
      return repeated(count(config.layers, 2), 'layer', (i) => (on(config.attentionGate) ? [`layer${i}.attn.gate`] : []));
    case 'gla': // each layer: its GLA forget gate and a fixed SwiGLU feed-forward gate
      return repeated(count(config.layers, 2), 'layer', (i) => [...(on(config.gla) ? [`layer${i}.gla`] : []), `layer${i}.ffn`]);
    case 'tft-lite': // engine/gates/glu.ts: variable selection processes each variable with a GRN (always on)
      return { ids: [...(on(config.selection) ? ['selection.var', 'selection.select', 'selection'] : ['selection.var']), ...(on(config.grn) ? ['grn'] : [])] };
    case 'finalmlp':
      return { ids: ['gate1', 'gate2'].filter((g) => on(config[g])) };
    case 'mmoe': // one softmax gate per task (click, rating)
      return on(config.gate) ? repeated(count(obj(config.gate).tasks, 2), 'task', (t) => [`gate.task${t}`]) : { ids: [] };
    case 'moe-forecaster':
    case 'moe-dnn':
    case 'moe-fusion':
      return { ids: on(config.router) ? ['router'] : [] };
    case 'gmu': { // engine/gates/gmu.ts: one gate z for two modalities (bimodal), else one per modality
      const gate = obj(config.gate);
      if (!on(gate)) return { ids: [] };
      return gate.bimodal !== false && modalities === 2 ? { ids: ['gmu'] } : repeated(modalities, 'modality', (m) => [`gmu.z${m}`]);
    }
    case 'gated-cross-attention': // each modality's tokens attend to the others', through a gate
      return repeated(modalities, 'modality', (m) => (on(config.gate) ? [`cross${m}.gate`] : []));
    case 'early-exit-mlp': // a gate after every block but the last (the last always answers)
      return { ids: on(config.gate) ? range(Math.max(count(config.blocks, 3) - 1, 0)).map((k) => `exit_gate.gate${k}`) : [] };
    default:
      return { ids: [] };
  }
}

/** The card's badge: "1 gate", "2 gates (1 per block)", "gates off" when every gate is ablated. */
export function gateCountText(g: GateInstances): string {
  const n = g.ids.length;
  if (n === 0) return 'gates off';
  const per = g.per ? ` (${g.per.count} per ${g.per.unit})` : '';
  return `${n} gate${n === 1 ? '' : 's'}${per}`;
}

/** The gates by the names the run's panels give them ("block 1 gate, block 2 gate"): the badge's title. */
export function gateNamesText(template: string, config: Obj, g: GateInstances): string {
  const names = gateNamesFromConfig({ model: { ...config, template } });
  return g.ids.map((id) => gateLabel(id, names)).join(', ');
}
