-- Why a finished run stopped training, as JSON (NULL: not finished, or stored before this migration):
-- { "reason": "early-stopping" | "max-steps" | "epochs" | "cancelled", "step": the step it stopped at,
--   "epoch": epochs done, "bestStep": the step of the best-on-validation weights the test used (null: none) }.
-- The trainer always said why (its 'finished' message); the lab dropped it, so a run stopped early read
-- "completed · step 70 / 80" with no reason, and a reader could not tell early stopping from a crash.
ALTER TABLE runs ADD COLUMN stop_reason TEXT;
