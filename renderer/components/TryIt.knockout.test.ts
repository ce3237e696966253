// Try it opened by a Knockouts row's "Try on rows" (its `knockout` prop): the first test rows are predicted
// at once and What if shows that knockout, without a click; a knockout the run does not allow picks
// nothing. Probabilities that round to 100 % or 0 % say they are near certainty, not at it; a lab older
// than the app (no analytics.knockoutChoices) says to restart it. The lab answers through the real dispatch.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { LabError, type LabHandlers } from '../../common/lab-api';

afterEach(() => cleanup());

// a GMU of three modalities; the test rows' logits: 9 (a near-sure 1), -9 (a near-sure 0), 0
const logits = [9, -9, 0];
const handlers = (over: Partial<LabHandlers> = {}): Partial<LabHandlers> => ({
  'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), data: { line: 'fusion: 12 train / 3 validation / 3 test samples', logScaled: [] }, config: { model: { template: 'gmu', modalities: [{ name: 'context', dim: 4 }, { name: 'sensor', dim: 4 }, { name: 'camera', dim: 8 }] } } }),
  'runs.try': ({ rows }) => ({ task: 'binary', prediction: 'logits', target: 'label', testRows: 3, onnxPath: '/tmp/run-5.onnx', rows: rows.map((row) => ({ row, prediction: [logits[row] ?? 0], target: [1] })) }),
  'analytics.knockoutChoices': ({ id }) => ({ id, choices: (['z0', 'z1', 'z2'] as const).flatMap((z) => (['open', 'closed'] as const).map((mode) => ({ gate: `gmu.${z}`, kind: 'gate' as const, mode }))), none: null }),
  'analytics.knockoutRows': ({ id, gate, mode, rows }) => ({ id, runId: Number(id), knockout: { gate, kind: 'gate', mode }, task: 'binary', forecast: false, prediction: 'logits', target: 'label', testRows: 3,
    rows: rows.map((row) => ({ row, trained: [logits[row] ?? 0], knockedOut: [-(logits[row] ?? 0)], target: [1], gate: [0.5] })) }),
  ...over,
});
const cells = () => screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));

describe('Try it with a knockout handed to it', () => {
  it('predicts the first test rows at once and shows the knockout in What if, near-certain probabilities as "> 99.9 %" / "< 0.1 %"', async () => {
    const { lab, calls } = handlerLab(handlers());
    render(TryIt, { props: { lab, runId: '5', knockout: 'gmu.z2 closed' } });
    expect((await screen.findByTestId('try-whatif-head')).textContent).toBe('With gmu · camera closed');
    expect((screen.getByTestId('try-whatif') as HTMLSelectElement).value).toBe('gmu.z2 closed');
    // the run's 3 test rows (its first ten, within its split), asked once
    expect(calls.filter((c) => c.channel === 'runs.try').map((c) => c.payload)).toEqual([{ id: '5', rows: [0, 1, 2] }]);
    expect(cells().map((r) => [r[1], r[4], r[5]])).toEqual([['> 99.9 %', '> 99.9 %', '< 0.1 %'], ['< 0.1 %', '< 0.1 %', '> 99.9 %'], ['50.0 %', '50.0 %', '50.0 %']]);
    // the user's pick from then on: another Predict keeps "no knockout", not the handed one
    await fireEvent.change(screen.getByTestId('try-whatif'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('try-run'));
    await waitFor(() => expect(calls.filter((c) => c.channel === 'runs.try')).toHaveLength(2));
    await waitFor(() => expect((screen.getByTestId('try-run') as HTMLButtonElement).textContent).toBe('Predict'));
    expect(screen.queryByTestId('try-whatif-head')).toBeNull();
  });

  it('a knockout the run does not allow picks nothing; without one, Try it waits for Predict', async () => {
    const { lab } = handlerLab(handlers());
    render(TryIt, { props: { lab, runId: '5', knockout: 'router single 2' } });
    const select = (await screen.findByTestId('try-whatif')) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(screen.queryByTestId('try-whatif-head')).toBeNull();
    cleanup();
    const plain = handlerLab(handlers());
    render(TryIt, { props: { lab: plain.lab, runId: '5' } });
    await waitFor(() => expect(plain.calls.some((c) => c.channel === 'runs.get')).toBe(true));
    await waitFor(() => expect(screen.getByTestId('try-rows')).toHaveProperty('value', '0-2'));
    expect(plain.calls.filter((c) => c.channel === 'runs.try')).toEqual([]);
  });

  it('a lab older than the app (it does not know analytics.knockoutChoices) says to restart it, not a channel name', async () => {
    const older = handlers({ 'analytics.knockoutChoices': () => { throw new LabError('unknown-channel', "'analytics.knockoutChoices' is not a LabApi channel"); } });
    const { lab } = handlerLab(older);
    render(TryIt, { props: { lab, runId: '5' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    expect((await screen.findByTestId('try-whatif-none')).textContent).toBe('What if: this lab is older than the app: restart gatelab serve (or the app)');
  });
});
