// What an interrupted run says after GateLab itself stopped while it trained (a crash, a kill, a power
// cut): when its progress last moved, in the user's clock time, and where resume continues. It read
// "(last update 2026-11-30T07:54:07.901Z, found at 2026-11-30T07:54:23.322Z)": UTC timestamps with
// milliseconds, and a "found at" time that says nothing a user acts on. Every other interruption (a killed
// trainer, a database that stopped recording the run) words its resume point the same way (interruptionNote).
import type { ResumePoint } from './run-checkpoints';

const two = (n: number) => String(n).padStart(2, '0');

/** A stored UTC time as the user's clock shows it: "07:54:07" today, "2026-11-29 07:54:07" on another day. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const time = `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
  const sameDay = t.getFullYear() === now.getFullYear() && t.getMonth() === now.getMonth() && t.getDate() === now.getDate();
  return sameDay ? time : `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${time}`;
}

export interface CrashFacts {
  runId: number;
  /** The run's last write (its step is persisted about every second while it trains). */
  lastUpdate: string;
  /** Where it resumes: the checkpoint, null when it has none, or why no checkpoint can be used. */
  resume: ResumePoint | null | { problem: string };
  now?: Date;
}

/**
 * "GateLab stopped while this run was training (its last progress was at 07:54:07). Resume continues from
 * its last checkpoint, at step 3 (after 1 full epoch). Resume it: gatelab resume 12": when it stopped, and
 * where it resumes (the one step number here, so it cannot disagree with the step the curves reached).
 */
export function crashNote(f: CrashFacts): string {
  return interruptionNote({ runId: f.runId, why: `GateLab stopped while this run was training (its last progress was at ${clockTime(f.lastUpdate, f.now)})`, resume: f.resume });
}

/**
 * Where an interrupted run resumes, the one step a stop names: "Resume continues from its last checkpoint,
 * at step 140 (after 1 full epoch)", "It had no checkpoint yet: resume restarts from step 0", or why no
 * checkpoint can be used.
 */
export function resumeWhere(r: CrashFacts['resume']): string {
  if (r === null) return 'It had no checkpoint yet: resume restarts from step 0';
  if ('problem' in r) return r.problem;
  return `Resume continues from its last checkpoint, at step ${r.step}${r.epoch ? ` (after ${r.epoch} full epoch${r.epoch === 1 ? '' : 's'})` : ''}${r.note ? ` (${r.note})` : ''}`;
}

/**
 * Any interruption's message: why it stopped, where it resumes (the resume point, the run's stored step;
 * the step its curves reached is shown beside it by the views, never in here), what to do first if
 * anything ("Free disk space on the drive that holds it"), and the command.
 */
export function interruptionNote(o: { runId: number; why: string; resume: CrashFacts['resume']; fixFirst?: string }): string {
  const todo = o.fixFirst ? `${o.fixFirst}, then resume it` : 'Resume it';
  return `${o.why}. ${resumeWhere(o.resume)}. ${todo}: gatelab resume ${o.runId}`;
}
