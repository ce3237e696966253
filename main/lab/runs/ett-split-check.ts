// `--set split=ett` (data.split 'ett', by name) where the ETT protocol cannot mean anything, refused before a
// run is queued (it was queued, then failed at step 0 with "needs 20 months … at one row per hour", leaving a
// failed run and naming no flag):
// - a recommendation or fusion template: the protocol cuts 12 / 4 / 4 months of a series' rows, and their rows
//   are samples (refused from the config alone, so `gatelab train` says it before it imports a file);
// - a forecasting template on a dataset with no time column: the months are counted from the time column's
//   step, and without one the rows per hour are a guess.
// A stored split (data.splitId) wins over the name (run-binding.ts), so a run that names one is not judged here.
import { templateInfo } from '../../../common/models';
import { timeColumnOf } from '../../../common/models/column-kinds';
import type { RunConfig } from '../../../common/runs/config';

/** The family's split when none is named, in the words of the table in README "Splits". */
const DEFAULT_SPLIT: Record<string, string> = {
  recsys: 'random 80/10/10',
  fusion: 'stratified 80/10/10 by the target',
};

const FAMILY_WORDS: Record<string, string> = { recsys: 'a recommendation (CTR) model', fusion: 'a fusion model' };

/** Throws when a recommendation or fusion run names the ETT split (module comment); needs no data. */
export function refuseEttForTemplate(config: RunConfig): void {
  if (!asksEtt(config)) return;
  const template = String((config.model as { template?: unknown }).template);
  const family = familyOf(template);
  if (family === undefined || family === 'forecasting') return;
  throw new Error(`run config: data.split 'ett' is the ETT forecasting protocol (12 / 4 / 4 months of 30 days of an hourly or 15-minute series), ` +
    `and template ${template} is ${FAMILY_WORDS[family] ?? `a ${family} model`}, whose rows are samples, not steps of a series. ` +
    'Use --set split=random (seeded 80/10/10) or --set split=chronological (70/10/20; rows ordered by the column with role time when there is one), ' +
    `or leave split out for the default (${DEFAULT_SPLIT[family] ?? "the family's"})`);
}

/**
 * Throws when a forecasting run names the ETT split on a dataset with no time column (module comment).
 * `dataset`: its name, and its id for the command when the name is not one shell word.
 */
export function refuseEttWithoutTime(config: RunConfig, columns: ReadonlyArray<{ name: string; type: string; role: string }>, dataset: { id: number; name: string }): void {
  if (!asksEtt(config) || familyOf(String((config.model as { template?: unknown }).template)) !== 'forecasting' || timeColumnOf(columns)) return;
  const arg = /^[\w.-]+$/.test(dataset.name) ? dataset.name : String(dataset.id);
  throw new Error(`run config: data.split 'ett' counts its 12 / 4 / 4 months of 30 days from the time column's step, and dataset '${dataset.name}' has no time column ` +
    '(no date or time column, none with the role time). Use --set split=chronological (70/10/20 by row order), or leave split out for the default ' +
    `(chronological); to cut ETT months at a rate you know, store the split (gatelab datasets split ${arg} --kind ett --rows-per-hour R) and train with --set data.splitId=SPLIT`);
}

const asksEtt = (config: RunConfig) => config.data.kind === 'dataset' && config.data.split === 'ett' && config.data.splitId === undefined;

function familyOf(template: string): string | undefined {
  try {
    return templateInfo(template).family;
  } catch {
    return undefined; // an unknown template is refused with its own message
  }
}
