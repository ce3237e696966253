// Which columns can be a dataset's target, checked where roles are set (registry.setColumns), so the app's
// Target picker and schema table, `gatelab datasets roles` and `gatelab train --target` all refuse the same
// columns in the same words. A datetime, a vector, a column with no value and one that holds a single value
// were accepted without a word: ETTh1's 'date' lost its time role and the run trained on the other channels,
// the target silently ignored. The renderer keeps the same rule for the picker (TargetPicker.svelte,
// targetProblem), since it cannot import main/; the two say the same reasons.
import type { ColumnRole, ColumnTypeName } from '../../../common/data/roles';
import type { ImportResult } from '../import/index';
import { IMPLICIT_FEEDBACK_HINT } from '../../../common/models/target';
import { shellWord } from '../../../common/text/shell-word';

/** What the rule reads of a column: its type in effect, its role and the importer's stats. */
export interface TargetCandidate {
  name: string;
  type: ColumnTypeName;
  role: ColumnRole;
  stats: Record<string, unknown>;
}

/** What the rule reads of the dataset: its id, name and family name the way out. */
export interface TargetDataset {
  id: number;
  name: string;
  family: string | null;
  rows: number;
  columns: TargetCandidate[];
}

interface Stats { count?: number; missing?: number; cardinality?: number | null; min?: number | null; max?: number | null; topValues?: { value: string }[] | null; numbers?: { distinct: number } }

const NUMBER_TYPES = new Set<string>(['int', 'float']);

/**
 * Why `c` cannot be a target (a phrase after its quoted name), or null when it can. Read from the importer's
 * stats only (no data is read): a dataset of any age has them.
 */
export function targetProblem(c: TargetCandidate, rows: number): string | null {
  if (c.type === 'datetime') return c.role === 'time' ? 'is the time column (datetime)' : 'is a datetime column';
  if (c.type === 'vector') return 'is a vector column (several values per row)';
  const s = c.stats as Stats;
  const count = s.count ?? (s.missing !== undefined ? rows - s.missing : undefined);
  if (count === 0 || (s.cardinality === 0 && rows > 0)) return 'has no value in any row';
  const one = s.cardinality === 1 || s.numbers?.distinct === 1 || (NUMBER_TYPES.has(c.type) && s.min != null && s.min === s.max);
  if (!one) return null;
  const value = s.topValues?.[0]?.value ?? (s.min != null ? String(s.min) : undefined);
  return `holds one value in every row${value !== undefined ? ` (${value})` : ''}`;
}

/** A column the user could pick instead: the last number (else yes/no) column that can be a target, as ETT's 'OT' is. */
function suggestion(d: TargetDataset, refused: string): string | undefined {
  const usable = d.columns.filter((c) => c.name !== refused && (c.role === 'feature' || c.role === 'target') && !targetProblem(c, d.rows));
  return (usable.filter((c) => NUMBER_TYPES.has(c.type)).at(-1) ?? usable.filter((c) => c.type === 'boolean').at(-1))?.name;
}

/** 'OT=target' as a shell word: a name with spaces or quotes is quoted. */
const assignment = (column: string) => shellWord(`${column}=target`);

/**
 * The refusal of a role change that makes an unusable column the target, or null. A column that is the target
 * already is let be (an older lab may have stored one, and putting roles back must not fail on it).
 */
export function unusableTargetMessage(d: TargetDataset, changes: Array<{ column: string; role?: ColumnRole }>, ways = setLater): string | null {
  for (const change of changes) {
    if (change.role !== 'target') continue;
    const c = d.columns.find((x) => x.name === change.column);
    if (!c || c.role === 'target') continue;
    const problem = targetProblem(c, d.rows);
    if (!problem) continue;
    const other = suggestion(d, c.name);
    // a time column beside numbers is a series to forecast (ETTh1: 'date' and 'OT'); beside codes only, a log
    const series = d.family === 'forecasting' || (c.role === 'time' && other !== undefined && NUMBER_TYPES.has(d.columns.find((x) => x.name === other)!.type));
    const pick = `pick the column to ${series ? 'forecast' : 'predict'}${other ? `, e.g. '${other}'` : ''}`;
    // a kind of column is never a target; an empty or constant one is of a usable kind but teaches nothing
    const must = c.type === 'datetime' || c.type === 'vector' ? 'a target must be a number or a category'
      : 'a target must hold values that differ between rows (a model learns nothing from one that never changes)';
    // no number or yes/no column to learn from beside a time: likely a log of interactions (user, item, time)
    const log = !other && c.type === 'datetime' ? `. ${IMPLICIT_FEEDBACK_HINT}` : '';
    return `'${c.name}' ${problem}: ${must}; ${pick} — ${ways(d, other)}${log}`;
  }
  return null;
}

/** Where to set the target on a dataset that exists: the app's picker, `datasets roles`, `train --target`. */
function setLater(d: TargetDataset, other: string | undefined): string {
  return `in the app: Datasets → ${d.name} → Target; on the command line: gatelab datasets roles ${d.id} ${assignment(other ?? '<column>')} ` +
    `(or --target ${other ?? 'COLUMN'} on gatelab train)`;
}

/** Where to set it when the import itself asked for it (`gatelab import FILE --target date`): nothing was imported. */
function setOnImport(_d: TargetDataset, other: string | undefined): string {
  return `import the file again with --target ${other ?? 'COLUMN'} (or without --target, and set it later: gatelab datasets roles ID ${assignment(other ?? '<column>')})`;
}

/** The refusal of roles given on import (`--target`, `--roles`) that make an unusable column the target, or null. */
export function unusableImportTarget(result: Pick<ImportResult, 'rows' | 'columns'>, roles: Record<string, ColumnRole | { role?: ColumnRole }>): string | null {
  const asked = Object.entries(roles).map(([column, r]) => ({ column, role: typeof r === 'string' ? r : r.role }));
  // before roles exist every column is a candidate feature; the dataset has no id or name yet
  const columns = result.columns.map((c) => ({ name: c.name, type: c.type as ColumnTypeName, role: 'feature' as const, stats: c.stats as unknown as Record<string, unknown> }));
  return unusableTargetMessage({ id: 0, name: '', family: null, rows: result.rows, columns }, asked, setOnImport);
}
