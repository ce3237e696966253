// Files the trainer writes beside a run's checkpoints (test-classes.json, test-channels.json, …): the
// reports read them back from the run's folder, which is wherever its checkpoints are. A missing or damaged
// file is "no such result", never an error — the report then shows the headline metrics only.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import type { LabStore } from '../store/index';

/**
 * The run's `file`, parsed with `schema`; null when no folder of the run has a readable, valid copy
 * (not written yet, written by an older trainer in another shape, or cut short by a crash).
 */
export function readRunSidecar<S extends z.ZodType>(store: LabStore, runId: number, file: string, schema: S): z.output<S> | null {
  // Checkpoint paths are stored relative to the lab home (the database's folder), not to the current folder.
  const home = dirname(store.path);
  const dirs = new Set(store.checkpoints.forRun(runId).map((c) => dirname(isAbsolute(c.path) ? c.path : join(home, c.path))));
  for (const dir of dirs) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    try {
      const r = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (r.success) return r.data;
    } catch { /* damaged JSON: try the run's other folders, else none */ }
  }
  return null;
}
