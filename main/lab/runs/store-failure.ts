// The lab's database refusing a write (disk full, read-only file, a lock held for long, a failing drive) is
// not the run's fault: the run stops resumable, and its message names the cause and the fix in the user's
// terms, then the command to continue. While it lasts the queue waits, saying why in the same words.
import type { QueueHold } from './events';

/** An error better-sqlite3 raised for the database itself (its code is SQLite's: SQLITE_FULL, ...). */
export function isStoreError(e: unknown): boolean {
  return /^SQLITE_/.test(String((e as { code?: unknown } | null)?.code));
}

const code = (e: unknown) => String((e as { code?: unknown } | null)?.code ?? '');

/** What to do before resuming, for the error's SQLite code ("Free disk space on the drive that holds it"). */
export function storeFix(e: unknown): string {
  const c = code(e);
  if (c === 'SQLITE_FULL') return 'Free disk space on the drive that holds it';
  if (c.startsWith('SQLITE_READONLY') || c === 'SQLITE_PERM' || c === 'SQLITE_CANTOPEN') return 'Make the file and its folder writable again (or, if the drive is mounted read-only, remount it)';
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED')) return 'Close the program that keeps the database locked (a database browser with an open transaction, a backup tool)';
  if (c.startsWith('SQLITE_IOERR')) return 'Check the drive that holds it (full, unplugged or failing)';
  if (c.startsWith('SQLITE_CORRUPT') || c === 'SQLITE_NOTADB') return 'Quit GateLab: the next start checks the file and says what to do';
  return 'Fix what keeps the database from being written';
}

/** "the lab could not write to its database /home/me/.gatelab/gatelab.sqlite (database or disk is full)" */
export function storeProblem(e: unknown, database: string): string {
  return `the lab could not write to its database ${database} (${(e as Error).message})`;
}

/**
 * The queue's hold while the database refuses writes: "Queued runs wait: the lab could not write to its
 * database … (database or disk is full). Free disk space on the drive that holds it; they start by
 * themselves once the database takes writes again".
 */
export function queueHoldOf(e: unknown, database: string, now = new Date()): QueueHold {
  const cause = storeProblem(e, database);
  const fix = storeFix(e);
  return { cause, fix, since: now.toISOString(), note: `Queued runs wait: ${cause}. ${fix}; they start by themselves once the database takes writes again` };
}
