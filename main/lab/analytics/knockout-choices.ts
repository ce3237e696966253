// Which knockouts a run has, read from its stored config without starting an analytics process: every
// knockout of every gate its model has (common/analytics allInterventions), the one rule the analytics
// job's chosenKnockouts follows and `gatelab knockout --gate/--mode/--expert` checks a request against
// (knockout-request.ts). Try it's What if lists them whether or not a knockout table was computed.
import { allInterventions, type GateProbe } from '../../../common/analytics';
import { ABLATED_NOTE, gatesOff } from '../../../common/analytics/ablation';
import { gateNamesFromConfig } from '../../../common/analytics/gate-names';
import type { KnockoutChoice } from '../../../common/lab-api';
import { runGates } from './run-target';
import { noGatesRefusal, type KnockoutRun } from './knockout-request';

/** Every knockout of `gates`, each with its gate's kind (what the gate's value is), in the table's order. */
export function knockoutChoicesOf(gates: readonly GateProbe[]): KnockoutChoice[] {
  const kindOf = new Map(gates.map((g) => [g.gate, g.kind]));
  return allInterventions(gates).map((i) => ({ gate: i.gate, kind: kindOf.get(i.gate)!, mode: i.mode, ...(i.expert !== undefined ? { expert: i.expert } : {}) }));
}

/**
 * A run's knockouts, or why it has none in the words `gatelab knockout` refuses it with: every gate switched
 * off (an ablation), or a model without a gate (a baseline: noGatesRefusal names the gated templates its data
 * can train). Undefined when the run's model cannot be rebuilt here to list its gates (the job would say why).
 */
export function runKnockoutChoices(runId: number, run: KnockoutRun): { choices: KnockoutChoice[]; none: string | null } | undefined {
  const config = run.config as Record<string, unknown> | undefined;
  if (gatesOff(config)) return { choices: [], none: `run ${runId}: ${ABLATED_NOTE}` };
  const gates = runGates(run.config);
  if (!gates) return undefined;
  if (!gates.length) return { choices: [], none: noGatesRefusal(runId, gateNamesFromConfig(config).template, run).message };
  return { choices: knockoutChoicesOf(gates), none: null };
}
