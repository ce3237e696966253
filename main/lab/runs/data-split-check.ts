// A new dataset run's split that its trainer can only refuse is refused when the run is created (by every
// face: the app, serve, `gatelab train`, `gatelab sweep`), before it is queued, so no failed run is left in
// the list. Two such splits (common/models/run-binding.ts runBinding, the trainer's own rule):
// - a forecasting run on a split that is not by time (random, stratified, leave-last-out, given files):
//   its windows would cross from train into test, and its trainer stops at step 0;
// - `data.split: 'given'` by name: the rows of given split files exist only in a stored split, which the
//   run must name by id (`data.splitId`); by name the trainer has no files to read.
// The message names the split, why it cannot work, and what to use instead, in the words of the CLI
// (`--set ...`, which is where a split is given by name; the app's Models view offers only stored splits
// and lists those a forecasting template cannot use disabled, so it does not reach these refusals).
import { templateInfo } from '../../../common/models';
import type { RunConfig } from '../../../common/runs/config';
import type { DatasetRecord, LabStore } from '../store/index';

/** What each split kind does to the rows, in a sentence's words ("split 3 ('held', random) ..."). */
const DOES: Record<string, string> = {
  random: 'shuffles the rows',
  stratified: 'shuffles the rows within each class',
  'leave-last-out': "takes each user's last rows",
  given: 'matches the rows to split files',
};

const BY_TIME = new Set(['chronological', 'ett']);

/** Throws when the run's split cannot feed its template (module comment); the config is not changed. */
export function checkRunSplit(config: RunConfig, store: LabStore, dataset: DatasetRecord): void {
  const data = config.data;
  if (data.kind !== 'dataset') return;
  const template = String((config.model as { template?: unknown }).template);
  let family: string;
  try {
    family = templateInfo(template).family;
  } catch {
    return; // an unknown template is refused with its own message
  }
  // a stored split wins over a name (runBinding): only the stored one is the run's
  if (data.splitId !== undefined) {
    const stored = store.splits.get(data.splitId);
    const kind = (stored?.spec as { kind?: string } | undefined)?.kind;
    if (!stored || kind === undefined || family !== 'forecasting' || BY_TIME.has(kind)) return;
    throw new Error(`run config: data.splitId: split ${stored.id} ${named(stored.name, kind)} ${DOES[kind] ?? `is a ${kind} split`}, and ${forecasts(template)}: ` +
      `${BY_TIME_REASON}. ${timeSplitsOf(store, dataset)}, or leave data.splitId out for the default (chronological 70/10/20)`);
  }
  const name = data.split;
  if (name === undefined || BY_TIME.has(name)) return;
  if (family === 'forecasting') {
    throw new Error(`run config: data.split '${name}' ${DOES[name] ?? `is not a split by time`}, and ${forecasts(template)}: ${BY_TIME_REASON}. ` +
      'Use --set split=chronological (70/10/20 by row order) or --set split=ett (the ETT protocol: 12/4/4 months), or leave split out for the default (chronological)');
  }
  if (name === 'given') throw new Error(`run config: data.split 'given' ${givenAdvice(store, dataset)}`);
}

const BY_TIME_REASON = 'forecasting splits by time, so that no window crosses from train into test';

const forecasts = (template: string) => `template ${template} forecasts a series`;

/** "('held', random)", or "('random')" when the split is named after its kind. */
const named = (name: string, kind: string) => (name === kind || name.startsWith(`${kind}-`) ? `('${name}')` : `('${name}', ${kind})`);

/** The dataset as a command argument: its name when it is one shell word, else its id. */
const argOf = (d: DatasetRecord) => (/^[\w.-]+$/.test(d.name) ? d.name : String(d.id));

/** The dataset's stored splits by time to use instead, or how to make one. */
function timeSplitsOf(store: LabStore, dataset: DatasetRecord): string {
  const fit = store.splits.list(dataset.id).filter((s) => BY_TIME.has((s.spec as { kind?: string }).kind ?? ''));
  if (fit.length === 0) return `Make a split by time (gatelab datasets split ${argOf(dataset)} --kind chronological, or --kind ett) and name it with --set data.splitId=SPLIT`;
  return `Use a split by time of dataset '${dataset.name}': ${listed(fit.map((s) => `--set data.splitId=${s.id} ${named(s.name, (s.spec as { kind: string }).kind)}`))}`;
}

/** 'given' by name: the dataset's stored given splits to name by id, or the command that stores one. */
function givenAdvice(store: LabStore, dataset: DatasetRecord): string {
  const given = store.splits.list(dataset.id).filter((s) => (s.spec as { kind?: string }).kind === 'given');
  const why = 'reads the rows of your split files, which only a stored split keeps';
  if (given.length === 0) {
    return `${why}, and dataset '${dataset.name}' has none: store one with gatelab datasets split ${argOf(dataset)} --kind given --train FILE --test FILE ` +
      `and train with --set data.splitId=SPLIT (the id it prints), or leave split out for the family's default`;
  }
  return `${why}: name one of dataset '${dataset.name}' by its id instead: ${listed(given.map((s) => `--set data.splitId=${s.id} ('${s.name}')`))}`;
}

/** "a", "a or b", "a, b or c" — at most five, then how many more. */
function listed(items: string[]): string {
  const shown = items.slice(0, 5);
  const more = items.length > 5 ? ` (${items.length - 5} more: gatelab datasets show)` : '';
  return (shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : shown[0]) + more;
}
