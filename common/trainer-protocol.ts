// The protocol between the lab (main) and a trainer process (workers/trainer.ts): one run per process.
// Every message is a zod-validated object with a `type`; both sides validate what they receive, so a
// version mismatch or a bug shows up as a message naming the field, not as a silent stall.
//
//   lab -> trainer: start(run spec) once, then pause | resume | cancel at any time (cancel is honoured
//                   between session.run calls; the lab kills the process after a grace period).
//   trainer -> lab: ready, progress*, metrics*, gate-stats*, eval*, checkpoint*, paused?, then exactly one
//                   of finished | failed; then the process exits.
import { z } from 'zod';
import { RunConfig } from './runs/config';
import { RunDataFacts } from './runs/data-summary';

// The data facts' parts are declared with the summary that holds them (common/runs/data-summary.ts); many
// modules of both processes import them from the protocol.
export { LabelCoding, ModelInputs, PartClassCounts, RegressionBaseline, SplitSizes, TestBaseline } from './runs/data-summary';

const Finite = z.number();

export const RunSpec = z.object({
  runId: z.number().int().positive(),
  /** The parsed run config (defaults filled). */
  config: RunConfig,
  /** Absolute folder the trainer writes this run's checkpoints into. */
  checkpointDir: z.string().min(1),
  /** Dataset runs: what the lab resolved for the trainer (cache folder, split assignment, columns, pipeline);
   * its shape is owned by workers/run/dataset-batches.ts, which validates it. */
  dataset: z.record(z.string(), z.unknown()).optional(),
  /** Continue from this checkpoint file (absolute path) instead of the initial parameters. */
  resumeFrom: z.string().optional(),
});
export type RunSpec = z.infer<typeof RunSpec>;

export const ToTrainer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), spec: RunSpec }),
  /** Write a 'pause' checkpoint after the current call and wait for resume or cancel. */
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  /** Stop after the current call, write a 'cancel' checkpoint, report finished(cancelled). */
  z.object({ type: z.literal('cancel') }),
]);
export type ToTrainer = z.infer<typeof ToTrainer>;

export const MetricPoint = z.object({ step: z.number().int(), name: z.string(), value: Finite });
export type MetricPoint = z.infer<typeof MetricPoint>;

export const GateStatPoint = z.object({
  step: z.number().int(),
  gate: z.string(),
  stat: z.string(),
  value: Finite.nullable(),
  vector: z.array(Finite).nullable(),
});
export type GateStatPoint = z.infer<typeof GateStatPoint>;

export const CheckpointKind = z.enum(['epoch', 'pause', 'cancel', 'best', 'final', 'last-good']);
export type CheckpointKind = z.infer<typeof CheckpointKind>;

export const FromTrainer = z.discriminatedUnion('type', [
  /** The trainer has built its data and model; beside the data line, the facts the lab stores with the run (RunDataFacts). */
  RunDataFacts.extend({
    type: z.literal('ready'),
    model: z.string(),
    /** The model config as built (a dataset fills channels, vocabularies, widths): stored on the run for export. */
    modelConfig: z.record(z.string(), z.unknown()),
    /** One line about the data: "forecasting: 8,209 train / 2,785 validation / 2,785 test samples". */
    data: z.string(),
    parameters: z.number().int(),
    provider: z.enum(['cpu', 'cuda']),
    fallbackReason: z.string().optional(),
    stepsPerEpoch: z.number().int(),
    totalSteps: z.number().int(),
    /** The step the run continues from (0 for a fresh start). */
    step: z.number().int(),
  }),
  z.object({
    type: z.literal('progress'),
    step: z.number().int(),
    epoch: z.number().int(),
    totalSteps: z.number().int(),
    samplesPerSec: Finite,
    stepsPerCall: z.number().int(),
  }),
  /** Per-step points (loss, lr, ...), batched ~every 100 ms. */
  z.object({ type: z.literal('metrics'), points: z.array(MetricPoint) }),
  z.object({ type: z.literal('gate-stats'), points: z.array(GateStatPoint) }),
  /** Evaluation at the end of an epoch (validation) or of the run (test). */
  z.object({ type: z.literal('eval'), split: z.enum(['validation', 'test']), step: z.number().int(), epoch: z.number().int(), metrics: z.record(z.string(), Finite) }),
  z.object({
    type: z.literal('checkpoint'),
    kind: CheckpointKind,
    /** Absolute path of the file (written atomically: it is complete when this message is sent). */
    path: z.string(),
    step: z.number().int(),
    epoch: z.number().int(),
    bytes: z.number().int(),
    /** Validation metric (lower is better) at this checkpoint, when known. */
    metric: Finite.nullable(),
    /** Files the trainer deleted by retention. */
    pruned: z.array(z.string()),
  }),
  z.object({ type: z.literal('paused'), step: z.number().int() }),
  z.object({ type: z.literal('resumed'), step: z.number().int() }),
  z.object({
    type: z.literal('finished'),
    status: z.enum(['completed', 'cancelled']),
    step: z.number().int(),
    epoch: z.number().int(),
    /** Why training stopped: 'epochs', 'early-stopping', 'max-steps', 'cancelled'. */
    reason: z.string(),
    test: z.record(z.string(), Finite),
    validation: z.record(z.string(), Finite),
    /** CPU time (all threads) the trainer spent from 'ready' to now: benchmarks compare it to a bare loop. */
    cpuMs: z.number().optional(),
  }),
  z.object({ type: z.literal('failed'), message: z.string(), stack: z.string().optional(), step: z.number().int() }),
]);
export type FromTrainer = z.infer<typeof FromTrainer>;

/** Validates a received message; the error names the field and the message type. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown, from: string): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const type = (raw as { type?: unknown } | null)?.type;
  throw new Error(`invalid message from ${from} (type ${JSON.stringify(type)}): ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Marks a message of this protocol (the demo trainer's older messages have no `protocol` field). */
export const PROTOCOL = 'gatelab-run/1';
