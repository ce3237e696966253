// Conditional compute in the gate report: the FLOPs each test sample actually needs when skipped work is
// skipped (routers' unchosen experts, hard gates' closed units, blocks after an early exit at the trained
// threshold), and for early-exit models the compute–metric curve over exit thresholds.
import { summarizeFlops, type ComputeReport, type ConditionalGate, type GateReport } from '../../common/analytics';
import { probeOutput } from '../../engine/analytics/analytics-graph';
import { executedFlops, exitSkips, exitStages, routerSkips, zeroGateSkips } from '../../engine/analytics/accounting';
import { expertGroup, forwardCosts, gateConsumerFlops, groupFlops } from '../../engine/analytics/flops';
import { exitCurve } from '../../engine/analytics/exit-sweep';
import { exitStageOf } from '../../engine/analytics/early-exit-model';
import type { PerSample } from './evaluate-graph';
import type { ReportInput } from './gate-report';
import { sampleMetric } from './sample-metric';

/**
 * Routers whose unchosen experts get weight exactly 0 (top-k, Sinkhorn) skip those experts' work; hard
 * gates (values all exactly 0 or 1) skip the rows of the product they feed for every closed unit; early
 * exits skip every stage after the one a sample leaves at (first gate above the trained threshold).
 */
export function computeReport(r: ReportInput): ComputeReport | undefined {
  const routers = r.gates.filter((g) => g.kind === 'router');
  const binary = (v: PerSample | undefined) => !!v && v.data.every((x) => x === 0 || x === 1);
  const hard = r.gates.filter((g) => g.kind === 'gate' && binary(r.base.outputs[probeOutput(g.gate)]));
  const exits = exitStagesOf(r);
  if (!routers.length && !hard.length && !exits) return undefined;
  const costs = forwardCosts(r.def);
  const byExpert = groupFlops(costs, expertGroup);
  const n = r.base.rows;
  const skips = routers.flatMap((g) => {
    const E = g.shape.at(-1)!;
    const expertFlops = Array.from({ length: E }, (_, e) => byExpert.get(`expert${e}`) ?? 0);
    if (expertFlops.every((f) => f === 0)) return [];
    return [{ gate: g.gate, kind: 'router' as ConditionalGate['kind'], skippable: expertFlops.reduce((a, b) => a + b, 0), perSample: routerSkips(expertFlops, r.base.outputs[probeOutput(g.gate)].data, n) }];
  });
  const consumers = hard.length ? gateConsumerFlops(r.def) : new Map<string, number>();
  for (const g of hard) {
    const flops = consumers.get(g.gate) ?? 0;
    if (flops > 0) skips.push({ gate: g.gate, kind: 'hard' as const, skippable: flops, perSample: zeroGateSkips(flops, r.base.outputs[probeOutput(g.gate)].data, n) });
  }
  if (exits) {
    const perSample = exitSkips(exits.stageFlops, exitStages(exits.gates, n, exits.threshold));
    skips.push({ gate: exits.gateName, kind: 'exit' as const, skippable: exits.stageFlops.slice(1).reduce((a, b) => a + b, 0), perSample });
  }
  if (!skips.length) return undefined;
  const { perSample, gates } = executedFlops(costs.total, skips, n);
  return { flops: summarizeFlops(perSample, costs.total), gates };
}

/**
 * Early-exit models that report every exit's prediction (`exit<i>`) and probe their exit gates: the
 * compute–metric curve over thresholds 0.05 … 0.95, the trained threshold marked.
 */
export function exitCurveOf(r: ReportInput): GateReport['exitCurve'] {
  const stages = exitStagesOf(r);
  if (!stages) return undefined;
  const { predictions, threshold: chosen } = stages;
  const metric = sampleMetric(r.data.task, Array.from(r.data.test.columns[r.data.target].data as ArrayLike<number | bigint>, Number), r.data.classes);
  const all = Int32Array.from({ length: r.base.rows }, (_, i) => i);
  const width = predictions[0].width;
  return exitCurve({
    predictions: predictions.map((p) => p.data), width,
    gates: stages.gates,
    stageFlops: stages.stageFlops,
    metric: { name: metric.name, score: (pred) => metric.on({ data: pred, width }, all) },
    thresholds: Array.from({ length: 19 }, (_, i) => Math.round((0.05 + 0.05 * i) * 100) / 100),
    chosen,
  });
}

/**
 * An early-exit model's stages, when it reports every exit's prediction (`exit<i>`) and probes its exit
 * gates (`<gate>.gate<i>`): per stage its FLOPs (block, head and gate, read off the parameter names), per
 * early exit its gate value per sample, and the trained threshold (the model config's `gate.threshold`).
 */
function exitStagesOf(r: ReportInput) {
  const exits = r.gates.filter((g) => g.kind === 'exit');
  const predictions = Array.from({ length: exits.length + 1 }, (_, i) => r.base.outputs[`exit${i}`]);
  if (!exits.length || predictions.some((p) => !p)) return undefined;
  const gateName = exits[0].gate.replace(/\.gate\d+$/, '');
  const byStage = groupFlops(forwardCosts(r.def), (p) => { const s = exitStageOf(p, gateName); return s === null ? null : String(s); });
  return {
    gateName,
    predictions,
    gates: exits.map((g) => r.base.outputs[probeOutput(g.gate)].data),
    stageFlops: predictions.map((_, i) => byStage.get(String(i)) ?? 0),
    threshold: Number((r.model.gate as { threshold?: number } | undefined)?.threshold ?? 0.5),
  };
}
