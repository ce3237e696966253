// The Runs view's gate statistics: the store asks the lab for a chart's worth of points, and an old run's
// call means (firstSteps, migrations/0007) stay marked point by point as live points arrive, are replaced
// or are dropped at a restart, so a per-step point pushed after a resume is never labelled a mean.
import { describe, expect, it } from 'vitest';
import type { GateSeries } from '../../common/lab-api';
import { GATE_POINTS, RunsStore } from './runs.svelte';
import { handlerLab, runSummary } from './runs-test-lab';

const temp = { gate: 'router', stat: 'temperature' };
// an upgraded run: means over calls of 8 steps up to step 24
const stored = (): GateSeries => ({ ...temp, steps: [8, 16, 24], values: [2, 1.5, 1], vectors: null, firstSteps: [1, 9, 17] });

describe('RunsStore gate statistics of an old run', () => {
  it('asks the lab for a chart’s worth of points per statistic', async () => {
    const { lab, calls } = handlerLab({ 'runs.gates': ({ id }) => ({ id, gates: [stored()] }) });
    const runs = new RunsStore(lab);
    await runs.loadGates('2');
    expect(calls.find((c) => c.channel === 'runs.gates')!.payload).toEqual({ id: '2', points: GATE_POINTS });
    await runs.loadGates('2', 1200);
    expect(calls.filter((c) => c.channel === 'runs.gates').at(-1)!.payload).toEqual({ id: '2', points: 1200 });
  });

  it('marks pushed points as step values, also one that replaces a stored mean', async () => {
    const { lab, emit } = handlerLab({ 'runs.gates': ({ id }) => ({ id, gates: [stored()] }) });
    const runs = new RunsStore(lab);
    await runs.loadGates('2');
    // resumed from step 16: it replays step 24 per step, then goes on
    emit('runs.gateStats', { id: '2', points: [{ ...temp, step: 24, value: 0.9, vector: null }, { ...temp, step: 25, value: 0.8, vector: null }] });
    const s = runs.gates.get('2')!.get('router/temperature')!;
    expect({ steps: s.steps, values: s.values, firstSteps: s.firstSteps }).toEqual({ steps: [8, 16, 24, 25], values: [2, 1.5, 0.9, 0.8], firstSteps: [1, 9, null, null] });
  });

  it('keeps points pushed during a load after the stored ones, marked as step values', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { lab, emit } = handlerLab({ 'runs.gates': async ({ id }) => (await gate, { id, gates: [stored()] }) });
    const runs = new RunsStore(lab);
    const loading = runs.loadGates('2');
    emit('runs.gateStats', { id: '2', points: [{ ...temp, step: 25, value: 0.8, vector: null }] });
    release();
    await loading;
    const s = runs.gates.get('2')!.get('router/temperature')!;
    expect({ steps: s.steps, firstSteps: s.firstSteps }).toEqual({ steps: [8, 16, 24, 25], firstSteps: [1, 9, 17, null] });
  });

  it('drops the marks with the points past a restart, so the replayed steps are not labelled means', async () => {
    const { lab, emit } = handlerLab({
      'runs.gates': ({ id }) => ({ id, gates: [stored()] }),
      'runs.list': () => [runSummary({ id: '2', template: 'moe-forecaster', status: 'interrupted', step: 16 })],
    });
    const runs = new RunsStore(lab);
    await runs.refresh();
    await runs.loadGates('2');
    emit('runs.progress', { id: '2', status: 'running', step: 16, totalSteps: 100, samplesPerSec: null, etaSec: null, error: null, restartStep: 16 });
    const s = runs.gates.get('2')!.get('router/temperature')!;
    expect({ steps: s.steps, firstSteps: s.firstSteps }).toEqual({ steps: [8, 16], firstSteps: [1, 9] });
    emit('runs.gateStats', { id: '2', points: [{ ...temp, step: 17, value: 0.7, vector: null }, { ...temp, step: 24, value: 0.6, vector: null }] });
    expect({ steps: s.steps, firstSteps: s.firstSteps }).toEqual({ steps: [8, 16, 17, 24], firstSteps: [1, 9, null, null] });
  });
});
