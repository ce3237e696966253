// The protocol between the lab and an analytics process (workers/analytics/entry.ts): one job per
// process, like a trainer. The lab sends `start`; the process answers progress*, then exactly one of
// done | failed, and exits. `cancel` stops between evaluations.
import { z } from 'zod';
import { RunSpec } from '../trainer-protocol';
import { Intervention, KnockoutMode, KnockoutTable } from './knockout';
import { GateReport } from './report';
import { KnockoutRowsRequest, KnockoutRowsResult } from './knockout-rows';

export const AnalyticsJob = z.object({
  /** rows: one knockout on picked test rows (`rowsRequest`), each as trained and knocked out (knockout-rows.ts). */
  kind: z.enum(['knockout', 'report', 'rows']),
  /** The run as the trainer saw it (config, dataset description) so the data is rebuilt identically. */
  spec: RunSpec,
  /** Absolute path of the checkpoint whose parameters are analysed. */
  checkpoint: z.string().min(1),
  /** Knockouts to run; absent: every knockout of every gate. */
  interventions: z.array(Intervention).optional(),
  /** Keep only the knockouts of this gate / mode / expert (with `interventions` absent: of every gate). */
  only: z.object({ gate: z.string().optional(), mode: KnockoutMode.optional(), expert: z.number().int().optional() }).optional(),
  seed: z.number().int().default(0),
  resamples: z.number().int().min(10).max(100000).default(1000),
  /** Rows: the knockout and the test rows. */
  rowsRequest: KnockoutRowsRequest.optional(),
  /** Report: the knockout table to include, if one was computed. */
  knockout: KnockoutTable.optional(),
  /** Report: expert load recorded during training, per router (`firstStep`: an older run's call mean, report.ts). */
  loadOverTraining: z.record(z.string(), z.array(z.object({ step: z.number(), load: z.array(z.number()), firstStep: z.number().nullable().optional() }))).default({}),
});
export type AnalyticsJob = z.input<typeof AnalyticsJob>;

export const ToAnalytics = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), job: AnalyticsJob }),
  z.object({ type: z.literal('cancel') }),
]);
export type ToAnalytics = z.input<typeof ToAnalytics>;

export const FromAnalytics = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number().int(), total: z.number().int(), label: z.string() }),
  z.object({ type: z.literal('knockout'), table: KnockoutTable }),
  z.object({ type: z.literal('report'), report: GateReport }),
  z.object({ type: z.literal('rows'), result: KnockoutRowsResult }),
  /** refused: the job refused what was asked (rows outside the test split), rather than failing. */
  z.object({ type: z.literal('failed'), message: z.string(), stack: z.string().optional(), refused: z.boolean().optional() }),
]);
export type FromAnalytics = z.infer<typeof FromAnalytics>;
