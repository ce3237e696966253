// `column=role:group`: the roles command's word that puts an input column in a fusion modality (a column
// group). Advice writes it on the user's own columns (main/lab/runs/second-modality-example.ts) and the app
// reads it back to say the same in its own words ("give 'Review Text' the Modality 'text' in Datasets →
// Schema", renderer/lib/ui-hints.ts); both go through this file, so a column name with a space or a quote
// survives the round trip.
import { readShellWord, shellWord } from '../text/shell-word';

export interface ModalityAssignment { column: string; role: string; group: string }

/** The roles that take a modality group after a ':' (the fusion inputs). */
const GROUPED_ROLES = ['feature', 'categorical', 'multi-hot'];

/** `column=role:group` as typed in a shell ('Review Text=feature:text', city=feature:categories). */
export function modalityAssignmentWord(a: ModalityAssignment): string {
  return shellWord(`${a.column}=${a.role}:${a.group}`);
}

/** The assignment a shell word (as modalityAssignmentWord writes it) stands for; null for another word. */
export function readModalityAssignment(written: string): ModalityAssignment | null {
  const word = readShellWord(written);
  // the last '=' splits: a column name may hold one, a role and a group do not
  const m = /^(.+)=([\w-]+):([^=:]+)$/.exec(word);
  if (!m || !GROUPED_ROLES.includes(m[2])) return null;
  return { column: m[1], role: m[2], group: m[3] };
}
