-- What a run's trainer said about its data when it started, as JSON (NULL: not started yet, or stored
-- before this migration): { "line": the data line ("recsys: 16,000 train / ...; label: 'clicked' = 1 is
-- positive; log-scaled: price (skewed)"), "logScaled": the numeric columns read as log1p(x) before their
-- z-score (a resume and an export re-derive exactly these), "baseline": the majority-class accuracy on the
-- test split and its positive rate (classification) }. Before this, the line was only printed while the
-- run started: `gatelab show` and the app could not show it afterwards.
ALTER TABLE runs ADD COLUMN data_summary TEXT;
