// Which family tab the model builder opens for a dataset. A demo says its family; a user's own file does
// not, and opening whichever tab was used last (CTR for a sales series with a date and no target) greets
// the user with "cannot feed a recommendation model". So: the family the dataset can feed when it feeds
// only one; else the one its roles point to; else the tab in use, when the dataset can feed it.
import type { DatasetDetail, Family } from '../../common/lab-api';
import { dataShapeOf } from '../lib/data-shape';

const FAMILIES: readonly Family[] = ['forecasting', 'recsys', 'fusion'];
const isFamily = (f: unknown): f is Family => (FAMILIES as readonly unknown[]).includes(f);

/**
 * The family a dataset's roles say it was set up for, or null when they do not say: two or more modality
 * groups are fusion's input; a target with categorical (or multi-hot) fields is a CTR log; a time column
 * (or a date) and no target is a series to forecast.
 */
export function familyOfRoles(d: Pick<DatasetDetail, 'columnInfo'>): Family | null {
  const cols = d.columnInfo;
  const hasTarget = cols.some((c) => c.role === 'target');
  if (new Set(cols.map((c) => c.modality).filter(Boolean)).size >= 2) return 'fusion';
  if (hasTarget && cols.some((c) => c.role === 'categorical' || c.role === 'multi-hot')) return 'recsys';
  if (!hasTarget && cols.some((c) => c.role === 'time' || c.type === 'datetime')) return 'forecasting';
  return null;
}

/** The family to show `d` in, given the tab in use (`current`). */
export function familyForDataset(d: DatasetDetail, current: Family): Family {
  if (isFamily(d.family)) return d.family;
  const fits = FAMILIES.filter((f) => !dataShapeOf(f, d).problem);
  if (fits.length === 1) return fits[0];
  const byRoles = familyOfRoles(d);
  if (byRoles && fits.includes(byRoles)) return byRoles;
  if (fits.includes(current)) return current;
  // it feeds none as its roles stand (or several, none of them the tab in use): the roles' family if they
  // name one (its note then says what to set), else the first it can feed, else the tab in use
  return byRoles ?? fits[0] ?? current;
}
