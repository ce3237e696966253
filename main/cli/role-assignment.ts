// `gatelab datasets roles ID column=role[:modality]` as typed, read into one change each. The slips people
// make get the command they meant: a type where the role goes (`review=text`: text is a type, the column's
// role is feature and 'text' its modality group), and a modality on a role that never takes one (a target,
// a time or a series id is no model input, so `label=target:text` would store a group nothing reads).
import { COLUMN_ROLES, COLUMN_TYPES, type ColumnRole } from '../../common/data/roles';
import { shellWord } from '../../common/text/shell-word';

export interface RoleChange { column: string; role: ColumnRole; modality?: string | null }

/** Roles whose columns are model inputs, the only ones a modality group (fusion) applies to. */
const GROUPED: ReadonlySet<ColumnRole> = new Set(['feature', 'categorical', 'multi-hot', 'ignore']);

/** The commands the advice hands over to set a role or a type: on a stored dataset, or as the import's own options. */
export interface RoleCommands { roles: (assignment: string) => string; types: (assignment: string) => string }

/** `gatelab datasets roles|types DATASET …` for a stored dataset (`dataset` as typed in a shell). */
const datasetCommands = (dataset: string): RoleCommands => ({
  roles: (a) => `gatelab datasets roles ${dataset} ${shellWord(a)}`,
  types: (a) => `gatelab datasets types ${dataset} ${shellWord(a)}`,
});

/** `gatelab import FILE --roles …`: the dataset is not stored yet, so the advice is the option to type instead. */
export const IMPORT_COMMANDS: RoleCommands = { roles: (a) => `--roles ${shellWord(a)}`, types: (a) => `--types ${shellWord(a)}` };

/** One `column=role[:modality]`; `dataset`: the stored dataset as typed in a shell, or the import's commands. */
export function parseRoleAssignment(typed: string, dataset: string | RoleCommands): RoleChange {
  const commands = typeof dataset === 'string' ? datasetCommands(dataset) : dataset;
  const m = /^(.+)=([a-z-]+)(?::(.*))?$/.exec(typed);
  const roles = `write column=role or column=role:modality, with a role among ${COLUMN_ROLES.join(', ')}`;
  if (!m) throw new Error(`'${typed}': ${roles}`);
  const [, column, role, modality] = m;
  if (!COLUMN_ROLES.includes(role as ColumnRole)) {
    const type = (COLUMN_TYPES as readonly string[]).includes(role)
      ? `; '${role}' is a type: to group the column as a fusion modality named '${role}': ${commands.roles(`${column}=feature:${role}`)}; to read its values as ${role}: ${commands.types(`${column}=${role}`)}`
      : '';
    throw new Error(`'${typed}': ${roles}${type}`);
  }
  if (modality && !GROUPED.has(role as ColumnRole)) {
    throw new Error(`'${typed}': a modality groups a fusion model's input columns; a ${role} column is no input, so it takes none: ${commands.roles(`${column}=${role}`)}`);
  }
  return { column, role: role as ColumnRole, ...(modality !== undefined ? { modality: modality || null } : {}) };
}
