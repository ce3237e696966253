// What a knockout asks (`gatelab knockout`'s --gate, --mode, --expert; the app's What if), checked against
// the run's gates before the analytics process starts. The job would refuse the same things only after
// loading the data and the model (exit 1, as if the lab had failed); here a gate the run does not have, a mode its gate has no
// knockout for or an expert it does not have is a refusal (exit 2) that lists what the run does have.
import { allInterventions, modesFor, type GateProbe, type Intervention } from '../../../common/analytics';
import { Refusal } from '../runs/refusal';
import { gateLabel, NO_NAMES, type GateNames } from '../../../common/analytics/gate-names';
import { gatedTemplatesOfFamily, runDataFacts, templateChoices } from '../../../common/analytics/gated-templates';
import type { LabelCoding } from '../../../common/trainer-protocol';
import { TEMPLATES } from '../../../common/models';

export type KnockoutRequest = { gate?: string; mode?: Intervention['mode']; expert?: number };

/** The run a knockout is asked of, as far as a refusal reads it (a RunRecord): its dataset, config and data summary. */
export interface KnockoutRun {
  datasetId?: number | null;
  config?: unknown;
  dataSummary?: { label?: LabelCoding } | null;
}

/** The experts (or variables) a 'single' knockout of `g` can keep: allInterventions' rule (at most 16). */
const singleExperts = (g: GateProbe): number => Math.min(g.shape.at(-1) ?? 0, 16);

/** A gate's knockouts as --mode/--expert take them: "open, closed, mean", "uniform, top1, single 0-3, mean". */
function knockoutsOf(g: GateProbe): string {
  return modesFor(g.kind)
    .flatMap((m) => (m !== 'single' ? [m] : singleExperts(g) > 0 ? [`single ${singleExperts(g) > 1 ? `0-${singleExperts(g) - 1}` : '0'}`] : []))
    .join(', ');
}

/**
 * "gates are: gate1 = stream 1 feature gate (gate: open, closed, mean), router (router: uniform, top1,
 * single 0-3, mean)": the ids --gate takes, each with the name the knockout rows and the app give it
 * when that says more (`gate.task0` is MMoE's click gate).
 */
export function gatesAre(gates: readonly GateProbe[], names: GateNames = NO_NAMES): string {
  const named = (g: GateProbe) => { const label = gateLabel(g.gate, names); return label === g.gate ? g.gate : `${g.gate} = ${label}`; };
  return `gates are: ${gates.map((g) => `${named(g)} (${g.kind}: ${knockoutsOf(g)})`).join(', ')}`;
}

/**
 * Why a run without gates has no knockout, and what to train instead: a baseline (dlinear) is told the gated
 * templates of its family from the registry that its data can train (a click log without ratings: no mmoe;
 * one modality: no gmu; the run's config and data summary say which; a run that does not say gets them all),
 * with the train command on the run's dataset ("ID" for synthetic data); another model (the demo's) is told
 * what knockouts need.
 */
export function noGatesRefusal(runId: number, template: string, run: KnockoutRun = {}): Refusal {
  const gated = gatedTemplatesOfFamily(template, runDataFacts(run.config as Record<string, unknown> | undefined, run.dataSummary));
  const datasetId = run.datasetId;
  const info = TEMPLATES.find((t) => t.id === template);
  if (info?.baseline && gated.length) {
    return new Refusal(`run ${runId} has no gate to knock out: ${template} is a baseline without gates; to see what gates do on this data, ` +
      `train a gated ${info.family} template instead: ${templateChoices(gated)} (e.g. gatelab train --dataset ${datasetId ?? 'ID'} --template ${gated[0]}; gatelab templates marks the gated ones)`);
  }
  return new Refusal(`run ${runId} has no gate to knock out: its model has no gate (a baseline template) or none that applies to this data; ` +
    'knockouts need a gated template (gates are highlighted in the Models diagram; `gatelab templates` marks them)');
}

/** Throws a Refusal naming the run's gates when `only` matches none of its knockouts (`run`: the run asked, for noGatesRefusal). */
export function assertKnockoutRequest(runId: number, gates: readonly GateProbe[], only: KnockoutRequest, names: GateNames = NO_NAMES, run?: KnockoutRun): void {
  if (!gates.length) throw noGatesRefusal(runId, names.template, run);
  const gate = only.gate === undefined ? undefined : gates.find((g) => g.gate === only.gate);
  if (only.gate !== undefined && !gate) throw new Refusal(`run ${runId} has no gate '${only.gate}'; ${gatesAre(gates, names)}`);
  if (gate && only.mode !== undefined && !modesFor(gate.kind).includes(only.mode)) {
    throw new Refusal(`gate '${gate.gate}' of run ${runId} is a ${gate.kind}: --mode ${only.mode} does not apply to it (its knockouts: ${knockoutsOf(gate)}); ${gatesAre(gates, names)}`);
  }
  // only 'single' knockouts keep one expert: --expert with another mode matches nothing
  if (only.expert !== undefined && only.mode !== undefined && only.mode !== 'single') {
    throw new Refusal(`--expert goes with --mode single (got --mode ${only.mode}); ${gatesAre(gates, names)}`);
  }
  // The job's own rule (workers/analytics/knockout.ts): every knockout of every gate, kept when it matches.
  const matching = allInterventions(gates).filter((i) =>
    (only.gate === undefined || i.gate === only.gate) && (only.mode === undefined || i.mode === only.mode) && (only.expert === undefined || i.expert === only.expert));
  if (!matching.length) {
    const what = [only.gate !== undefined && `gate '${only.gate}'`, only.mode && `mode '${only.mode}'`, only.expert !== undefined && `expert ${only.expert}`].filter(Boolean).join(', ');
    throw new Refusal(`no knockout of run ${runId} matches ${what}; ${gatesAre(gates, names)}`);
  }
}

/**
 * One knockout, for `--rows` (the prediction of chosen rows as trained and with one gate forced): the
 * request must name a gate and a mode (and the expert of a 'single' knockout), then is checked as any.
 */
export function assertOneKnockout(runId: number, gates: readonly GateProbe[], only: KnockoutRequest, names: GateNames = NO_NAMES, run?: KnockoutRun): void {
  assertKnockoutRequest(runId, gates, only, names, run);
  if (only.gate === undefined || only.mode === undefined) {
    throw new Refusal(`--rows evaluates one knockout: give --gate G and --mode M (and --expert E with --mode single); ${gatesAre(gates, names)}`);
  }
  if (only.mode === 'single' && only.expert === undefined) {
    const g = gates.find((x) => x.gate === only.gate)!;
    throw new Refusal(`--rows evaluates one knockout: --mode single needs --expert E, the expert to keep (its knockouts: ${knockoutsOf(g)}); ${gatesAre(gates, names)}`);
  }
}
