// Knockout progress names the knockout in progress as the finished table does ("block 1 gate closed",
// blocks counted from 1), not by the model's internal gate name ("block0.gate closed"): audit H2 #5.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import RunKnockouts from './RunKnockouts.svelte';
import { dispatch } from '../../../common/lab-api/dispatch';
import type { AnalyticsJobInfo, LabHandlers } from '../../../common/lab-api';
import { knockoutLabel } from '../../../common/analytics/gate-names';
import { inProcessLab } from '../../lib/in-process-lab';

afterEach(() => cleanup());

function labWithJob(label: string, count: { done: number; total: number } = { done: 1, total: 6 }) {
  const jobs: AnalyticsJobInfo[] = [{ id: 1, runId: '9', kind: 'knockout', state: 'running', ...count, label, error: null }];
  const handlers = {
    'analytics.knockouts': ({ id }: { id: string }) => ({ id, table: null }),
    'analytics.jobs': ({ id }: { id: string }) => ({ id, jobs }),
    'analytics.reportData': ({ id }: { id: string }) => ({ id, report: null, paths: null }),
  } as unknown as LabHandlers;
  return inProcessLab({ dispatch: (c, p) => dispatch(handlers, c, p), onEvent: () => () => {} });
}

describe('RunKnockouts progress', () => {
  it('says "block 1 gate closed" for the worker’s "block0.gate closed", as the results table will', async () => {
    render(RunKnockouts, { props: { lab: labWithJob('block0.gate closed'), runId: '9' } });
    const progress = await screen.findByTestId('knockout-progress');
    expect(knockoutLabel({ gate: 'block0.gate', mode: 'closed' })).toBe('block 1 gate closed');
    expect(progress.textContent).toContain('1/6 · block 1 gate closed');
    expect(progress.textContent).not.toContain('block0.gate');
  });

  it('names an expert knockout as the table does, and leaves other labels as they are', async () => {
    render(RunKnockouts, { props: { lab: labWithJob('router single expert 2'), runId: '9' } });
    expect((await screen.findByTestId('knockout-progress')).textContent).toContain(`1/6 · ${knockoutLabel({ gate: 'router', mode: 'single', expert: 2 })}`);
    cleanup();
    render(RunKnockouts, { props: { lab: labWithJob('starting'), runId: '9' } });
    expect((await screen.findByTestId('knockout-progress')).textContent).toContain('1/6 · starting');
  });

  it('says "starting" once before the job knows its count (not "starting · starting")', async () => {
    render(RunKnockouts, { props: { lab: labWithJob('starting', { done: 0, total: 0 }), runId: '9' } });
    const text = (await screen.findByTestId('knockout-progress')).textContent!.trim();
    expect(text).toBe('starting');
    cleanup();
    render(RunKnockouts, { props: { lab: labWithJob('block0.gate closed', { done: 0, total: 0 }), runId: '9' } });
    expect((await screen.findByTestId('knockout-progress')).textContent!.trim()).toBe('starting · block 1 gate closed');
  });
});
