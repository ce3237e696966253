// Runs that resumed past a damaged checkpoint: the run manager skips a damaged newest checkpoint and
// continues from the previous valid one (run-checkpoints.ts). That note was only printed while the run
// started; it is kept here (the settings table, one key, run id -> note) so the run's row in the app,
// `gatelab show` and system.info can still say which checkpoint was skipped and which steps were redone.

/** The part of the store's settings table this needs (main/lab/store/settings.ts). */
interface NoteTable {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

const KEY = 'runs.resumeNotes';

/** Remembers why run `runId` resumed from an older checkpoint than its newest (the latest note wins). */
export function recordResumeNote(table: NoteTable, runId: number, note: string): void {
  table.set(KEY, { ...resumeNotes(table), [String(runId)]: note });
}

/** Every recorded note, by run id (runs deleted since included: callers filter by the runs they show). */
export function resumeNotes(table: NoteTable): Record<string, string> {
  const notes = table.get<unknown>(KEY, {});
  if (!notes || typeof notes !== 'object' || Array.isArray(notes)) return {};
  return Object.fromEntries(Object.entries(notes).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
