// What the run manager tells its subscribers (the Lab facade -> UI, `gatelab train --follow`, tests).
import type { RunStatus } from '../store/index';
import type { GateStatPoint, MetricPoint } from '../../../common/trainer-protocol';

export type RunEvent =
  | { type: 'status'; runId: number; status: RunStatus; error?: string | null; provider?: string; fallbackReason?: string; model?: string; parameters?: number; data?: string }
  | { type: 'progress'; runId: number; step: number; epoch: number; totalSteps: number; samplesPerSec: number; etaSec: number | null }
  | { type: 'metrics'; runId: number; points: MetricPoint[] }
  | { type: 'gate-stats'; runId: number; points: GateStatPoint[] }
  | { type: 'eval'; runId: number; split: 'validation' | 'test'; step: number; epoch: number; metrics: Record<string, number> }
  | { type: 'checkpoint'; runId: number; kind: string; step: number; epoch: number; path: string }
  /** The run's trainer process has exited and its pool slot is free. */
  | { type: 'released'; runId: number }
  /** The run was deleted (with its metrics and checkpoints). */
  | { type: 'deleted'; runId: number }
  | { type: 'finished'; runId: number; status: RunStatus; reason: string; test: Record<string, number>; validation: Record<string, number>; cpuMs?: number };

export type RunListener = (event: RunEvent) => void;

/** Statuses after which a run does nothing until someone acts. */
export const SETTLED: RunStatus[] = ['completed', 'failed', 'cancelled', 'paused', 'interrupted'];
export const FINAL: RunStatus[] = ['completed', 'failed', 'cancelled'];
