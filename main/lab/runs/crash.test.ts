// Crash safety with real processes: `gatelab train` / `gatelab resume` killed with SIGKILL at random
// moments, at least 20 times (more in `npm run bench:runs`). See testing/crash-trials.ts for the checks
// and for when the kills land (mostly after the run is seen training, every 4th during a start-up).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashTrials } from './testing/crash-trials';

describe('crash safety: the lab process killed at random moments', () => {
  it('20 kills: integrity_check passes, runs come back interrupted, resume finishes them with the uninterrupted parameters, no orphans', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-crash-'));
    try {
      const report = await crashTrials(home, {
        kills: 20,
        seed: 2026,
        // Kills 0–1.5 s after the run is seen training (capped at a third of the uninterrupted run's training
        // time): each resume gets a little further, so a chain of runs is killed several times before it completes.
        minMs: 0,
        maxMs: 1500,
        startupShare: 0.25,
        // Two lab homes side by side: each process mostly waits on its own start-up, one core each.
        lanes: 2,
        // 4096 rows, batch 64: 64 steps per epoch, an epoch checkpoint every few tens of ms.
        config: { data: { kind: 'synthetic', samples: 4096 }, batchSize: 64, epochs: 25, keepCheckpoints: 2, earlyStopping: { patience: 0 } },
        log: (l) => process.env.GATELAB_CRASH_LOG && console.log(l),
      });
      expect(report.problems).toEqual([]);
      expect(report.kills).toBe(20);
      expect(report.completedChains).toBeGreaterThanOrEqual(1);
      // Every 4th kill of each lane (10 kills each) is aimed at a start-up: the lab opening, the run
      // created, requeued, claimed.
      expect(report.startupKills).toBeGreaterThanOrEqual(4);
      // The kills landed while runs were training, not only before they existed.
      expect(report.statusesAfterKill['running->interrupted'] ?? 0).toBeGreaterThanOrEqual(5);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 400_000);
});
