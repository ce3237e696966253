// Datasets another GateLab process changes on the same lab home (`gatelab import`, `gatelab train
// --dataset file.csv`, a role edit in a second app) send this lab no event: an open window's Datasets
// and Models lists would miss them until something else refreshed. As foreign-runs.ts does for runs,
// this watcher reads the datasets from the store about once a second and reports each dataset that
// appeared, went or changed (name, rows, column types, roles, modalities), so the lab can send the same
// `datasets.changed` event its own edits send.
import type Database from 'better-sqlite3';

/** One line per dataset: everything its list entry and schema table show, so an edit anywhere changes it. */
const FINGERPRINT_SQL = `
  SELECT d.id AS id,
         d.name || char(31) || d.rows || char(31) || ifnull(group_concat(
           c.position || ':' || c.name || ':' || c.type || ':' || ifnull(c.type_override, '') || ':' || c.role || ':' || ifnull(c.modality, ''),
           char(30)), '') AS fp
    FROM datasets d LEFT JOIN dataset_columns c ON c.dataset_id = d.id
   GROUP BY d.id`;

/** Dataset id -> fingerprint, as the store holds them now. */
export function datasetFingerprints(db: Database.Database): Map<string, string> {
  const rows = db.prepare(FINGERPRINT_SQL).all() as { id: number; fp: string }[];
  return new Map(rows.map((r) => [String(r.id), r.fp]));
}

/** Ids that appeared, went or changed between two fingerprint maps, in id order. */
export function changedDatasets(before: Map<string, string>, after: Map<string, string>): string[] {
  const ids = new Set<string>();
  for (const [id, fp] of after) if (before.get(id) !== fp) ids.add(id);
  for (const id of before.keys()) if (!after.has(id)) ids.add(id);
  return [...ids].sort((a, b) => Number(a) - Number(b));
}

export interface ForeignDatasetsOptions {
  db: Database.Database;
  onChange(id: string): void;
  intervalMs?: number;
}

/**
 * Starts watching; returns stop. SQLite's data_version only moves when another connection commits, so a
 * quiet lab costs one pragma per second; when it moved (another process trained, imported, edited) the
 * fingerprints are read again and only real dataset changes are reported. This lab's own edits also
 * show up on a later pass (its fingerprints are not updated by them): reporting those again is harmless,
 * the event only makes windows read the list once more.
 */
export function watchForeignDatasets(o: ForeignDatasetsOptions): () => void {
  let version: number | null = null;
  let seen = new Map<string, string>();
  const pass = (): void => {
    const v = o.db.pragma('data_version', { simple: true }) as number;
    if (v === version) return;
    const first = version === null;
    // read before the version is taken as seen: a read that throws (a busy store) is tried again next pass
    const now = datasetFingerprints(o.db);
    version = v;
    const changed = first ? [] : changedDatasets(seen, now);
    seen = now;
    for (const id of changed) o.onChange(id);
  };
  try { pass(); } catch { /* a busy or closing store: the next pass tries again */ }
  const timer = setInterval(() => {
    try { pass(); } catch { /* as above */ }
  }, o.intervalMs ?? 1000);
  timer.unref?.();
  return () => clearInterval(timer);
}
