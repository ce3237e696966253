// The models' own cross-field checks (common/models, common/gates) speak the CLI's `--set` keys: "heads must
// divide dModel (got dModel=30, heads=4)". The CLI keeps those words (a user types them back as `--set
// dModel=32`); the Models form has no field called dModel, so in the app the keys the message names are
// said with the form's labels: "… must divide Model width (d_model) (got Model width (d_model) = 30,
// Attention heads = 4)". Only what is surely a key is replaced — a dotted path, a camelCase word or a
// `key=value` — so the plain English words that are keys too ("at most experts", "3 blocks") read on.
import { pathLabel, propertyOf } from './field-labels';
import type { JsonSchema } from './json-schema';

/** `a.b.c`, a camelCase word or `key=`: a config key for certain (not an English word). */
const KEYISH = /(?<![\w.-])(?<!--set\s+)([A-Za-z]\w*(?:\.[A-Za-z]\w*)+|[a-z]+[A-Z]\w*|[A-Za-z]\w*(?==))(=?)/g;

/**
 * `message` with the config keys it names replaced by their form labels. A key is looked up as a path
 * from `root`, then as a field beside the one at `path` (the field), then beside each of its
 * parents up to the top of the form; a word that is no field is left as written.
 */
export function configKeysInWords(message: string, root: JsonSchema, path: readonly PropertyKey[]): string {
  const scopes: PropertyKey[][] = [];
  const keys = path.filter((p) => typeof p !== 'number');
  for (let n = keys.length - 1; n >= 0; n--) scopes.push(keys.slice(0, n));
  const resolve = (key: string): string | null => {
    const dotted = key.split('.');
    for (const scope of dotted.length > 1 ? [[]] : scopes) {
      const full = [...scope, ...dotted];
      if (!full.reduce<JsonSchema | undefined>((s, k) => propertyOf(s, String(k)), root)) continue;
      return pathLabel(root, full).label;
    }
    return null;
  };
  return message.replace(KEYISH, (whole, key: string, assign: string) => {
    const label = resolve(key);
    if (!label) return whole;
    return assign ? `${label} = ` : label;
  });
}
