// JSON columns: parse defensively so one bad row shows up as a clear error, not a crash elsewhere.
// A row that is not JSON is a damaged database, not a bad request: LabUnavailable (exit 1, refusal.ts),
// whatever command read it, even one that runs its checks inside `refusing`.
// Listings are the exception (damaged-rows.ts): they leave such a row out and name it, so one damaged row
// does not hide every other run or dataset; opening that row still fails here, naming it.
import { LabUnavailable } from '../runs/refusal';

/**
 * `text` parsed, `fallback` when empty. `removeWith`: the command that deletes the damaged row without reading it
 * (`gatelab delete 3` for a run), said as a way out beside restoring the database; omitted where there is none.
 */
export function parseJson<T>(text: string | null | undefined, fallback: T, where: string, removeWith?: string): T {
  if (text == null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    // Said for every reader, so the way out is the row's own, never the command that read it.
    const remove = removeWith ? `, or delete it if you no longer need it (${removeWith})` : '';
    throw new LabUnavailable(`Corrupt JSON in ${where} (${(e as Error).message}): the lab database is damaged there (changed outside GateLab, or a bug); GateLab left it as it is. `
      + `Restore the lab database from a backup, or start a fresh lab (move the database aside, or use another lab home with --home DIR)${remove}`);
  }
}

/** The first of `columns` of a raw row that is not JSON (as parseJson reads it), with the parser's words; null when all parse. */
export function firstDamagedColumn(row: Record<string, unknown>, columns: readonly string[]): { column: string; error: string } | null {
  for (const column of columns) {
    const text = row[column];
    if (typeof text !== 'string' || text === '') continue;
    try {
      JSON.parse(text);
    } catch (e) {
      return { column, error: (e as Error).message };
    }
  }
  return null;
}

export const toJson = (value: unknown): string => JSON.stringify(value ?? null);
