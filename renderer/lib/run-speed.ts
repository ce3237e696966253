// A run's speed once it has stopped training. The live samples/s is the trainer's rate while it trains
// (the store clears it for a settled run, runs.svelte.ts settle); after that the run table's Samples/s
// column and the run's page show its average over its training steps (RunSummary.meanSamplesPerSec, the
// figure `gatelab show` prints), labelled "avg" so it never reads as a live rate.
import type { RunSummary } from '../../common/lab-api';
import { speedText } from '../../common/runs/speed-text';
import { isSettled } from '../stores/runs.svelte';

/** 1,523 for a fast run (whole samples); a slow run's 13.4 keeps three digits: one rule with `gatelab show`. */
export { speedText };

/**
 * The average to show for a run with no live rate: its figure ("1,600") and a tooltip saying what it
 * counts. Null while the live rate stands, before the run trained a step, and from labs that do not send it.
 */
export function averageSpeed(r: Pick<RunSummary, 'status' | 'samplesPerSec' | 'meanSamplesPerSec'>): { rate: string; title: string } | null {
  if (r.samplesPerSec != null || !isSettled(r.status) || r.meanSamplesPerSec == null) return null;
  // paused and interrupted runs train on when resumed: their average covers the steps so far
  const soFar = r.status === 'paused' || r.status === 'interrupted' ? ' so far' : '';
  return {
    rate: speedText(r.meanSamplesPerSec),
    title: `Average training speed${soFar}: samples per second over the run's training steps (validation and start-up not counted), as gatelab show reports it. The live rate shows only while the run trains.`,
  };
}
