// `gatelab train --set split=stratified` is refused before any data is read: the config's `data.split` takes
// only the kinds a run cuts itself (ett, chronological, random, given); a stratified or leave-last-out split,
// or one made from split files, is stored with the dataset and named by its id (`data.splitId`). The refusal
// says how to store one, but a user who already did (`gatelab datasets split reviews --kind stratified …`
// names it 'stratified') only needs its id. When the dataset named with --dataset has stored splits of that
// name or kind, the refusal names them with the flag to paste. Likewise `--set data.splitId=stratified`
// (a split's name where its id goes). `gatelab sweep` adds the same hint, in the words of its file.
import { existsSync } from 'node:fs';
import { labDatabase, labHomeDir, labPaths } from '../home';
import { openLabDatasets, type DatasetRegistry } from '../datasets/index';

/** How `gatelab train` names a stored split. */
const TRAIN_WITH = (id: number) => `train on it with --set data.splitId=${id}`;

interface StoredSplit {
  id: number;
  name: string;
  spec: unknown;
}

/**
 * The sentence added to a refusal of `data.split` or `data.splitId` set to `asked`, from the stored splits of
 * the dataset (`dataset`: its name, as the refusal writes it); '' when none has that name or kind.
 */
export function storedSplitHint(asked: string, dataset: string, splits: readonly StoredSplit[], use: (id: number) => string = TRAIN_WITH): string {
  const kindOf = (s: StoredSplit) => String((s.spec as { kind?: unknown } | null)?.kind ?? '');
  // a split by that name first: it is the one meant even when a split of that kind exists as well
  const meant = [...splits.filter((s) => s.name === asked), ...splits.filter((s) => s.name !== asked && kindOf(s) === asked)];
  if (!meant.length) return '';
  const named = meant.map((s) => `'${s.name}' (id ${s.id}${kindOf(s) && kindOf(s) !== asked ? `, ${kindOf(s)}` : ''})`);
  const which = meant.length === 1 ? `a stored split ${named[0]}` : `stored splits ${named.join(', ')}`;
  const others = meant.length > 1 ? ` (or another of these ids)` : '';
  return `. Dataset ${dataset} already has ${which}: ${use(meant[0].id)}${others}`;
}

/**
 * The hint for `refusal` when it refuses the config's data.split or data.splitId (`data`: the config's data
 * as given) and the dataset `ref` (its id or name) is in `registry`; '' otherwise.
 */
export function storedSplitHintFor(registry: DatasetRegistry, refusal: string, data: unknown, ref: string | number, use?: (id: number) => string): string {
  const given = (data ?? {}) as { split?: unknown; splitId?: unknown };
  const field = /^run config: data\.splitId\b/.test(refusal) ? given.splitId : /^run config: data\.split\b/.test(refusal) ? given.split : undefined;
  if (typeof field !== 'string') return '';
  try {
    const dataset = registry.resolve(ref);
    return storedSplitHint(field, `'${dataset.name}'`, registry.store.splits.list(dataset.id), use);
  } catch {
    return ''; // no such dataset: the refusal's own advice stands
  }
}

/**
 * Adds the hint to `refusal` (in place: its class says the exit code) for `gatelab train`, whose config is
 * checked before the lab is opened. Reads the lab only for such a refusal, and never imports: a `ref` that is
 * a file to import has no stored splits yet.
 */
export async function withStoredSplitHint(refusal: unknown, home: string | undefined, ref: string, config: Record<string, unknown>): Promise<void> {
  if (!(refusal instanceof Error) || !/^run config: data\.split/.test(refusal.message) || (!/^\d+$/.test(ref) && existsSync(ref))) return;
  // no lab there yet (labPaths would create its folders): nothing is stored, and a refusal leaves no folder behind
  if (!existsSync(labDatabase(labHomeDir(home)))) return;
  let hint = '';
  try {
    const lab = await openLabDatasets(labPaths(home), { demos: false });
    try {
      hint = storedSplitHintFor(lab.registry, refusal.message, config.data, ref);
    } finally {
      lab.close();
    }
  } catch {
    return; // a lab that cannot be read: the refusal as it was
  }
  if (!hint) return;
  try {
    refusal.message += hint;
  } catch { /* a read-only message */ }
}
