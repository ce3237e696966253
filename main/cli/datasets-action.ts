// `gatelab datasets ACTION ...`: the word after `datasets` is checked before anything else (before the lab
// opens, before the dataset id is asked for), so a slip (`datasets shwo 5`, `datasets shwo`) is named with the
// action meant rather than answered with a usage line for an action that does not exist. A new user who
// groups every dataset task under `datasets` types `datasets import FILE`; importing is its own command
// (`gatelab import`, with options `datasets` does not take), so that word is pointed there, ready to paste.
import { closestName } from '../../common/runs/dropped-fields';
import { shellWord } from '../../common/text/shell-word';

export const DATASETS_ACTIONS = ['list', 'show', 'roles', 'types', 'rename', 'split', 'delete'] as const;

const ACTION_LIST = 'list, show, roles, types, rename, split or delete';

/** Words for an import a user may put under `datasets`: each is the `gatelab import` command. */
const IMPORT_WORDS = new Set(['import', 'add', 'load', 'new', 'create', 'upload']);

/**
 * The refusal for an action `gatelab datasets` does not have, or undefined when `action` is one it has (or
 * none was given: the list). `file` is the word typed after the action, put into the import command.
 */
export function unknownDatasetsAction(action: string | undefined, file?: string): string | undefined {
  if (action === undefined || (DATASETS_ACTIONS as readonly string[]).includes(action)) return undefined;
  if (IMPORT_WORDS.has(action.toLowerCase())) {
    const command = `gatelab import ${file === undefined ? 'FILE' : shellWord(file)} [--name NAME]`;
    return `importing a file is its own command: ${command} (gatelab datasets then lists it); datasets actions: ${ACTION_LIST}`;
  }
  const near = closestName(action, DATASETS_ACTIONS);
  return `unknown action '${action}'${near ? ` (did you mean '${near}'?)` : ''}: use ${ACTION_LIST}`;
}
