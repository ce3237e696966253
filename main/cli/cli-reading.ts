// The lab opened for a CLI verb that only reads runs (runs, show, export). A lab whose database failed its
// start-up check is open read-only, and its notice promises that what is readable can still be browsed:
// these verbs read it without a run manager (which writes as it starts: it recovers runs a dead lab left
// 'running'), and the notice goes to stderr so the user knows. A writable lab is opened as every run verb
// opens it (openCliRuns), recovery included, so what they show is the same either way.
import { openLabStore, type LabStore } from '../lab/store/index';
import { labPaths, type LabPaths } from '../lab/home';
import { RunFiles } from '../lab/runs/run-files';
import { openCliRuns } from '../lab/runs/cli-session';

export interface CliReading {
  paths: LabPaths;
  store: LabStore;
  files: RunFiles;
  close(): Promise<void>;
}

/** `notify` is told the lab's read-only notice (once) when its database is open read-only. */
export function openCliReading(home: string | undefined, notify: (notice: string) => void): CliReading {
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  if (!store.readOnly) {
    try {
      return openCliRuns(home, { store });
    } catch (e) {
      store.close();
      throw e;
    }
  }
  notify(store.notice ?? `the lab database '${paths.database}' is open read-only`);
  return { paths, store, files: new RunFiles(paths.checkpoints, paths.home), close: async () => store.close() };
}
