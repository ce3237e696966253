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
import { GatesRequest, RunGates, type GateSeries } from '../../../common/lab-api';
import { gateThinning, storedGates } from './gate-stats';

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

/**
 * The thinning as GateLab did it in JavaScript before it moved into SQLite (compare-series.ts's
 * decimateGateSeries, verbatim but for its types): the reference the store's query must reproduce point
 * for point wherever a bucket of per-component extremes fits the cap.
 */
function jsThinning(g: GateSeries, points: number): GateSeries {
  const n = g.steps.length;
  if (n <= points) return g;
  const width = g.vectors ? Math.max(0, ...g.vectors.map((v) => v?.length ?? 0)) : 0;
  const tracks: Array<(i: number) => number | null | undefined> = [(i) => g.values[i]];
  for (let c = 0; c < width; c++) tracks.push((i) => g.vectors![i]?.[c]);
  const perBucket = 2 + 2 * tracks.length;
  const buckets = Math.max(1, Math.floor(points / perBucket));
  const x0 = g.steps[0];
  const span = g.steps[n - 1] - x0 || 1;
  const keep: number[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < n; b++) {
    const edge = b === buckets - 1 ? Infinity : x0 + ((b + 1) * span) / buckets;
    const start = i;
    while (i < n && g.steps[i] < edge) i++;
    if (i === start) continue;
    const picked = new Set([start, i - 1]);
    for (const at of tracks) {
      let min = -1, max = -1, minV = Infinity, maxV = -Infinity;
      for (let k = start; k < i; k++) {
        const v = at(k);
        if (v == null || !Number.isFinite(v)) continue;
        if (v < minV) { minV = v; min = k; }
        if (v > maxV) { maxV = v; max = k; }
      }
      if (min >= 0) picked.add(min).add(max);
    }
    keep.push(...[...picked].sort((p, q) => p - q));
  }
  return {
    gate: g.gate, stat: g.stat,
    steps: keep.map((k) => g.steps[k]),
    values: keep.map((k) => g.values[k]),
    vectors: g.vectors ? keep.map((k) => g.vectors![k]) : null,
    ...(g.firstSteps ? { firstSteps: keep.map((k) => g.firstSteps![k]) } : {}),
  };
}

/** A deterministic stream in [0, 1) (mulberry32): generated runs are the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('runs.gates cut inside SQLite', () => {
  const f32 = (v: number) => Math.fround(v);

  it('keeps exactly the points the JavaScript thinning kept: a 20,000-step run', () => {
    const store = openLabStore(join(dir, 'gatelab.sqlite'));
    try {
      const id = store.runs.create({ config: {} });
      const rnd = random(7);
      const steps = Array.from({ length: 20_000 }, (_, i) => i + 1);
      // ties (a value repeating within a bucket: the earliest is kept), NaN (stored as NULL), ±Infinity and
      // missing values are skipped by the extremes; a spike at one step
      const entropy = (s: number) => (s % 13 === 0 ? NaN : s === 9_001 ? Infinity : s === 9_002 ? -Infinity : f32(Math.round(rnd() * 20) / 8));
      store.metrics.appendGateStats(id, steps.map((step) => ({ step, gate: 'router', stat: 'entropy', value: entropy(step), vector: null })));
      store.metrics.appendGateStats(id, steps.map((step) => ({ step, gate: 'ff.gate', stat: 'openness', value: step === 12_345 ? 8 : 1 + (step % 7) / 8, vector: null })));
      // vectors once per call (every 1–9 steps), 4 experts, one NaN component now and then, one row without a vector
      const load: Array<{ step: number; gate: string; stat: string; value: null; vector: number[] | null }> = [];
      for (let step = 1; step <= 20_000; step += 1 + Math.floor(rnd() * 9)) {
        const v = [rnd(), rnd(), rnd(), rnd()].map((x) => f32(Math.round(x * 16) / 16));
        if (step % 101 === 0) v[2] = NaN;
        load.push({ step, gate: 'router', stat: 'load', value: null, vector: step === 5_000 ? null : v });
      }
      load.push({ step: 20_000, gate: 'router', stat: 'load', value: null, vector: [0.25, 0.25, 0.25, 0.25] });
      store.metrics.appendGateStats(id, load);

      const full = storedGates(store, String(id)).gates;
      for (const points of [16, 400, 1600]) {
        const cut = storedGates(store, String(id), points).gates;
        expect(cut.map((g) => `${g.gate}/${g.stat}`)).toEqual(full.map((g) => `${g.gate}/${g.stat}`));
        cut.forEach((g, k) => {
          expect(g, `${g.gate}/${g.stat} at ${points} points`).toEqual(jsThinning(full[k], points));
          expect(g.steps.length).toBeLessThanOrEqual(points);
        });
      }
    } finally {
      store.db.close();
    }
  });

  it('keeps exactly the points the JavaScript thinning kept: a run with gaps and an old run’s call means', () => {
    const path = join(dir, 'gatelab.sqlite');
    const old = new Database(path);
    migrate(old, loadMigrations().slice(0, 6)); // the schema before per-step statistics: the upgrade marks the means
    old.prepare(`INSERT INTO runs (config, status, step) VALUES ('{}', 'completed', 90000)`).run();
    const put = old.prepare('INSERT INTO run_gate_stats (run_id, gate, stat, step, value, vector) VALUES (1, ?, ?, ?, ?, ?)');
    const rnd = random(11);
    old.transaction(() => {
      // calls of 1–40 steps, then nothing for 30,000 steps (a run stopped and resumed much later)
      for (let step = 3; step <= 40_000; step += 1 + Math.floor(rnd() * 40)) {
        put.run('router', 'temperature', step, f32(rnd()), null);
        put.run('router', 'load', step, null, Buffer.from(Float32Array.of(rnd(), rnd(), rnd()).buffer));
      }
    })();
    old.close();
    const store = openLabStore(path);
    try {
      // resumed after the upgrade: per-step points, with gaps of its own
      const later = Array.from({ length: 8_000 }, (_, i) => 70_000 + i * 2 + (i % 3));
      store.metrics.appendGateStats(1, later.map((step) => ({ step, gate: 'router', stat: 'temperature', value: f32(rnd()), vector: null })));
      store.metrics.appendGateStats(1, later.filter((_, i) => i % 5 === 0).map((step) => ({ step, gate: 'router', stat: 'load', value: null, vector: [rnd(), rnd(), rnd()] })));

      const full = storedGates(store, '1').gates;
      expect(full.every((g) => g.firstSteps?.some((f) => f !== null))).toBe(true);
      for (const points of [16, 100, 1600]) {
        const cut = storedGates(store, '1', points).gates;
        cut.forEach((g, k) => expect(g, `${g.gate}/${g.stat} at ${points} points`).toEqual(jsThinning(full[k], points)));
      }
    } finally {
      store.db.close();
    }
  });

  it('keeps a 1,000-component statistic within the points asked for, with its extremes and last step', () => {
    const store = openLabStore(join(dir, 'gatelab.sqlite'));
    try {
      const id = store.runs.create({ config: {} });
      const width = 1_000;
      const rnd = random(3);
      const rows = Array.from({ length: 1_000 }, (_, i) => {
        const step = (i + 1) * 4;
        const v = Array.from({ length: width }, () => f32(0.0005 + rnd() * 0.001));
        if (step === 1_600) v[617] = 0.5; // one expert takes half the load at one call
        if (step === 2_400) v[3] = 0; // another gets none at another
        return { step, gate: 'router', stat: 'load', value: null, vector: v };
      });
      store.metrics.appendGateStats(id, rows);
      const byStep = new Map(rows.map((r) => [r.step, r.vector]));
      // per-component extremes would keep up to 2 + 2·1,001 points per bucket: nearly every row here
      for (const points of [16, 800]) {
        const g = storedGates(store, String(id), points).gates[0];
        expect(g.steps.length).toBeLessThanOrEqual(points);
        expect(g.steps[0]).toBe(4);
        expect(g.steps.at(-1)).toBe(4_000);
        expect(g.steps).toContain(1_600);
        expect(g.steps).toContain(2_400);
        g.steps.forEach((s, i) => expect(g.vectors![i]).toEqual(byStep.get(s))); // exact stored vectors
      }
      // spread over the run (100 buckets of ≤ 8), not bunched where single components peak
      const g = storedGates(store, String(id), 800).gates[0];
      expect(g.steps.length).toBeGreaterThan(300);
      expect(new Set(g.steps.map((s) => Math.floor((s - 1) / 400))).size).toBe(10);
    } finally {
      store.db.close();
    }
  });

  it('cuts by bucket of step, one bucket of per-component extremes while it fits, and row extremes beyond', () => {
    const shape = (width: number) => ({ count: 20_000, firstStep: 1, lastStep: 20_000, width, hasVectors: width > 0, hasMeans: false });
    expect(gateThinning({ ...shape(0), count: 1600 }, 1600)).toBeNull(); // no more points than asked: all of them
    expect(gateThinning(shape(0), 1600)).toEqual({ buckets: 400, x0: 1, span: 19_999, components: 'none' });
    expect(gateThinning(shape(8), 1600)).toEqual({ buckets: 80, x0: 1, span: 19_999, components: 'each' }); // 2 + 2·9 per bucket
    expect(gateThinning(shape(798), 1600)).toEqual({ buckets: 1, x0: 1, span: 19_999, components: 'each' }); // 1,600 in one bucket
    expect(gateThinning(shape(799), 1600)).toEqual({ buckets: 200, x0: 1, span: 19_999, components: 'extremes' });
    expect(gateThinning(shape(1_000), 16)).toEqual({ buckets: 2, x0: 1, span: 19_999, components: 'extremes' });
  });
});
