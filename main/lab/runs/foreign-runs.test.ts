// A run another process trains on the same lab home (here: writes through a second connection to the same
// database file, as `gatelab train` in a terminal makes them) reaches an open window as progress and metric
// events: its row moves, its curve grows, and a pause the owner carried out shows (A18: the row froze).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { foreignRunChanges } from './foreign-runs';
import { claimQueuedRun } from './run-claim';
import { RunFiles } from './run-files';
import type { ResumePoint } from './run-checkpoints';
import type { GatePoints, MetricPoints, RunProgress } from '../../../common/lab-api';

describe('runs trained by another process', () => {
  it('send progress, new metric points and their end, once each; live runs and quiet passes send nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-foreign-'));
    const ours = openLabStore(join(dir, 'lab.sqlite'));
    const theirs = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const progress: RunProgress[] = [];
      const metrics: MetricPoints[] = [];
      const live = new Set<number>();
      const o = { store: ours, isLive: (id: number) => live.has(id), onProgress: (p: RunProgress) => progress.push(p), onMetrics: (m: MetricPoints) => metrics.push(m) };
      const seen = new Map();

      const a = theirs.runs.create({ config: { batchSize: 32 } });
      theirs.runs.setStatus(a, 'running', { step: 10, totalSteps: 100 });
      theirs.metrics.append(a, [{ step: 10, name: 'loss', value: 0.9 }, { step: 10, name: 'samples_per_sec', value: 320 }]);
      foreignRunChanges(o, seen, true); // the window opened: what is stored is what its list and charts read
      expect(progress).toEqual([]);
      expect(metrics).toEqual([]);

      theirs.runs.setStatus(a, 'running', { step: 20 });
      theirs.metrics.append(a, [{ step: 20, name: 'loss', value: 0.7 }, { step: 20, name: 'samples_per_sec', value: 320 }]);
      foreignRunChanges(o, seen);
      // 80 steps left × 32 samples at 320 samples/s
      expect(progress).toEqual([{ id: String(a), status: 'running', step: 20, totalSteps: 100, samplesPerSec: 320, etaSec: 8, error: null }]);
      expect(metrics).toEqual([{ id: String(a), points: [{ name: 'loss', step: 20, value: 0.7 }, { name: 'samples_per_sec', step: 20, value: 320 }] }]);

      foreignRunChanges(o, seen); // nothing new
      expect(progress).toHaveLength(1);
      expect(metrics).toHaveLength(1);

      theirs.runs.setStatus(a, 'paused', { step: 24 }); // the owner paused it (asked from this window)
      foreignRunChanges(o, seen);
      expect(progress.at(-1)).toMatchObject({ id: String(a), status: 'paused', step: 24, samplesPerSec: null, etaSec: null });
      foreignRunChanges(o, seen);
      expect(progress).toHaveLength(2); // said once

      // a run this lab's own trainer runs has live events: the watcher leaves it alone
      const b = theirs.runs.create({ config: {} });
      live.add(b);
      theirs.runs.setStatus(b, 'running', { step: 5 });
      foreignRunChanges(o, seen);
      expect(progress).toHaveLength(2);
      // another process starts a run after the window opened: it appears with its points so far
      const c = theirs.runs.create({ config: {} });
      theirs.runs.setStatus(c, 'running', { step: 3 });
      theirs.metrics.append(c, [{ step: 3, name: 'loss', value: 1.1 }]);
      foreignRunChanges(o, seen);
      expect(progress.at(-1)).toMatchObject({ id: String(c), status: 'running', step: 3 });
      expect(metrics.at(-1)).toEqual({ id: String(c), points: [{ name: 'loss', step: 3, value: 1.1 }] });
      theirs.runs.setStatus(c, 'failed', { error: 'loss became NaN at step 4\n--\nstack' });
      foreignRunChanges(o, seen);
      expect(progress.at(-1)).toMatchObject({ id: String(c), status: 'failed', error: 'loss became NaN at step 4' });
    } finally {
      ours.close();
      theirs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('send their gate statistics (scalars and vectors) as the live ones are sent: new points once, in step order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-foreign-gates-'));
    const ours = openLabStore(join(dir, 'lab.sqlite'));
    const theirs = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const gates: GatePoints[] = [];
      const o = { store: ours, isLive: () => false, onProgress: () => {}, onMetrics: () => {}, onGateStats: (g: GatePoints) => gates.push(g) };
      const seen = new Map();
      const a = theirs.runs.create({ config: {} });
      theirs.runs.setStatus(a, 'running', { step: 10, totalSteps: 100 });
      theirs.metrics.appendGateStats(a, [{ step: 10, gate: 'router', stat: 'load', vector: [0.5, 0.25, 0.25] }]);
      foreignRunChanges(o, seen, true); // the window opened: its gate panels read what is stored
      expect(gates).toEqual([]);

      theirs.runs.setStatus(a, 'running', { step: 20 });
      theirs.metrics.appendGateStats(a, [
        { step: 20, gate: 'router', stat: 'load', vector: [0.375, 0.375, 0.25] },
        { step: 20, gate: 'gate1', stat: 'mean_openness', value: 0.625 },
      ]);
      foreignRunChanges(o, seen);
      expect(gates).toEqual([{ id: String(a), points: [
        { step: 20, gate: 'gate1', stat: 'mean_openness', value: 0.625, vector: null },
        { step: 20, gate: 'router', stat: 'load', value: null, vector: [0.375, 0.375, 0.25] },
      ] }]);
      foreignRunChanges(o, seen); // nothing new
      expect(gates).toHaveLength(1);

      // the last points, stored as the run ends, are sent with its end
      theirs.metrics.appendGateStats(a, [{ step: 30, gate: 'gate1', stat: 'mean_openness', value: 0.5 }]);
      theirs.runs.setStatus(a, 'completed', { step: 30 });
      foreignRunChanges(o, seen);
      expect(gates.at(-1)).toEqual({ id: String(a), points: [{ step: 30, gate: 'gate1', stat: 'mean_openness', value: 0.5, vector: null }] });
      foreignRunChanges(o, seen);
      expect(gates).toHaveLength(2);

      // a run started after the window opened: its statistics so far arrive with its first pass
      const b = theirs.runs.create({ config: {} });
      theirs.runs.setStatus(b, 'running', { step: 4 });
      theirs.metrics.appendGateStats(b, [{ step: 2, gate: 'gate1', stat: 'mean_openness', value: 0.9 }, { step: 4, gate: 'gate1', stat: 'mean_openness', value: 0.8 }]);
      foreignRunChanges(o, seen);
      expect(gates.at(-1)).toEqual({ id: String(b), points: [{ step: 2, gate: 'gate1', stat: 'mean_openness', value: 0.9, vector: null }, { step: 4, gate: 'gate1', stat: 'mean_openness', value: 0.8, vector: null }] });
    } finally {
      ours.close();
      theirs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carry the step another process resumed a run from, before the new trainer\'s points, so views drop the dead one\'s past it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-foreign-resume-'));
    const ours = openLabStore(join(dir, 'lab.sqlite'));
    const theirs = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const events: Array<['progress', RunProgress] | ['metrics', MetricPoints]> = [];
      const o = { store: ours, isLive: () => false, onProgress: (p: RunProgress) => events.push(['progress', p]), onMetrics: (m: MetricPoints) => events.push(['metrics', m]) };
      const seen = new Map();
      const files = new RunFiles(join(dir, 'checkpoints'), dir);
      // `gatelab resume` claims the run in its own process: from the checkpoint at step 20 (its points past it go)
      const resumeAt = (id: number, step: number) => {
        theirs.runs.setStatus(id, 'queued');
        const point: ResumePoint = { id: 0, runId: id, step, epoch: step / 10, kind: 'epoch', path: 'x.ckpt', bytes: 0, metric: null, createdAt: '' };
        expect(claimQueuedRun(theirs, files, id, { resume: point })).toMatchObject({ restart: { step } });
      };
      const a = theirs.runs.create({ config: {} });
      theirs.runs.setStatus(a, 'running', { step: 30, totalSteps: 100 });
      theirs.metrics.append(a, [10, 20, 30].map((step) => ({ step, name: 'loss', value: 1 })));
      foreignRunChanges(o, seen, true);
      theirs.metrics.append(a, [{ step: 34, name: 'loss', value: 1 }]);
      theirs.runs.setStatus(a, 'interrupted', { step: 20 }); // its trainer died after step 34
      foreignRunChanges(o, seen);
      expect(events.at(-1)).toEqual(['progress', expect.objectContaining({ status: 'interrupted', step: 20 })]);
      expect(events.at(-1)![1]).not.toHaveProperty('restartStep');

      events.length = 0;
      resumeAt(a, 20);
      theirs.metrics.append(a, [21, 22].map((step) => ({ step, name: 'loss', value: 0.5 })));
      foreignRunChanges(o, seen);
      expect(events).toEqual([
        ['progress', { id: String(a), status: 'running', step: 20, totalSteps: 100, samplesPerSec: null, etaSec: null, error: null, restartStep: 20 }],
        ['metrics', { id: String(a), points: [{ name: 'loss', step: 21, value: 0.5 }, { name: 'loss', step: 22, value: 0.5 }] }],
      ]);
      foreignRunChanges(o, seen); // said once
      expect(events).toHaveLength(2);

      // killed and resumed again between two passes: running both times, still a restart (from step 10 now)
      events.length = 0;
      resumeAt(a, 10);
      theirs.metrics.append(a, [{ step: 11, name: 'loss', value: 0.25 }]);
      foreignRunChanges(o, seen);
      expect(events).toEqual([
        ['progress', expect.objectContaining({ status: 'running', step: 10, restartStep: 10 })],
        ['metrics', { id: String(a), points: [{ name: 'loss', step: 11, value: 0.25 }] }],
      ]);

      // paused in its trainer and resumed there: no claim, no restart; the run keeps its points
      events.length = 0;
      theirs.runs.setStatus(a, 'paused', { step: 11 });
      foreignRunChanges(o, seen);
      theirs.runs.setStatus(a, 'running', { step: 11 });
      theirs.metrics.append(a, [{ step: 12, name: 'loss', value: 0.2 }]);
      foreignRunChanges(o, seen);
      expect(events.map(([, e]) => 'restartStep' in e)).toEqual([false, false, false]);
      expect(events.at(-2)).toEqual(['metrics', { id: String(a), points: [{ name: 'loss', step: 12, value: 0.2 }] }]);
    } finally {
      ours.close();
      theirs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
