-- Gate statistics stored before this migration were, for training, the MEAN over the K steps of one
-- trainer call (an ONNX Loop), stored at the call's last step: a scheduled router temperature at step 24
-- read 1.157, the mean of steps 13–24, where the schedule gives 0.94. The trainer now stores each scalar
-- at every step and each vector at one step per call, as that step's value (workers/run/metrics-batcher.ts).
--
-- first_step: NULL = the point is the statistic's value at `step` (every point written from now on);
-- set = the point is the mean over steps first_step..step (a training point stored before this change).
-- The old calls' ranges are known exactly: calls were contiguous and each stored one point per statistic,
-- so a call began one step after the statistic's previous point (step 1 for the first; a resume restarts
-- at its checkpoint, a call boundary, and the points after it were deleted). A call of one step was exact
-- and stays NULL. Validation points (val.*) were one evaluation at their step, never a mean.
ALTER TABLE run_gate_stats ADD COLUMN first_step INTEGER;

UPDATE run_gate_stats AS g SET first_step = (
  SELECT coalesce(max(p.step), 0) + 1 FROM run_gate_stats AS p
  WHERE p.run_id = g.run_id AND p.gate = g.gate AND p.stat = g.stat AND p.step < g.step
)
WHERE g.gate NOT LIKE 'val.%' AND g.gate NOT LIKE 'test.%';

UPDATE run_gate_stats SET first_step = NULL WHERE first_step >= step;
