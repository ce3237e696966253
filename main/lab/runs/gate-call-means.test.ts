// A lab upgraded from a GateLab that stored each training gate statistic as the MEAN over one trainer call
// (K steps) at the call's last step: after migration 0007 every such point says which steps it averages,
// and `gatelab show` says "mean over steps 73–80" instead of presenting the mean as the value at step 80.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../store/migrations';
import { openLabStore } from '../store/index';
import { showText } from './run-report';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-call-means-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('gate statistics stored as call means (before per-step storage)', () => {
  it('carry their call’s first step after the upgrade, and gatelab show says they are means', () => {
    const path = join(dir, 'gatelab.sqlite');
    const old = new Database(path);
    migrate(old, loadMigrations().slice(0, 6)); // the schema those labs had
    old.prepare(`INSERT INTO runs (config, status, step) VALUES ('{}', 'completed', 80)`).run();
    const put = old.prepare('INSERT INTO run_gate_stats (run_id, gate, stat, step, value, vector) VALUES (1, ?, ?, ?, ?, ?)');
    // calls of 1, 1, 2, 20 … steps, as the adaptive K made them (the audit's run stored 1, 2, 4, 6, …)
    for (const [step, tau] of [[1, 2], [2, 1.94], [4, 1.85], [24, 1.157], [72, 0.3], [80, 0.3]] as const) put.run('router', 'temperature', step, tau, null);
    put.run('router', 'load', 80, null, Buffer.from(Float32Array.of(0.5, 0.5).buffer));
    put.run('val.router', 'temperature', 80, 0.3, null); // one evaluation at step 80: never a mean
    old.close();

    const store = openLabStore(path);
    try {
      const firstSteps = store.db.prepare('SELECT gate, stat, step, first_step AS first FROM run_gate_stats ORDER BY gate, stat, step').all();
      expect(firstSteps).toEqual([
        { gate: 'router', stat: 'load', step: 80, first: 1 }, // its only point: the mean since the run's first step
        { gate: 'router', stat: 'temperature', step: 1, first: null }, // a call of one step was that step's value
        { gate: 'router', stat: 'temperature', step: 2, first: null },
        { gate: 'router', stat: 'temperature', step: 4, first: 3 },
        { gate: 'router', stat: 'temperature', step: 24, first: 5 },
        { gate: 'router', stat: 'temperature', step: 72, first: 25 },
        { gate: 'router', stat: 'temperature', step: 80, first: 73 },
        { gate: 'val.router', stat: 'temperature', step: 80, first: null },
      ]);
      const text = showText(store, store.runs.get(1)!);
      expect(text).toMatch(/router temperature\s+0\.3000 {2}\(mean over steps 73–80\)/);
      expect(text).toMatch(/router load\s+\[expert 0 0\.500, expert 1 0\.500\] {2}\(mean over steps 1–80\)/);
      expect(text).toMatch(/val\.router temperature\s+0\.3000 {2}\(step 80\)/);

      // a resumed old run writes per-step values from now on: the newer point replaces the mean and is exact
      store.metrics.appendGateStats(1, [{ step: 80, gate: 'router', stat: 'temperature', value: 0.3, vector: null }]);
      expect(showText(store, store.runs.get(1)!)).toMatch(/router temperature\s+0\.3000 {2}\(step 80\)/);
    } finally {
      store.db.close();
    }
  });
});
