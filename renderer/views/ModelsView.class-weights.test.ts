// Models › Training › Class weights against a real Lab (child process, temp home): shown for a
// classification template (the click demo's 'clicked': 0/1, read as a boolean), hidden for a forecaster. Balanced, or one
// weight per class, goes into the config Start sends exactly as the CLI's `--set loss.classWeights=…` puts
// it; the one run trained here (custom) shows that the trainer weighs the classes the boxes named, in
// their order, and that "New run from this" keeps them. A weight that is not a positive number names its
// class and keeps Start off; a forecasting dataset drops the weights instead of sending them to a run
// that would refuse them.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels, runEnded, TABS } from '../fixtures/models-lab';
import { applyOverrides } from '../../main/lab/runs/run-overrides';
import type { Stores } from '../stores';
import { TrainingSettings } from '../stores/models.svelte';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => cleanup());

const weights = () => screen.queryByTestId('class-weights');
const mode = () => screen.getByTestId('class-weights-mode') as HTMLSelectElement;
const box = (name: string) => screen.getByLabelText(`Weight of class ${name}`) as HTMLInputElement;
const startButton = () => screen.getByTestId('start-runs') as HTMLButtonElement;

/** The click demo with the logistic-regression template, one seed, two steps: a run that ends in seconds. */
async function openClickDemo(): Promise<void> {
  await openModels(stores, demoOf(stores, 'recsys'), 'recsys', 'lr');
  stores.models.seeds = 1;
  stores.models.setTraining({ ...(TrainingSettings.parse({}) as Record<string, unknown>), epochs: 1, maxSteps: 2 });
}

/** The StartRuns requests the app sends while `act` runs; `queue`: false holds them back from the lab (no run is made). */
async function sentBy(act: () => Promise<void>, o: { queue: boolean }): Promise<Record<string, unknown>[]> {
  const sent: Record<string, unknown>[] = [];
  const invoke = stores.lab.invoke;
  stores.lab.invoke = ((channel: string, payload: unknown) => {
    if (channel !== 'runs.start') return invoke.call(stores.lab, channel as never, payload as never);
    sent.push((payload as { config: Record<string, unknown> }).config);
    return o.queue ? invoke.call(stores.lab, channel as never, payload as never) : Promise.reject(new Error('held back by the test: no run queued'));
  }) as typeof invoke;
  try {
    await act();
  } finally {
    stores.lab.invoke = invoke;
  }
  return sent;
}

const clickStart = async () => {
  await waitFor(() => expect(startButton().disabled).toBe(false));
  await fireEvent.click(startButton());
};

/** Clicks Start, returns the config the app sent and the id of the run it made, once that run has ended. */
async function start(): Promise<{ config: Record<string, unknown>; run: string }> {
  const sent = await sentBy(async () => {
    await clickStart();
    await waitFor(() => expect(stores.router.view).toBe('runs'));
  }, { queue: true });
  const run = stores.router.param!;
  await runEnded(stores, run);
  expect(sent).toHaveLength(1);
  return { config: sent[0], run };
}

/** The run's data line, where the trainer names the class weights it used. */
const dataLine = async (run: string) => (await stores.lab.invoke('runs.get', { id: run })).data?.line ?? '';

describe('Models › Training › Class weights', () => {
  it('balanced: said in the Training header, and sent as --set loss.classWeights=balanced sends it', async () => {
    await openClickDemo();
    expect(weights()).not.toBeNull();
    expect(mode().value).toBe('none');
    await fireEvent.change(mode(), { target: { value: 'balanced' } });
    expect(stores.models.training.loss).toEqual({ classWeights: 'balanced' });
    expect(screen.getByTestId('training-changed').textContent).toContain('class weights balanced');
    // what Start sends, held back from the lab: the custom run below shows the trainer reads it
    const sent = await sentBy(clickStart, { queue: false });
    expect(sent).toHaveLength(1);
    expect(sent[0].loss).toEqual(applyOverrides({}, [['loss.classWeights', 'balanced']]).loss);
    expect(sent[0]).toMatchObject({ epochs: 1, maxSteps: 2 });
  });

  it('custom: one box per class named by its value; a weight that is not positive names the class and keeps Start off', async () => {
    await openClickDemo();
    await fireEvent.change(mode(), { target: { value: 'custom' } });
    // the click demo's target 'clicked' holds 0/1, which the importer reads as a boolean: 0 is the negative
    // class, 1 the positive, named as the file writes them (as the run's data line names them), each at 1 to start from
    expect(within(weights()!).getAllByTestId('class-weight').map((b) => b.closest('label')!.textContent!.trim())).toEqual(['0 (negative)', '1 (positive)']);
    expect([box('0').value, box('1').value]).toEqual(['1', '1']);

    await fireEvent.change(box('1'), { target: { value: '0' } });
    expect(screen.getByTestId('class-weights-error').textContent).toBe("The weight of class '1' must be a positive number (got 0)");
    expect(startButton().disabled).toBe(true);
    expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Class weights');
    await fireEvent.change(box('1'), { target: { value: '' } });
    expect(screen.getByTestId('class-weights-error').textContent).toBe("Enter a weight for class '1'");
    expect(startButton().disabled).toBe(true);

    await fireEvent.change(box('1'), { target: { value: '5' } });
    expect(screen.queryByTestId('class-weights-error')).toBeNull();
    const { config, run } = await start();
    expect(config.loss).toEqual(applyOverrides({}, [['loss.classWeights', '[1,5]']]).loss);
    // the trainer weighs the classes in the order of the boxes: 0 (negative) 1, 1 (positive) 5
    expect(await dataLine(run)).toContain("class weights (given): '0' 1, '1' 5");

    // Runs › New run from this: the form takes the run's weights back, in their boxes
    await stores.runs.refresh();
    await fireEvent.click(await screen.findByTestId('new-run-from'));
    await waitFor(() => expect(stores.models.fromRun?.id).toBe(run));
    expect(stores.models.training.loss).toEqual({ classWeights: [1, 5] });
    await waitFor(() => expect(mode().value).toBe('custom'));
    expect([box('0').value, box('1').value]).toEqual(['1', '5']);
    expect(screen.getByTestId('training-changed').textContent).toContain('class weights 1, 5');
  });

  it('is not offered for a forecasting dataset, and weights chosen before are not sent to a forecaster', async () => {
    await openClickDemo();
    await fireEvent.change(mode(), { target: { value: 'balanced' } });
    await fireEvent.change(screen.getByTestId('model-dataset'), { target: { value: demoOf(stores, 'forecasting') } });
    await waitFor(() => expect(stores.models.family).toBe('forecasting'));
    await fireEvent.click(screen.getByRole('tab', { name: TABS.forecasting }));
    await waitFor(() => expect(screen.getByTestId('training-settings')).toBeTruthy());
    expect(weights()).toBeNull();
    await waitFor(() => expect(stores.models.training.loss).toBeUndefined());
    expect(screen.queryByTestId('training-changed')?.textContent ?? '').not.toContain('class weights');
  });

  it('Reset in the Training header puts them back to none', async () => {
    await openClickDemo();
    await fireEvent.change(mode(), { target: { value: 'balanced' } });
    await fireEvent.click(screen.getByTestId('training-reset'));
    expect(stores.models.training.loss).toBeUndefined();
    expect(mode().value).toBe('none');
  });
});
