// Which columns a fusion run put in which modality, as its trainer encoded them (workers/data/fusion.ts
// fusionLayout): sent with 'ready', kept in the run's data summary, and printed as one line after the data
// line (`gatelab train`, `gatelab show RUN`, the app's run details). Without it a knockout's "gmu closed
// (tabular only)" left the user to guess which columns "tabular" meant.
import { z } from 'zod';

/** One column of a modality's encoded vector: how it is encoded and how many inputs it takes. */
export const ModalityColumn = z.object({
  name: z.string(),
  kind: z.enum(['number', 'one-hot', 'text', 'vector']),
  width: z.number().int().nonnegative(),
});
export type ModalityColumn = z.infer<typeof ModalityColumn>;

/** The modalities in the model's order, each with its columns in encoding order (an array: the order is the model's). */
export const RunModalities = z.array(z.object({ name: z.string(), columns: z.array(ModalityColumn) }));
export type RunModalities = z.infer<typeof RunModalities>;

/** The layout the fusion encoder reports (modality name → its columns), as the list the run keeps. */
export function runModalitiesOf(layout: Record<string, z.infer<typeof ModalityColumn>[]>): RunModalities {
  return Object.entries(layout).map(([name, columns]) => ({ name, columns: columns.map((c) => ({ name: c.name, kind: c.kind, width: c.width })) }));
}

/** A modality lists this many columns at most, so a wide file's line stays one line (the rest are counted). */
const SHOWN_COLUMNS = 8;

/** 16,384 → "2^14": hashed text takes a power of two buckets by default; any other count is written out. */
function bucketCount(n: number): string {
  const log = Math.log2(n);
  return Number.isInteger(log) && log >= 4 ? `2^${log}` : n.toLocaleString('en-US');
}

/** What the line says about a column's encoding beyond its name: text and vectors only (numbers and categories read as expected). */
function encodingNote(c: z.infer<typeof ModalityColumn>): string {
  if (c.kind === 'text') return `hashed n-grams, ${bucketCount(c.width)} buckets`;
  if (c.kind === 'vector') return `${c.width.toLocaleString('en-US')}-wide vector`;
  return '';
}

/** "title, body: hashed n-grams, 2^14 buckets; price": neighbours encoded alike share one note. */
function columnsText(columns: RunModalities[number]['columns']): string {
  const shown = columns.slice(0, SHOWN_COLUMNS);
  const groups: { names: string[]; note: string }[] = [];
  for (const c of shown) {
    const note = encodingNote(c);
    const last = groups.at(-1);
    if (last && last.note === note) last.names.push(c.name);
    else groups.push({ names: [c.name], note });
  }
  const more = columns.length - shown.length;
  const text = groups.map((g) => `${g.names.join(', ')}${g.note ? `: ${g.note}${g.names.length > 1 && g.note.endsWith('vector') ? 's' : ''}` : ''}`).join('; ');
  return more > 0 ? `${text}; … ${more.toLocaleString('en-US')} more (${columns.length.toLocaleString('en-US')} columns)` : text;
}

/**
 * "modalities: text (title, body: hashed n-grams, 2^14 buckets); tabular (price, brand)". null for a run
 * that is not fusion, or was stored before the trainer sent its modalities (its data line stands alone).
 */
export function modalitiesLine(modalities: RunModalities | undefined): string | null {
  if (!modalities?.length) return null;
  return `modalities: ${modalities.map((m) => `${m.name} (${columnsText(m.columns)})`).join('; ')}`;
}

/**
 * The same line from a stored data summary (`gatelab show`, `gatelab train`, the app): its modalities as
 * validated here, so a run stored before they were kept (or a damaged value) prints nothing new.
 */
export function modalitiesLineOf(summary: { line: string; modalities?: unknown } | null | undefined): string | null {
  const parsed = RunModalities.safeParse(summary?.modalities);
  return parsed.success ? modalitiesLine(parsed.data) : null;
}
