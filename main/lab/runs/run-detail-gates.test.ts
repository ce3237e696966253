// `gatelab show` / runs.get report each gate statistic's latest value: with per-step statistics a run holds
// tens of thousands of points per statistic, and the detail must still be the last stored row exactly
// (its step, value, vector and whether it is an old call mean), read without loading the history.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../store/migrations';
import { openLabStore } from '../store/index';
import { runDetail } from './run-report';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-run-detail-gates-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runDetail gate statistics', () => {
  it('gives each statistic’s last stored row: step, value, vector and call-mean start', () => {
    const path = join(dir, 'gatelab.sqlite');
    const old = new Database(path);
    migrate(old, loadMigrations().slice(0, 6)); // an old run whose last training point is a call mean
    old.prepare(`INSERT INTO runs (config, status, step) VALUES ('{}', 'completed', 80)`).run();
    const put = old.prepare('INSERT INTO run_gate_stats (run_id, gate, stat, step, value, vector) VALUES (1, ?, ?, ?, ?, ?)');
    for (const [step, tau] of [[8, 2], [72, 0.5], [80, 0.25]] as const) put.run('router', 'temperature', step, tau, null);
    old.close();
    const store = openLabStore(path);
    try {
      const id = store.runs.create({ config: {} });
      store.metrics.appendGateStats(id, Array.from({ length: 5_000 }, (_, i) => ({ step: i + 1, gate: 'router', stat: 'entropy', value: (i % 4) / 4, vector: null })));
      store.metrics.appendGateStats(id, Array.from({ length: 5_000 }, (_, i) => ({ step: i + 1, gate: 'router', stat: 'load', value: null, vector: [(i % 2) / 2, 1 - (i % 2) / 2] })));
      store.metrics.appendGateStats(id, [{ step: 5_000, gate: 'val.router', stat: 'entropy', value: 0.125, vector: null }]);
      // a resume replaced the last step's value: the newer row is the one reported
      store.metrics.appendGateStats(id, [{ step: 5_000, gate: 'router', stat: 'entropy', value: 0.875, vector: null }]);

      const gates = runDetail(store, store.runs.get(id)!).gates;
      const lastRow = (gate: string, stat: string) => store.db
        .prepare('SELECT step, value FROM run_gate_stats WHERE run_id = ? AND gate = ? AND stat = ? ORDER BY step DESC LIMIT 1').get(id, gate, stat);
      expect(gates.map((g) => [g.gate, g.stat])).toEqual([['router', 'entropy'], ['router', 'load'], ['val.router', 'entropy']]);
      expect(gates[0]).toMatchObject({ ...lastRow('router', 'entropy') as object, step: 5_000, value: 0.875, firstStep: null, vector: null });
      expect(gates[1]).toMatchObject({ step: 5_000, value: null, vector: [0.5, 0.5], firstStep: null });
      expect(gates[2]).toMatchObject({ step: 5_000, value: 0.125 });

      const oldGates = runDetail(store, store.runs.get(1)!).gates;
      expect(oldGates).toEqual([expect.objectContaining({ gate: 'router', stat: 'temperature', step: 80, value: 0.25, firstStep: 73 })]);
    } finally {
      store.close();
    }
  });
});
