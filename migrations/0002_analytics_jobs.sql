-- Gate analytics jobs ("knock out all gates one by one", gate reports): kept in the database so the job
-- list survives a restart. A job that was queued or running when the lab stopped is marked 'interrupted'
-- on the next start (its analytics process died with the lab); the user runs it again.
CREATE TABLE analytics_jobs (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('knockout', 'report')),
  status      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
  done        INTEGER NOT NULL DEFAULT 0,
  total       INTEGER NOT NULL DEFAULT 0,
  label       TEXT NOT NULL DEFAULT '',
  error       TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX analytics_jobs_by_run ON analytics_jobs (run_id, id);
