// What Compare sets side by side for each run: its knockout table, and its FLOPs per sample at
// inference — measured by the gate report's conditional-compute accounting when there is one, else the
// dense count of the run's model (built from its stored config: graph only, no weights, milliseconds).
import type { GateReport, KnockoutTable } from '../../../common/analytics';
import type { RunFlops } from '../../../common/lab-api';
import { parseRunConfig } from '../../../common/runs/config';
import { modelSize } from '../../../engine/models/index';
import type { RunRecord } from '../store/index';

/** FLOPs of one forward pass for one sample (matrix products, 2 per multiply-add), or null if the config does not build. */
export function denseFlopsOf(run: RunRecord): number | null {
  try {
    return modelSize(parseRunConfig(run.config).model).forwardFlopsPerSample;
  } catch {
    return null; // e.g. the built-in demo model, or a config an older GateLab wrote
  }
}

export function runFlops(run: RunRecord, report: GateReport | null): RunFlops | null {
  if (report?.compute) return { ...report.compute.flops, source: 'measured' };
  const dense = denseFlopsOf(run);
  if (dense === null) return null;
  return { dense, mean: dense, p50: dense, p95: dense, saved: 0, source: report ? 'dense' : 'dense-unmeasured' };
}

export interface ComparedRun {
  id: string;
  knockout: KnockoutTable | null;
  flops: RunFlops | null;
}
