// What a window reads again each time its connection to the lab opens: the first time, and after every
// reconnect (serve restarted, the laptop woke up). Events sent while the socket was down are lost, so
// every store that shows the lab's state reads it afresh: settings (and the theme they hold), datasets,
// runs, and the Models form's templates, dataset and splits (which kept showing the old lab's).
import type { Stores } from './index';

export function readAgainOnOpen(stores: Pick<Stores, 'system' | 'theme' | 'datasets' | 'runs' | 'models'>): Promise<unknown> {
  // The lab's theme setting is shared by every window and face; adopt it once loaded.
  const settings = stores.system.load().then(() => stores.system.settings && stores.theme.set(stores.system.settings.theme));
  return Promise.all([settings, stores.datasets.refresh(), stores.runs.refresh(), stores.models.refresh()]);
}
