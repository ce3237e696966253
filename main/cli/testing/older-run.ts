// Test helper (test-only): a stored run made to look like one trained before its trainer sent a data fact
// (modalities, classCounts, …), so a test can check that such a run prints nothing new rather than fail.
import { labPaths } from '../../lab/home';
import { openLabStore } from '../../lab/store/index';

/** Removes `fact` from run `runId`'s stored data summary in the lab at `home` (the run keeps its data line). */
export function withoutDataFact(home: string, runId: number, fact: string): void {
  const store = openLabStore(labPaths(home).database);
  try {
    store.db.prepare(`UPDATE runs SET data_summary = json_remove(data_summary, ?) WHERE id = ?`).run(`$.${fact}`, runId);
  } finally {
    store.close();
  }
}
