// Two kinds of error end a command, and a script must tell them apart (`gatelab` exits 2 and 1):
// - a refusal of what was asked: an option, a run config, a data file, data a run cannot train on, a run or
//   dataset that does not exist or is not in a state to do that. Nothing was changed; the user fixes the
//   request and tries again;
// - a failure of the lab itself: its database or disk, a worker process, a bug. The request was fine.
// Refusals are raised in many places, each in the words of what it checks (common/ schemas, the data and
// size checks, the dataset registry), and most as plain Errors. So a refusal is typed where the checking
// happens as a whole: a caller runs its checks inside `refusing(...)`, and whatever they throw is a Refusal,
// unless it is a failure of the lab (a system call, SQLite, a programming error), which stays what it was.
// Errors that carry their own type (ImportError, RoleError, SplitError, ConfigError, SplitInUseError, zod's)
// are refusals wherever they are thrown. They are known by their `name` (each sets it), so this module
// imports nothing: every verb's argument parsing uses it, and `gatelab help` must not load the lab for it.

/** The lab's own error types that refuse a request, by name (module comment). */
const REFUSAL_TYPES = new Set(['RoleError', 'SplitError', 'ConfigError', 'SplitInUseError', 'ZodError']);
/** An import that failed for a reason of the lab's, not the file's (common/dataset-cache.ts ImportErrorCode). */
const IMPORT_FAILURES = new Set(['internal', 'cancelled']);
const importCodeOf = (e: Error): string | null => (e.name === 'ImportError' ? String((e as Error & { code?: unknown }).code) : null);

/** What was asked was refused (module comment); `cause` keeps the error that said why, when it was another. */
export class Refusal extends Error {
  override name = 'Refusal';
}

/**
 * A run id this lab does not have, in the words every face uses (the run verbs, pause/cancel, the manager):
 * the home it looked in, since a wrong --home or GATELAB_HOME is the usual reason.
 */
export const noRun = (id: number, home: string): Refusal => new Refusal(`no run ${id} in ${home} (gatelab runs lists them)`);

/**
 * The lab cannot do anything that writes (or cannot open at all): its database is damaged, or open read-only
 * after a failed integrity check. The request may be fine; the lab is not (exit 1). Thrown where that is
 * found (store/database.ts, datasets/registry.ts), in words that say what to do.
 */
export class LabUnavailable extends Error {
  override name = 'LabUnavailable';
}

/**
 * A failure of the lab rather than of the request: an operating-system call that failed (disk full, a
 * permission, a process that could not start: Node sets `syscall`), SQLite (its codes are SQLITE_*), or
 * a programming error (a TypeError is a bug, never a message written for the user), or a lab database this
 * GateLab cannot open (written by a newer one) or cannot write (damaged: LabUnavailable).
 */
export function isLabFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return true;
  if (e instanceof Refusal) return false;
  const { code, syscall } = e as NodeJS.ErrnoException;
  if (typeof syscall === 'string') return true;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return true;
  if (e.name === 'SqliteError' || e.name === 'NewerDatabaseError' || e.name === 'LabUnavailable') return true;
  const importCode = importCodeOf(e);
  if (importCode !== null) return IMPORT_FAILURES.has(importCode);
  return e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || e instanceof SyntaxError || e instanceof EvalError;
}

/** An error that refuses the request: a Refusal, or one of the lab's typed refusals (module comment). */
export function isRefusal(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e instanceof Refusal) return true;
  const importCode = importCodeOf(e);
  if (importCode !== null) return !IMPORT_FAILURES.has(importCode);
  return REFUSAL_TYPES.has(e.name);
}

/** The error as a Refusal (same message), unless it is a failure of the lab: then it is returned as it was. */
export function asRefusal(e: unknown): unknown {
  if (isRefusal(e) || isLabFailure(e)) return e;
  return new Refusal((e as Error).message, { cause: e });
}

/** Runs checks of what was asked: whatever they throw is a Refusal, except failures of the lab (isLabFailure). */
export function refusing<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw asRefusal(e);
  }
}

/** `refusing` for checks that wait (an import, reading a dataset). */
export async function refusingAsync<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    throw asRefusal(e);
  }
}
