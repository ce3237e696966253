// A knockout job the lab found unfinished at start (quit or crash) shows as interrupted with the lab's
// reason and a "Run again" button that queues it anew; the lab answers through the real dispatch.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import RunKnockouts from './RunKnockouts.svelte';
import { dispatch } from '../../../common/lab-api/dispatch';
import type { AnalyticsJobInfo, LabHandlers } from '../../../common/lab-api';
import { inProcessLab } from '../../lib/in-process-lab';

afterEach(() => cleanup());

describe('RunKnockouts', () => {
  it('offers to run an interrupted knockout again', async () => {
    const reason = 'the lab stopped (quit or crash) while this job was queued or running; run it again';
    const jobs: AnalyticsJobInfo[] = [{ id: 3, runId: '4', kind: 'knockout', state: 'interrupted', done: 4, total: 9, label: 'gate2 open', error: reason }];
    const queued: string[] = [];
    const handlers = {
      'analytics.knockouts': ({ id }: { id: string }) => ({ id, table: null }),
      'analytics.jobs': ({ id }: { id: string }) => ({ id, jobs }),
      'analytics.knockoutAll': ({ id }: { id: string }) => {
        queued.push(id);
        const j: AnalyticsJobInfo = { id: 4, runId: id, kind: 'knockout', state: 'queued', done: 0, total: 0, label: 'queued', error: null };
        jobs.push(j);
        return j;
      },
      'analytics.reportData': ({ id }: { id: string }) => ({ id, report: null, paths: null }),
    } as unknown as LabHandlers;
    const lab = inProcessLab({ dispatch: (c, p) => dispatch(handlers, c, p), onEvent: () => () => {} });
    render(RunKnockouts, { props: { lab, runId: '4' } });
    const note = await screen.findByTestId('knockout-interrupted');
    expect(note.textContent).toContain('interrupted at 4/9');
    expect(note.textContent).toContain(reason);
    expect(await screen.findByTestId('analyse-gates')).toBeTruthy(); // no gate report yet
    await fireEvent.click(screen.getByTestId('knockout-again'));
    expect(queued).toEqual(['4']);
    expect(await screen.findByTestId('knockout-progress')).toBeTruthy();
    expect(screen.queryByTestId('knockout-interrupted')).toBeNull();
    // while busy the button keeps the keyboard focus (aria-disabled, not disabled) and does nothing
    const all = screen.getByTestId('knockout-all') as HTMLButtonElement;
    expect([all.disabled, all.getAttribute('aria-disabled')]).toEqual([false, 'true']);
    await fireEvent.click(all);
    expect(queued).toEqual(['4']);
    // the result is announced politely
    await new Promise((r) => setTimeout(r, 60));
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('Knockouts queued');
  });

  it('in the browser face writes the gate report as an export and offers its Download (audit A22 #13)', async () => {
    const calls: string[] = [];
    const handlers = {
      'analytics.knockouts': ({ id }: { id: string }) => ({ id, table: null }),
      'analytics.jobs': ({ id }: { id: string }) => ({ id, jobs: [] }),
      'analytics.reportData': ({ id }: { id: string }) => ({ id, report: null, paths: null }),
      'analytics.report': ({ id }: { id: string }) => (calls.push('analytics.report'), { id, json: `/home/u/lab/checkpoints/run-${id}/analytics/gate-report.json`, html: `/home/u/lab/checkpoints/run-${id}/analytics/gate-report.html`, csv: null }),
      'runs.export': ({ id, format }: { id: string; format: string }) => (calls.push(`runs.export ${format}`), { path: `/home/u/lab/exports/run-${id}-gate-report.html`, bytes: 2048 }),
    } as unknown as LabHandlers;
    const lab = inProcessLab({ dispatch: (c, p) => dispatch(handlers, c, p), onEvent: () => () => {} });
    render(RunKnockouts, { props: { lab, runId: '7', serveHome: '/home/u/lab' } });
    await fireEvent.click(await screen.findByTestId('gate-report'));
    const link = (await screen.findByTestId('gate-report-download')) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/exports/run-7-gate-report.html');
    expect(link.getAttribute('download')).toBe('run-7-gate-report.html');
    expect(calls).toEqual(['runs.export gate-report']);
    cleanup();
    // the desktop face: the report stays in the run's folder, on this machine, with no link
    render(RunKnockouts, { props: { lab, runId: '7' } });
    await fireEvent.click(await screen.findByTestId('gate-report'));
    expect((await screen.findByTestId('gate-report-path')).textContent).toContain('checkpoints/run-7/analytics/gate-report.html');
    expect(screen.queryByTestId('gate-report-download')).toBeNull();
    expect(calls).toEqual(['runs.export gate-report', 'analytics.report']);
  });
});
