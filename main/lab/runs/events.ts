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

/**
 * Why the queue waits: the database refuses writes, so a run started now would be stopped at once. `note`
 * is the one line the views and the CLI print (the cause, then what to do, in the stop note's words).
 */
export interface QueueHold {
  /** "the lab could not write to its database /home/me/.gatelab/gatelab.sqlite (database or disk is full)" */
  cause: string;
  /** "Free disk space on the drive that holds it" */
  fix: string;
  note: string;
  /** When the hold began (ISO). */
  since: string;
}

/** The hold (repeated while it lasts), or null once writes succeed again and the queue runs. */
export type QueueHoldListener = (hold: QueueHold | null) => void;

/** Statuses after which a run does nothing until someone acts. */
export const SETTLED: RunStatus[] = ['completed', 'failed', 'cancelled', 'paused', 'interrupted'];
export const FINAL: RunStatus[] = ['completed', 'failed', 'cancelled'];
