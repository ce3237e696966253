// When a nested group of a config form may be absent. zod's JSON Schema (io: 'input') leaves every
// group with a default or prefault out of `required` — the optimizer, the schedule, a router's load
// balancing — yet those are always there once parsed. Only a group that is neither required nor
// defaulted (tsmixer's patching) is "off" while unset, and only such a group may be cleared to unset.
import type { JsonSchema } from './json-schema';

/** The fields of a group that have no default: the ones whose emptiness says the group is off. */
export function ownFields(group: JsonSchema): string[] {
  return Object.entries(group.properties ?? {}).filter(([, p]) => p.default === undefined && p.const === undefined).map(([k]) => k);
}

/** True for a group that is off while unset: not required by its parent, no default, some field without one. */
export function isOptionalGroup(parent: JsonSchema, key: string): boolean {
  const group = parent.properties?.[key];
  if (!group || (parent.required ?? []).includes(key) || group.default !== undefined) return false;
  return ownFields(group).length > 0;
}
