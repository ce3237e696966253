// How average precision (ap: workers/run/average-precision.ts) is shown wherever AUC is (gatelab train and
// show, the Runs view's tiles, Compare's table): right after AUC, the two rankings read together, and with
// its chance level, the test part's positive rate. A random ranking's AP is that rate, so an AP of 0.41
// on a 5% fraud label is good where on a 40% one it is chance; the 0.5 AUC is read against says nothing here.

/** "chance 0.05": the positive rate ap is read against, two significant digits. */
export const apChanceText = (positiveRate: number): string => `chance ${Number(positiveRate.toPrecision(2))}`;

/**
 * Items ordered with each `…ap` moved right after its `…auc` ('test.ap' after 'test.auc', 'ap' after
 * 'auc'); the rest keep their order. An ap without its auc stays where it was.
 */
export function apAfterAuc<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const names = items.map(nameOf);
  const moved = items.filter((_, i) => /(^|\.)ap$/.test(names[i]) && names.includes(names[i].replace(/ap$/, 'auc')));
  return items.filter((item) => !moved.includes(item)).flatMap((item) => {
    const name = nameOf(item);
    if (!/(^|\.)auc$/.test(name)) return [item];
    return [item, ...moved.filter((m) => nameOf(m) === name.replace(/auc$/, 'ap'))];
  });
}
