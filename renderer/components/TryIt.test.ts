// Try it on a run whose dataset was deleted (audit A20): Predict is off up front and says why, instead of
// failing on click. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

describe('Try it', () => {
  it('is disabled with the reason when the run’s dataset is gone, and a submit asks the lab nothing', async () => {
    const problem = 'its dataset (id 2) was deleted, so knockouts, the gate report and Try it have no test split to run on; import the file again and start a new run from this one';
    const { lab, calls } = handlerLab({ 'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu', dataProblem: problem }), config: {} }) });
    render(TryIt, { props: { lab, runId: '3' } });
    expect((await screen.findByTestId('try-unavailable')).textContent).toBe(`Not available: ${problem}.`);
    const predict = screen.getByTestId('try-run') as HTMLButtonElement;
    expect(predict.disabled).toBe(true);
    await fireEvent.submit(predict.closest('form')!);
    expect(calls.filter((c) => c.channel === 'runs.try')).toEqual([]);
  });

  it('stays enabled for a run whose data is there', async () => {
    const { lab } = handlerLab({ 'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), config: {} }) });
    render(TryIt, { props: { lab, runId: '3' } });
    await waitFor(() => expect(screen.getByTestId('try-run')).toBeTruthy());
    expect((screen.getByTestId('try-run') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('try-unavailable')).toBeNull();
  });
});
