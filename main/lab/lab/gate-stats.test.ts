// The app's gate panels read runs.gates: for a run stored before per-step gate statistics (migration 0007)
// each training point must come with the first step of the call it averages, so the Runs page can say
// "mean over steps 73–80" instead of showing the mean as the value at step 80.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../store/migrations';
import { openLabStore } from '../store/index';
import { GatesRequest, RunGates } from '../../../common/lab-api';
import { storedGates } from './gate-stats';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-gate-stats-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runs.gates (stored)', () => {
  it('gives an upgraded old run’s call means their first steps; a per-step run sends none', () => {
    const path = join(dir, 'gatelab.sqlite');
    const old = new Database(path);
    migrate(old, loadMigrations().slice(0, 6)); // the schema labs had before 0007
    old.prepare(`INSERT INTO runs (config, status, step) VALUES ('{}', 'completed', 80)`).run();
    const put = old.prepare('INSERT INTO run_gate_stats (run_id, gate, stat, step, value, vector) VALUES (1, ?, ?, ?, ?, ?)');
    for (const [step, tau] of [[1, 2], [4, 1.75], [80, 0.25]] as const) put.run('router', 'temperature', step, tau, null);
    put.run('router', 'load', 80, null, Buffer.from(Float32Array.of(0.5, 0.5).buffer));
    put.run('val.router', 'temperature', 80, 0.25, null);
    old.close();

    const store = openLabStore(path);
    try {
      const fresh = store.runs.create({ config: {} });
      store.metrics.appendGateStats(fresh, [1, 2].map((step) => ({ step, gate: 'router', stat: 'temperature', value: 1, vector: null })));

      const gates = RunGates.parse(storedGates(store, '1')).gates;
      const of = (gate: string, stat: string) => gates.find((g) => g.gate === gate && g.stat === stat)!;
      expect(of('router', 'temperature')).toMatchObject({ steps: [1, 4, 80], values: [2, 1.75, 0.25], firstSteps: [null, 2, 5] });
      expect(of('router', 'load')).toMatchObject({ steps: [80], vectors: [[0.5, 0.5]], firstSteps: [1] });
      // one validation evaluation is never a mean: no firstSteps to show
      expect(of('val.router', 'temperature').firstSteps).toBeUndefined();
      expect(RunGates.parse(storedGates(store, String(fresh))).gates[0].firstSteps).toBeUndefined();
    } finally {
      store.db.close();
    }
  });

  it('cuts a 20,000-step run to the points asked for: spikes, the last step and exact stored values kept', () => {
    const store = openLabStore(join(dir, 'gatelab.sqlite'));
    try {
      const id = store.runs.create({ config: {} });
      const steps = Array.from({ length: 20_000 }, (_, i) => i + 1);
      // float32-exact values; a balance spike at step 12,345 and a dip of one expert's load at step 777
      const balance = (s: number) => (s === 12_345 ? 8 : 1 + (s % 7) / 8);
      store.metrics.appendGateStats(id, steps.map((step) => ({ step, gate: 'router', stat: 'balance', value: balance(step), vector: null })));
      store.metrics.appendGateStats(id, steps.map((step) => ({ step, gate: 'router', stat: 'load', value: null, vector: step === 777 ? [0, 1] : [0.5, 0.5] })));

      const full = RunGates.parse(storedGates(store, String(id))).gates;
      expect(full.map((g) => g.steps.length)).toEqual([20_000, 20_000]); // no points: every stored point (reports)

      const gates = RunGates.parse(storedGates(store, String(id), 400)).gates;
      const b = gates.find((g) => g.stat === 'balance')!;
      const load = gates.find((g) => g.stat === 'load')!;
      for (const g of gates) {
        expect(g.steps.length).toBeLessThanOrEqual(400);
        expect(g.steps.at(-1)).toBe(20_000);
        expect(g.steps.every((s, i) => i === 0 || s > g.steps[i - 1])).toBe(true);
      }
      expect(b.steps.length).toBeGreaterThan(100); // an envelope, not a handful of points
      expect(b.values[b.steps.indexOf(12_345)]).toBe(8);
      b.steps.forEach((s, i) => expect(b.values[i]).toBe(balance(s)));
      expect(load.vectors!.length).toBe(load.steps.length);
      expect(load.vectors![load.steps.indexOf(777)]).toEqual([0, 1]);
      expect(load.firstSteps).toBeUndefined();
    } finally {
      store.db.close();
    }
  });

  it('keeps an old run’s call means marked point by point when cut', () => {
    const path = join(dir, 'gatelab.sqlite');
    const old = new Database(path);
    migrate(old, loadMigrations().slice(0, 6));
    old.prepare(`INSERT INTO runs (config, status, step) VALUES ('{}', 'completed', 20000)`).run();
    const put = old.prepare('INSERT INTO run_gate_stats (run_id, gate, stat, step, value, vector) VALUES (1, ?, ?, ?, ?, ?)');
    old.transaction(() => { for (let step = 8; step <= 16_000; step += 8) put.run('router', 'temperature', step, step === 4_000 ? 9 : 1, null); })();
    old.close();
    const store = openLabStore(path);
    try {
      // resumed after the upgrade: per-step points follow the means
      store.metrics.appendGateStats(1, Array.from({ length: 4_000 }, (_, i) => ({ step: 16_001 + i, gate: 'router', stat: 'temperature', value: 0.5, vector: null })));
      const g = RunGates.parse(storedGates(store, '1', 64)).gates[0];
      expect(g.steps.length).toBeLessThanOrEqual(64);
      expect(g.firstSteps).toHaveLength(g.steps.length);
      // each kept point says what it is: the mean over the 8 steps of its call, or (past 16,000) its step's value
      g.steps.forEach((s, i) => expect(g.firstSteps![i]).toBe(s <= 16_000 ? s - 7 : null));
      expect(g.values[g.steps.indexOf(4_000)]).toBe(9);
      expect(g.steps.at(-1)).toBe(20_000);
    } finally {
      store.db.close();
    }
  });

  it('refuses a points count the chart cannot mean, with the field named', () => {
    expect(GatesRequest.parse({ id: '3', points: 1600 })).toEqual({ id: '3', points: 1600 });
    expect(GatesRequest.parse({ id: '3' })).toEqual({ id: '3' });
    for (const points of [0, 8, 12.5, -4]) {
      const r = GatesRequest.safeParse({ id: '3', points });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0].path).toEqual(['points']);
    }
  });
});
