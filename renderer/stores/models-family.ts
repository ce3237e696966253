// Which family tab the model builder opens for a dataset. A demo says its family; a user's own file does
// not, and opening whichever tab was used last (CTR for a sales series with a date and no target) greets
// the user with "cannot feed a recommendation model". So: the family the dataset can feed when it feeds
// only one; else the one its roles point to; else the tab in use, when the dataset can feed it.
// A user's file is imported with every column a plain feature and no modality: a review CSV (text, a
// category, a price, a yes/no target) then named no family, and a fresh window opened it on Forecasting
// ("336 steps × 2 variables", its target ignored). So the modalities a fusion run would form by default
// (text, tabular) count as groups, and a target with no time column is a classifier's, not a forecaster's.
import type { DatasetDetail, Family } from '../../common/lab-api';
import { dataShapeOf } from '../lib/data-shape';
import { eventLogLabel } from '../../common/models/event-log';

const FAMILIES: readonly Family[] = ['forecasting', 'recsys', 'fusion'];
const isFamily = (f: unknown): f is Family => (FAMILIES as readonly unknown[]).includes(f);

/**
 * The family a dataset's roles say it was set up for, or null when they do not say: two or more modality
 * groups are fusion's input; a target with categorical (or multi-hot) fields is a CTR log; two
 * `defaultGroups` (the groups a fusion run forms where none are set: text + tabular) are fusion's input too;
 * a time column (or a date) and no target is a series to forecast.
 */
export function familyOfRoles(d: Pick<DatasetDetail, 'columnInfo'>, defaultGroups = 0): Family | null {
  const cols = d.columnInfo;
  const hasTarget = cols.some((c) => c.role === 'target');
  const hasTime = cols.some((c) => c.role === 'time' || c.type === 'datetime');
  if (new Set(cols.map((c) => c.modality).filter(Boolean)).size >= 2) return 'fusion';
  if (hasTarget && cols.some((c) => c.role === 'categorical' || c.role === 'multi-hot')) return 'recsys';
  // after the CTR rule: fields the user marked categorical say CTR even when a text column makes two groups
  if (defaultGroups >= 2) return 'fusion';
  if (!hasTarget && hasTime) return 'forecasting';
  return null;
}

/** How many modalities a fusion run on `d` would fuse as its roles stand (0 when it cannot feed one). */
const fusionGroups = (d: DatasetDetail): number => {
  const m = dataShapeOf('fusion', d).values.modalities;
  return Array.isArray(m) ? m.length : 0;
};

/** The family to show `d` in, given the tab in use (`current`). */
export function familyForDataset(d: DatasetDetail, current: Family): Family {
  if (isFamily(d.family)) return d.family;
  // a ratings log with side features (many customer and product ids, stars, a price) feeds only a forecaster
  // until its target is set, and a forecast of its stars and prices in file order is not what it holds: it
  // opens on Recommendation, whose note names the column to make the target (the rule `gatelab import` reads)
  const used = d.columnInfo.filter((c) => c.role !== 'ignore');
  if (!used.some((c) => c.role === 'target') && eventLogLabel(used.map((c) => ({ name: c.name, type: c.type, cardinality: c.distinct })))) return 'recsys';
  const fits = FAMILIES.filter((f) => !dataShapeOf(f, d).problem);
  if (fits.length === 1) return fits[0];
  const byRoles = familyOfRoles(d, fits.includes('fusion') ? fusionGroups(d) : 0);
  if (byRoles && fits.includes(byRoles)) return byRoles;
  // a target and no time column: a label to predict, which a forecaster would ignore; the Forecasting tab
  // (a fresh window's) gives way to the first other family the dataset feeds
  const label = d.columnInfo.some((c) => c.role === 'target') && !d.columnInfo.some((c) => c.role === 'time' || c.type === 'datetime');
  const other = label && current === 'forecasting' ? fits.find((f) => f !== 'forecasting') : undefined;
  if (other) return other;
  if (fits.includes(current)) return current;
  // it feeds none as its roles stand (or several, none of them the tab in use): the roles' family if they
  // name one (its note then says what to set), else the first it can feed, else the tab in use
  return byRoles ?? fits[0] ?? current;
}
