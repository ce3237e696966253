// Importing the same bytes again returns the dataset made the first time (datasets are keyed by content),
// so options given the second time are not applied (--date-order included: dates are read at parse time).
// This finds which of them would have changed something, for the CLI to say so instead of a bare
// "Already imported".
import type { ColumnType, ImportOptions } from '../../../common/dataset-cache';
import { shellWord } from '../../../common/text/shell-word';

/** What an existing dataset records of its first import (a registry Dataset has all of it). */
export interface ImportedDataset {
  id: number;
  name: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  hasHeader: boolean | null;
  importOptions: Record<string, unknown>;
  columns: Array<{ name: string; type: string; role: string }>;
  /** The import's validation report: its notes say which order slashed dates were read in. */
  validation?: unknown;
}

export interface ReimportOptions extends ImportOptions {
  roles?: Record<string, string | { role?: string; modality?: string }>;
}

/** What is known of the file itself. */
export interface SourceFacts {
  /** False when its sampled text has no slashed dates (mayHoldSlashedDates): no date order changes it. */
  slashedDates?: boolean;
}

/**
 * The options of a repeated import that differ from what the dataset has, as command-line flags with
 * their values ('--on-invalid impute', '--types b=float'); empty when the dataset already matches them.
 * A sniffed setting the user now names explicitly (the same delimiter) is not a difference, nor is a
 * date order for a file without slashed dates (ISO dates read the same in every order).
 */
export function optionsNotApplied(given: ReimportOptions, d: ImportedDataset, source: SourceFacts = {}): string[] {
  const out: string[] = [];
  const first = d.importOptions as ImportOptions;
  if (given.name !== undefined && given.name !== d.name) out.push(`--name ${given.name}`);
  if (given.format !== undefined && given.format !== d.format) out.push(`--format ${given.format}`);
  if (given.encoding !== undefined && given.encoding !== d.encoding) out.push(`--encoding ${given.encoding}`);
  if (given.delimiter !== undefined && given.delimiter !== d.delimiter) out.push(`--delimiter ${given.delimiter === '\t' ? 'tab' : given.delimiter}`);
  if (given.header !== undefined && given.header !== d.hasHeader) out.push(`--header ${given.header ? 'yes' : 'no'}`);
  if (given.onInvalid !== undefined && given.onInvalid !== (first.onInvalid ?? 'reject')) out.push(`--on-invalid ${given.onInvalid}`);
  if (given.dateOrder !== undefined && source.slashedDates !== false && given.dateOrder !== dateOrderRead(d)) out.push(`--date-order ${given.dateOrder}`);
  if (given.target !== undefined && given.target !== first.target) out.push(`--target ${given.target}`);
  const column = (name: string) => d.columns.find((c) => c.name === name);
  const types = Object.entries(given.columnTypes ?? {}).filter(([name, type]) => column(name)?.type !== (type as ColumnType));
  if (types.length) out.push(`--types ${types.map(([n, t]) => `${n}=${t}`).join(',')}`);
  const roles = Object.entries(given.roles ?? {})
    .map(([name, r]) => [name, typeof r === 'string' ? r : r.role] as const)
    .filter(([name, role]) => role !== undefined && column(name)?.role !== role);
  if (roles.length) out.push(`--roles ${roles.map(([n, r]) => `${n}=${r}`).join(',')}`);
  return out;
}

/**
 * The order the dataset's slashed dates were read in: the one forced at import, else the one its import
 * note names ("read day-first (DD/MM/YYYY)"); undefined when neither says (no note: no ambiguous dates seen).
 */
function dateOrderRead(d: ImportedDataset): string | undefined {
  const forced = (d.importOptions as ImportOptions).dateOrder;
  if (forced) return forced;
  const issues = (d.validation as { issues?: Array<{ kind: string; message: string }> } | undefined)?.issues ?? [];
  // "read day-first (DD/MM/YYYY)", "read month-first (MM/DD/YYYY)", "read as day-first dates (DD/MM/YYYY)"
  for (const i of issues) {
    const m = /\bread (?:as )?(day|month)-first (?:dates )?\((?:DD|MM)\//.exec(i.message);
    if (m && (i.kind === 'note' || i.kind === 'retyped')) return m[1] === 'day' ? 'dmy' : 'mdy';
  }
  return undefined;
}

/**
 * What to tell the user: what was not applied and how to get it. `runsUsing`: runs trained on the dataset,
 * which its deletion keeps (with their results) but leaves without data, hence `--yes`.
 */
export function notAppliedMessage(d: ImportedDataset, given: string[], runsUsing = 0): string {
  // a name is changed in place: deleting the dataset for it would cost its runs' Try it and knockouts
  const nameOption = given.find((o) => o.startsWith('--name '));
  const notApplied = given.filter((o) => o !== nameOption);
  const rename = nameOption ? `To give it the name '${nameOption.slice(7)}', rename it: gatelab datasets rename ${d.id} ${shellWord(nameOption.slice(7))}. ` : '';
  if (notApplied.length === 0) return `already imported as dataset ${d.id} '${d.name}' with the same content; the option ${nameOption} was not applied. ${rename}`.trimEnd();
  const rolesOnly = notApplied.every((o) => o.startsWith('--roles'));
  const roles = notApplied.some((o) => o.startsWith('--roles') || o.startsWith('--target'));
  const deleteVerb = `gatelab datasets delete ${d.id}${runsUsing ? ' --yes' : ''}`;
  const runs = runsUsing ? `; ${runsUsing} run${runsUsing === 1 ? ' uses' : 's use'} it and keep${runsUsing === 1 ? 's its' : ' their'} results, but lose${runsUsing === 1 ? 's' : ''} Try it, knockouts and gate reports` : '';
  // the file is parsed once with these: `gatelab datasets types` re-parses with the dataset's own options
  const parseTime = notApplied.filter((o) => /^--(date-order|encoding|delimiter|header|format)\b/.test(o)).map((o) => o.split(' ')[0]);
  const noTypes = parseTime.length ? ` (${parseTime.join(', ')} cannot be changed in place: gatelab datasets types keeps the options the file was first read with)` : '';
  return (`already imported as dataset ${d.id} '${d.name}' with the same content; the options ${given.join(', ')} were not applied. `
    + rename
    + (rolesOnly ? '' : `To import it with them, delete it first (${deleteVerb}${runs}), then import again${noTypes}. `)
    + (roles ? `Roles can be set in place: gatelab datasets roles ${d.id} column=role` : '')).trimEnd();
}
