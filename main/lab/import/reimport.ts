// Importing the same bytes again returns the dataset made the first time (datasets are keyed by content),
// so options given the second time are not applied. This finds which of them would have changed
// something, for the CLI to say so instead of a bare "Already imported".
import type { ColumnType, ImportOptions } from '../../../common/dataset-cache';

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
}

export interface ReimportOptions extends ImportOptions {
  roles?: Record<string, string | { role?: string; modality?: string }>;
}

/**
 * The options of a repeated import that differ from what the dataset has, as command-line flags with
 * their values ('--on-invalid impute', '--types b=float'); empty when the dataset already matches them.
 * A sniffed setting the user now names explicitly (the same delimiter) is not a difference.
 */
export function optionsNotApplied(given: ReimportOptions, d: ImportedDataset): string[] {
  const out: string[] = [];
  const first = d.importOptions as ImportOptions;
  if (given.name !== undefined && given.name !== d.name) out.push(`--name ${given.name}`);
  if (given.format !== undefined && given.format !== d.format) out.push(`--format ${given.format}`);
  if (given.encoding !== undefined && given.encoding !== d.encoding) out.push(`--encoding ${given.encoding}`);
  if (given.delimiter !== undefined && given.delimiter !== d.delimiter) out.push(`--delimiter ${given.delimiter === '\t' ? 'tab' : given.delimiter}`);
  if (given.header !== undefined && given.header !== d.hasHeader) out.push(`--header ${given.header ? 'yes' : 'no'}`);
  if (given.onInvalid !== undefined && given.onInvalid !== (first.onInvalid ?? 'reject')) out.push(`--on-invalid ${given.onInvalid}`);
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

/** What to tell the user: what was not applied and how to get it. */
export function notAppliedMessage(d: ImportedDataset, notApplied: string[]): string {
  const rolesOnly = notApplied.every((o) => o.startsWith('--roles'));
  const roles = notApplied.some((o) => o.startsWith('--roles') || o.startsWith('--target'));
  return (`already imported as dataset ${d.id} '${d.name}' with the same content; the options ${notApplied.join(', ')} were not applied. `
    + (rolesOnly ? '' : `To import it with them, delete it first (gatelab datasets delete ${d.id}), then import again. `)
    + (roles ? `Roles can be set in place: gatelab datasets roles ${d.id} column=role` : '')).trimEnd();
}
