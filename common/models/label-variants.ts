// Target values that differ only in case or surrounding spaces ('Recommended', 'recommended ', 'RECOMMENDED')
// are read as different classes: exact values decide the classes (common/models/target.ts), as they must
// for codes where case matters. Usually they are one label typed inconsistently, so the run's data line
// names them; the importer warns too. Pure: the trainer computes it from the target's distinct values.

/** The values grouped by their trimmed, lowercased form, in the order first seen (a value without variants is a group of one). */
export function spellingGroups(values: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const v of values) {
    const key = v.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.values()];
}

/** Groups (of two or more) of values equal after trimming and lowercasing, in the order first seen. */
export function caseVariants(values: readonly string[]): string[][] {
  return spellingGroups(values).filter((g) => g.length > 1);
}

/** "'RECOMMENDED' / 'Recommended' / 'recommended '; …": each value quoted exactly as stored, so its spaces show. */
export function variantGroupsText(groups: readonly (readonly string[])[], maxGroups = 4): string {
  const shown = groups.slice(0, maxGroups).map((g) => g.slice(0, 6).map((v) => `'${v}'`).join(' / ') + (g.length > 6 ? ` / … (${g.length})` : ''));
  return shown.join('; ') + (groups.length > maxGroups ? `; … (${groups.length} groups)` : '');
}

/**
 * "target 'label': values that differ only in case or spaces are separate classes: 'RECOMMENDED' / 'Recommended'
 * / 'recommended ' (…)", or undefined when there are none. Values are quoted so spaces show.
 */
export function labelVariantsNote(column: string, values: readonly string[]): string | undefined {
  const groups = caseVariants(values);
  if (!groups.length) return undefined;
  return `target '${column}': values that differ only in case or spaces are separate classes: ${variantGroupsText(groups)}` +
    ` (if they mean the same, make them one value in the file, e.g. trimmed and lowercased, and import it again)`;
}
