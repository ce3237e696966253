// The runs store against lab events in the order a real lab can send them: a progress event that was in
// flight when the run completed must not flip the row back to running, a settled run shows no
// throughput or ETA, and a resumed run takes the lab's status and live progress again.
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../common/lab-api';
import { RunsStore, settle } from './runs.svelte';
import { handlerLab, runSummary } from './runs-test-lab';

const until = async (ok: () => boolean) => { for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 5)); };

describe('RunsStore progress', () => {
  it('ignores a late "running" progress event for a completed run and clears its samples/s and ETA', async () => {
    let lab: RunSummary[] = [runSummary({ id: '4', template: 'dlinear', status: 'running', step: 50, samplesPerSec: 900, etaSec: 3 })];
    const { lab: api, emit } = handlerLab({ 'runs.list': () => lab });
    const runs = new RunsStore(api);
    await runs.refresh();
    emit('runs.progress', { id: '4', status: 'running', step: 90, totalSteps: 100, samplesPerSec: 1000, etaSec: 1, error: null });
    expect(runs.list[0]).toMatchObject({ status: 'running', step: 90, samplesPerSec: 1000 });

    lab = [runSummary({ id: '4', template: 'dlinear', status: 'completed', step: 100, samplesPerSec: 1000, etaSec: 0 })]; // the lab's live cache may keep the last throughput
    emit('runs.progress', { id: '4', status: 'completed', step: 100, totalSteps: 100, samplesPerSec: null, etaSec: null, error: null });
    emit('runs.progress', { id: '4', status: 'running', step: 99, totalSteps: 100, samplesPerSec: 1010, etaSec: 0.1, error: null }); // late
    expect(runs.list[0]).toMatchObject({ status: 'completed', step: 100, samplesPerSec: null, etaSec: null });
    await until(() => runs.list[0].status === 'completed' && runs.list[0].step === 100);
    await new Promise((r) => setTimeout(r, 30)); // the refreshes the events asked for have landed
    expect(runs.list[0]).toMatchObject({ status: 'completed', samplesPerSec: null, etaSec: null });
  });

  it('a paused run that is resumed shows running and its progress again', async () => {
    let status: RunSummary['status'] = 'paused';
    const { lab: api, emit } = handlerLab({
      'runs.list': () => [runSummary({ id: '7', template: 'tsmixer', status, step: 30 })],
      'runs.resume': () => ((status = 'running'), { ok: true as const }),
    });
    const runs = new RunsStore(api);
    await runs.refresh();
    emit('runs.progress', { id: '7', status: 'running', step: 31, totalSteps: 100, samplesPerSec: 500, etaSec: 9, error: null }); // stale: before the pause
    expect(runs.list[0].status).toBe('paused');
    await runs.control('7', 'resume');
    expect(runs.list[0].status).toBe('running');
    emit('runs.progress', { id: '7', status: 'running', step: 40, totalSteps: 100, samplesPerSec: 520, etaSec: 8, error: null });
    expect(runs.list[0]).toMatchObject({ status: 'running', step: 40, samplesPerSec: 520, etaSec: 8 });
  });

  it("reads the list again when a run is paused or interrupted: its average speed takes the live one's place", async () => {
    for (const stopped of ['paused', 'interrupted'] as const) {
      let lab: RunSummary[] = [runSummary({ id: '5', template: 'dlinear', status: 'running', step: 20, samplesPerSec: 900, meanSamplesPerSec: 850 })];
      const { lab: api, emit } = handlerLab({ 'runs.list': () => lab });
      const runs = new RunsStore(api);
      await runs.refresh();
      lab = [runSummary({ id: '5', template: 'dlinear', status: stopped, step: 40, samplesPerSec: null, meanSamplesPerSec: 880 })];
      emit('runs.progress', { id: '5', status: stopped, step: 40, totalSteps: 100, samplesPerSec: null, etaSec: null, error: null });
      await until(() => runs.list[0].meanSamplesPerSec === 880);
      expect(runs.list[0]).toMatchObject({ status: stopped, samplesPerSec: null, meanSamplesPerSec: 880 });
    }
  });

  it('settle() clears throughput and ETA for every settled status and keeps them while a run is live', () => {
    for (const status of ['completed', 'failed', 'cancelled', 'interrupted', 'paused'] as const)
      expect(settle({ status, samplesPerSec: 5, etaSec: 2 })).toEqual({ status, samplesPerSec: null, etaSec: null });
    for (const status of ['queued', 'running'] as const) expect(settle({ status, samplesPerSec: 5, etaSec: 2 })).toEqual({ status, samplesPerSec: 5, etaSec: 2 });
  });
});

describe('RunsStore metrics', () => {
  it('keeps live points past the stored ones when a reload answers, and appends pushed val.* points', async () => {
    const { lab: api, emit } = handlerLab({ 'runs.metrics': ({ id }) => ({ id, series: [{ name: 'val.loss', steps: [100], values: [0.9] }] }) });
    const runs = new RunsStore(api);
    await runs.loadMetrics('3');
    emit('runs.metrics', { id: '3', points: [{ name: 'val.loss', step: 200, value: 0.7 }, { name: 'test.mse', step: 300, value: 0.5 }] });
    expect(runs.series.get('3')!.get('val.loss')).toEqual({ steps: [100, 200], values: [0.9, 0.7] });
    await runs.loadMetrics('3'); // the store has not written step 200 and the test result yet
    expect(runs.series.get('3')!.get('val.loss')).toEqual({ steps: [100, 200], values: [0.9, 0.7] });
    expect(runs.series.get('3')!.get('test.mse')).toEqual({ steps: [300], values: [0.5] });
  });
});

describe('RunsStore best validation tiles', () => {
  it("reads the list again after a validation point, on the run's next progress report, so a running run's val.* tiles follow it", async () => {
    let metrics: Record<string, number> = {};
    const { lab: api, emit, calls } = handlerLab({ 'runs.list': () => [runSummary({ id: '4', template: 'dlinear', status: 'running', step: 90, metrics, bestStep: metrics['val.loss'] === undefined ? null : 91 })] });
    const runs = new RunsStore(api);
    await runs.refresh();
    const lists = () => calls.filter((c) => c.channel === 'runs.list').length;
    const progress = (step: number) => emit('runs.progress', { id: '4', status: 'running', step, totalSteps: 200, samplesPerSec: 900, etaSec: 9, error: null });
    // a training point moves no tile: no reread
    emit('runs.metrics', { id: '4', points: [{ name: 'loss', step: 91, value: 0.4 }] });
    progress(92);
    await new Promise((r) => setTimeout(r, 20));
    expect(lists()).toBe(1);
    // the epoch's validation: the next progress report reads the list, and the tile shows the best value
    metrics = { 'val.loss': 0.35 };
    emit('runs.metrics', { id: '4', points: [{ name: 'val.loss', step: 91, value: 0.35 }] });
    progress(95);
    await until(() => runs.list[0].metrics['val.loss'] === 0.35);
    expect(runs.list[0]).toMatchObject({ bestStep: 91, status: 'running' });
    // once: later progress reports do not read it again
    progress(96);
    progress(97);
    await new Promise((r) => setTimeout(r, 20));
    expect(lists()).toBe(2);
  });
});

describe('RunsStore gate statistics', () => {
  const open = { gate: 'block0.gate', stat: 'openness' };
  it('takes a pushed point once when loadGates has just read it, and keeps points pushed during a reload', async () => {
    let stored = { steps: [10, 20], values: [0.5, 0.6] };
    const { lab: api, emit } = handlerLab({ 'runs.gates': ({ id }) => ({ id, gates: [{ ...open, steps: [...stored.steps], values: [...stored.values], vectors: null }] }) });
    const runs = new RunsStore(api);
    await runs.loadGates('3');
    // the push of step 20 was in flight when the load read it from the store
    emit('runs.gateStats', { id: '3', points: [{ ...open, step: 20, value: 0.6, vector: null }, { ...open, step: 30, value: 0.7, vector: null }] });
    const series = () => runs.gates.get('3')!.get('block0.gate/openness')!;
    expect({ steps: series().steps, values: series().values }).toEqual({ steps: [10, 20, 30], values: [0.5, 0.6, 0.7] });
    // a reload whose store has not written step 30 yet keeps the pushed point; one that has, has it once
    await runs.loadGates('3');
    expect(series().steps).toEqual([10, 20, 30]);
    stored = { steps: [10, 20, 30, 40], values: [0.5, 0.6, 0.7, 0.8] };
    await runs.loadGates('3');
    expect({ steps: series().steps, values: series().values }).toEqual({ steps: [10, 20, 30, 40], values: [0.5, 0.6, 0.7, 0.8] });
  });

  it('keeps the vectors of a vector statistic in step with its steps', async () => {
    const load = { gate: 'router', stat: 'load' };
    const { lab: api, emit } = handlerLab({ 'runs.gates': ({ id }) => ({ id, gates: [{ ...load, steps: [10], values: [0], vectors: [[0.5, 0.5]] }] }) });
    const runs = new RunsStore(api);
    await runs.loadGates('5');
    emit('runs.gateStats', { id: '5', points: [{ ...load, step: 10, value: 0, vector: [0.5, 0.5] }, { ...load, step: 20, value: 0, vector: [0.6, 0.4] }] });
    expect(runs.gates.get('5')!.get('router/load')!.vectors).toEqual([[0.5, 0.5], [0.6, 0.4]]);
  });
});
