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
});
