-- GateLab schema, version 1. Migrations are append-only: never edit this file once released;
-- change the schema with a new NNNN_name.sql (all pending files run in one transaction).

-- Key/value settings (values are JSON text).
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One row per imported source file; the file's sha256 is its identity (the same file twice is one dataset).
-- source_path and cache_dir are relative to the lab home so a lab folder can be moved.
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- ids are never reused: a deleted run or dataset stays gone
  name          TEXT NOT NULL,
  source_hash   TEXT NOT NULL UNIQUE,
  source_name   TEXT NOT NULL,
  source_path   TEXT NOT NULL,
  source_bytes  INTEGER NOT NULL,
  cache_dir     TEXT NOT NULL,
  format        TEXT NOT NULL,
  encoding      TEXT,
  delimiter     TEXT,
  has_header    INTEGER,
  rows          INTEGER NOT NULL,
  import_options TEXT NOT NULL DEFAULT '{}',
  validation    TEXT NOT NULL DEFAULT '{}',
  family        TEXT,             -- hint: forecasting | recsys | fusion (demo datasets set it)
  description   TEXT,
  is_demo       INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The schema of a dataset: inferred type, the user's override, role and modality group.
CREATE TABLE dataset_columns (
  dataset_id     INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  type           TEXT NOT NULL,
  type_override  TEXT,
  role           TEXT NOT NULL DEFAULT 'feature', -- target | feature | time | series-id | categorical | multi-hot | ignore
  modality       TEXT,                            -- modality group name (fusion), NULL when none
  stats          TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (dataset_id, position),
  UNIQUE (dataset_id, name)
);

-- A stored split: its spec (JSON, seeded) and the resulting assignment, one byte per row
-- (0 train, 1 validation, 2 test, 3 unused), so it reproduces without recomputation.
CREATE TABLE splits (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  spec        TEXT NOT NULL,
  assignment  BLOB NOT NULL,
  ranges      TEXT,               -- chronological splits: {"train":[start,end],...} row ranges
  train_rows  INTEGER NOT NULL,
  val_rows    INTEGER NOT NULL,
  test_rows   INTEGER NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (dataset_id, name)
);

-- A feature pipeline fitted on a split's training rows; fitted_state travels into exported models.
CREATE TABLE pipelines (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  split_id      INTEGER NOT NULL REFERENCES splits(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  spec          TEXT NOT NULL,
  fitted_state  TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (split_id, name)
);

-- Model configurations (family + template + gates), as the zod-validated JSON the UI/CLI edit.
CREATE TABLE models (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  family      TEXT NOT NULL,
  template    TEXT NOT NULL,
  config      TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id           TEXT,                 -- shared by the runs of one sweep / seed group / ablation
  name               TEXT,
  status             TEXT NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued','running','paused','completed','failed','cancelled','interrupted')),
  priority           INTEGER NOT NULL DEFAULT 0,
  seed               INTEGER,
  model_id           INTEGER REFERENCES models(id) ON DELETE SET NULL,
  dataset_id         INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
  split_id           INTEGER REFERENCES splits(id) ON DELETE SET NULL,
  config             TEXT NOT NULL,        -- the full run config (model, optimizer, schedule, data), JSON
  provider_requested TEXT,                 -- cpu | cuda | auto
  provider           TEXT,                 -- what actually ran
  fallback_reason    TEXT,                 -- why the requested provider was not used
  step               INTEGER NOT NULL DEFAULT 0,
  epoch              INTEGER NOT NULL DEFAULT 0,
  error              TEXT,
  error_step         INTEGER,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  started_at         TEXT,
  finished_at        TEXT,
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX runs_status ON runs(status, priority DESC, id);
CREATE INDEX runs_group ON runs(group_id);

-- Scalar metrics per step. WITHOUT ROWID + (run, name, step) primary key: a curve is one contiguous
-- range of the b-tree, so reading 10^6 points of one metric is a single index scan.
CREATE TABLE run_metrics (
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  step    INTEGER NOT NULL,
  value   REAL,
  PRIMARY KEY (run_id, name, step)
) WITHOUT ROWID;

-- Gate statistics per step: a scalar (mean openness, entropy) and/or a vector
-- (per-expert load, per-channel openness) stored as little-endian Float32 bytes.
CREATE TABLE run_gate_stats (
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  gate    TEXT NOT NULL,
  stat    TEXT NOT NULL,
  step    INTEGER NOT NULL,
  value   REAL,
  vector  BLOB,
  PRIMARY KEY (run_id, gate, stat, step)
) WITHOUT ROWID;

CREATE TABLE checkpoints (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step        INTEGER NOT NULL,
  epoch       INTEGER,
  kind        TEXT NOT NULL DEFAULT 'epoch', -- epoch | pause | cancel | best
  path        TEXT NOT NULL,                 -- relative to the lab home
  bytes       INTEGER,
  metric      REAL,                          -- validation metric at this checkpoint, when known
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX checkpoints_run ON checkpoints(run_id, step);

CREATE TABLE exports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  format      TEXT NOT NULL DEFAULT 'onnx',
  path        TEXT NOT NULL,
  bytes       INTEGER,
  metadata    TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
