-- The steps a run will train (epochs × steps per epoch, or its max-steps cap), as its trainer computed it
-- when it started. Before this, only the lab process that launched a run knew it (from live progress
-- events): another process sharing the lab home (the app while `gatelab train` runs in a terminal), or the
-- same app after a reload, showed "step 37" with no total, no bar and no ETA.
-- Rows from before this migration keep NULL (total unknown).
ALTER TABLE runs ADD COLUMN total_steps INTEGER;
