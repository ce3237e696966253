// A run resumed after a crash replays steps it had logged before: the live series stay in step order with
// one point a step (the replay's values win), and the points held past the step the run restarts at go
// when the lab says it is running again (queued -> running at its checkpoint's step).
import { describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../common/lab-api';
import { RunsStore, placeOf } from './runs.svelte';
import { handlerLab, runSummary } from './runs-test-lab';

const progress = (id: string, status: RunSummary['status'], step: number) => ({ id, status, step, totalSteps: 1000, samplesPerSec: null, etaSec: null, error: null });
const gate = (step: number, value: number) => ({ step, gate: 'g0', stat: 'load', value, vector: [value, 1 - value] });

describe('RunsStore while a run resumes from a checkpoint', () => {
  it('drops held points past the restart step, then keeps the replay in step order, replacing held steps', async () => {
    let status: RunSummary['status'] = 'interrupted';
    const { lab: api, emit } = handlerLab({
      'runs.list': () => [runSummary({ id: '5', template: 'finalmlp', status, step: 100 })],
      'runs.resume': () => ((status = 'queued'), { ok: true as const }),
    });
    const runs = new RunsStore(api);
    // the crashed trainer's points, pushed live up to step 121 (its checkpoint was at step 100)
    emit('runs.metrics', { id: '5', points: [99, 100, 120, 121].map((step) => ({ name: 'loss', step, value: step / 1000 })) });
    emit('runs.gateStats', { id: '5', points: [gate(100, 0.5), gate(120, 0.9)] });
    await runs.refresh();
    expect(runs.list[0].status).toBe('interrupted');

    const version = runs.version;
    emit('runs.progress', progress('5', 'queued', 100));
    emit('runs.progress', progress('5', 'running', 100)); // claimed: restarts at its checkpoint, step 100
    expect(runs.series.get('5')!.get('loss')).toEqual({ steps: [99, 100], values: [0.099, 0.1] });
    expect(runs.gates.get('5')!.get('g0/load')).toMatchObject({ steps: [100], values: [0.5], vectors: [[0.5, 0.5]] });
    expect(runs.version).toBeGreaterThan(version); // the charts redraw without the dropped points

    // the replay: steps 101.. (and a step it holds already, in an out-of-order batch) keep step order
    emit('runs.metrics', { id: '5', points: [{ name: 'loss', step: 102, value: 0.5 }, { name: 'loss', step: 101, value: 0.6 }, { name: 'loss', step: 100, value: 0.7 }] });
    expect(runs.series.get('5')!.get('loss')).toEqual({ steps: [99, 100, 101, 102], values: [0.099, 0.7, 0.6, 0.5] });
    emit('runs.gateStats', { id: '5', points: [gate(101, 0.2), gate(100, 0.3)] });
    expect(runs.gates.get('5')!.get('g0/load')).toMatchObject({ steps: [100, 101], values: [0.3, 0.2], vectors: [[0.3, 0.7], [0.2, 0.8]] });
  });

  it('drops held points past the step another process resumed the run from (restartStep), though its row still says interrupted', async () => {
    let status: RunSummary['status'] = 'interrupted';
    const { lab: api, emit } = handlerLab({ 'runs.list': () => [runSummary({ id: '6', template: 'finalmlp', status, step: 100 })] });
    const runs = new RunsStore(api);
    emit('runs.metrics', { id: '6', points: [100, 120, 121].map((step) => ({ name: 'loss', step, value: step })) });
    emit('runs.gateStats', { id: '6', points: [gate(100, 0.5), gate(120, 0.9)] });
    await runs.refresh();
    // `gatelab resume 6` in a terminal: the lab's watcher says running, from step 100 (no queued step seen here)
    status = 'running';
    emit('runs.progress', { ...progress('6', 'running', 100), restartStep: 100 });
    expect(runs.series.get('6')!.get('loss')).toEqual({ steps: [100], values: [100] });
    expect(runs.gates.get('6')!.get('g0/load')).toMatchObject({ steps: [100], values: [0.5] });
    // the new trainer's points follow; a later progress event without restartStep drops nothing
    emit('runs.metrics', { id: '6', points: [{ name: 'loss', step: 101, value: 0.5 }] });
    emit('runs.progress', progress('6', 'running', 90));
    expect(runs.series.get('6')!.get('loss')).toEqual({ steps: [100, 101], values: [100, 0.5] });
    await vi.waitFor(() => expect(runs.list[0].status).toBe('running')); // the row follows (read again from the lab)
  });

  it('a replay pushed over held points (no restart seen) replaces them in place instead of drawing backwards', () => {
    const { lab: api, emit } = handlerLab({});
    const runs = new RunsStore(api);
    emit('runs.metrics', { id: '2', points: [10, 20, 30].map((step) => ({ name: 'loss', step, value: 1 })) });
    emit('runs.metrics', { id: '2', points: [{ name: 'loss', step: 20, value: 0.5 }, { name: 'loss', step: 25, value: 0.4 }] });
    expect(runs.series.get('2')!.get('loss')).toEqual({ steps: [10, 20, 25, 30], values: [1, 0.5, 0.4, 1] });
    emit('runs.gateStats', { id: '2', points: [gate(30, 0.1), gate(10, 0.2), gate(30, 0.3)] });
    expect(runs.gates.get('2')!.get('g0/load')).toMatchObject({ steps: [10, 30], values: [0.2, 0.3] });
  });

  it('a running run, or a paused one resumed, keeps every point it holds', async () => {
    let status: RunSummary['status'] = 'paused';
    const { lab: api, emit } = handlerLab({
      'runs.list': () => [runSummary({ id: '8', template: 'tsmixer', status, step: 40 })],
      'runs.resume': () => ((status = 'running'), { ok: true as const }),
    });
    const runs = new RunsStore(api);
    emit('runs.metrics', { id: '8', points: [39, 40].map((step) => ({ name: 'loss', step, value: step })) });
    await runs.refresh();
    await runs.control('8', 'resume');
    emit('runs.progress', progress('8', 'running', 40));
    emit('runs.progress', progress('8', 'running', 12)); // a late event of an earlier step is no restart
    expect(runs.series.get('8')!.get('loss')).toEqual({ steps: [39, 40], values: [39, 40] });
  });

  it('placeOf finds the first held step at or after a step', () => {
    expect(placeOf([], 5)).toBe(0);
    expect(placeOf([1, 3, 5], 6)).toBe(3);
    expect(placeOf([1, 3, 5], 5)).toBe(2);
    expect(placeOf([1, 3, 5], 4)).toBe(2);
    expect(placeOf([1, 3, 5], 0)).toBe(0);
    expect(placeOf([1, 3, 5], 1)).toBe(0);
  });
});
