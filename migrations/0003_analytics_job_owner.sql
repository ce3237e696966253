-- Which lab process owns each gate analytics job. Several lab processes can share one lab home (the
-- desktop app, `gatelab serve`, a `gatelab` command in a terminal). Before this, a lab starting up marked
-- EVERY queued or running job 'interrupted', including jobs another live lab was running right now, whose
-- progress was then ignored. Now start-up recovery interrupts only jobs whose owner is gone.
--   owner_pid    the process id of the lab that created the job
--   owner_since  when that lab opened the database (ISO time): tells a restarted process that reused the
--                pid, or a reboot, apart from the lab that is still running the job
-- Rows from before this migration keep NULL owners and are treated as owned by nobody (as before).
ALTER TABLE analytics_jobs ADD COLUMN owner_pid INTEGER;
ALTER TABLE analytics_jobs ADD COLUMN owner_since TEXT;
