// Fields a zod parse dropped: zod objects strip keys they do not know, so a misspelt `--set epoch=3`, a
// `gate.tempreature` or a key another template has would otherwise vanish without a word and the run would
// train with the default. Comparing what went in with what came out finds them without walking schemas.

/** Dotted paths of the keys of `input` that `parsed` lacks (recursing into objects and arrays both have). */
export function droppedFields(input: unknown, parsed: unknown, prefix = ''): string[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((v, i) => (i < parsed.length ? droppedFields(v, parsed[i], `${prefix}[${i}]`) : []));
  }
  if (!isPlainObject(input) || !isPlainObject(parsed)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue; // an absent optional field, spelt out by a caller
    const path = prefix ? `${prefix}.${key}` : key;
    if (!(key in parsed)) out.push(path);
    else out.push(...droppedFields(value, parsed[key], path));
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The closest of `known` to a misspelt `word` (edit distance ≤ 2, or one contains the other), if any. */
export function closestName(word: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = editDistance(word.toLowerCase(), name.toLowerCase());
    const w = word.toLowerCase(), n = name.toLowerCase();
    // a typo, a prefix of the name (`--stat`), or the name with more typed after it (`--output` for `--out`)
    const near = d <= Math.max(1, Math.min(2, Math.floor(name.length / 3))) || (w.length >= 3 && n.startsWith(w)) || (n.length >= 3 && w.startsWith(n));
    if (near && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment: insertions, deletions,
 * substitutions, and two neighbours swapped counting as one edit, the commonest slip: 'lable' for 'label'),
 * for the short names suggestions compare.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length];
}
