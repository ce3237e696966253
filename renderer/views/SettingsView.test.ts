// Settings: a value the lab would refuse (threads = 0) is explained beside its field in the user's words
// and never sent; fixing it saves and removes the message. An error the lab itself returns is shown
// until the next successful save, and is gone after leaving the view and coming back.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import { createStores } from '../stores';
import { handlerLab } from '../stores/runs-test-lab';
import { LabError, type Settings } from '../../common/lab-api';

afterEach(() => cleanup());

const NOTE = "checkpoint 'checkpoints/run-7/epoch-00000003-step-00000096.ckpt' is damaged: its checksum is wrong; resuming from the previous valid checkpoint checkpoints/run-7/epoch-00000002-step-00000064.ckpt (step 64)";

/** What main/lab/lab/system.ts says of CUDA on a machine without its provider (verbatim). */
const NO_CUDA = 'the CUDA 12 provider of ONNX Runtime is not installed: run `npm run setup:gpu` (needs network and an NVIDIA GPU with CUDA 12)';
const CPU = { name: 'cpu' as const, available: true, reason: 'always' };

/** damaged: the lab's settings row is damaged (as main/lab/lab/system.ts reports it) until the next save, and run 7 resumed past a damaged checkpoint. */
function open(refuseConcurrent = false, damaged = false, executionProviders: { name: 'cpu' | 'cuda'; available: boolean; reason: string }[] = [CPU]) {
  let settings: Settings = { executionProvider: 'auto', threads: 1, concurrentRuns: 2, theme: 'light' };
  let mended = !damaged;
  const t = handlerLab({
    'system.info': () => ({
      version: '0', face: 'test', platform: 'linux', cores: 2, home: '/tmp/lab', executionProviders, unavailable: [], notice: null,
      ...(damaged ? {
        damagedSettings: mended ? [] : [{ key: 'lab', text: '{"threads": 2,,', what: 'Settings (execution provider, threads, concurrent runs, theme)' }],
        skippedCheckpoints: [{ runId: '7', note: NOTE }],
      } : {}),
    }),
    'settings.get': () => settings,
    'settings.set': (patch) => {
      if (refuseConcurrent && patch.concurrentRuns !== undefined && patch.concurrentRuns > 8) throw new LabError('invalid-payload', 'the lab refuses more than 8 concurrent runs here');
      mended = true;
      return (settings = { ...settings, ...patch });
    },
    'runs.pausedAtQuit': () => ({ runIds: [] }),
  });
  const stores = createStores(t.lab);
  stores.system.connection = 'open';
  window.location.hash = '#/settings';
  render(App, { props: { stores } });
  return { ...t, stores, settings: () => settings, sets: () => t.calls.filter((c) => c.channel === 'settings.set') };
}

describe('Settings view', () => {
  it('explains threads = 0 beside the field, does not send it, and clears the message once fixed', async () => {
    const s = open();
    await s.stores.system.load();
    const input = await screen.findByTestId('threads-input');
    await fireEvent.change(input, { target: { value: '0' } });
    expect((await screen.findByTestId('threads-error')).textContent).toBe('Threads per run must be at least 1.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(s.sets()).toEqual([]);
    expect(document.body.textContent).not.toContain('invalid payload');
    await fireEvent.change(input, { target: { value: '1.5' } });
    expect(screen.getByTestId('threads-error').textContent).toBe('Threads per run must be a whole number.');
    await fireEvent.change(input, { target: { value: '2' } });
    await waitFor(() => expect(s.settings().threads).toBe(2));
    expect(screen.queryByTestId('threads-error')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('bounds each input as the lab does, and names each input by its own label only', async () => {
    const s = open();
    await s.stores.system.load();
    const threads = await screen.findByTestId('threads-input');
    // The spinner's bounds are the ones the message quotes (common/lab-api Settings), not the core count.
    expect([threads.getAttribute('min'), threads.getAttribute('max')]).toEqual(['1', '256']);
    await fireEvent.change(threads, { target: { value: '999' } });
    expect((await screen.findByTestId('threads-error')).textContent).toBe('Threads per run can be at most 256.');
    expect(screen.getByTestId('concurrent-input').getAttribute('max')).toBe('64');
    // A hint mentioning "concurrent runs" no longer makes the threads box match that label.
    expect(screen.getAllByLabelText(/Concurrent runs/)).toEqual([screen.getByTestId('concurrent-input')]);
    expect(screen.getAllByLabelText(/Threads per run/)).toEqual([threads]);
    expect(threads.getAttribute('aria-describedby')).toContain('threads-hint');
  });

  it('warns of a damaged setting and a run resumed past a damaged checkpoint, in Settings and the status area; saving mends the setting', async () => {
    const s = open(false, true);
    await s.stores.system.load();
    expect((await screen.findByTestId('damaged-setting')).textContent).toBe('⚠ Settings (execution provider, threads, concurrent runs, theme): the stored value is damaged, so the defaults are in use until you save a setting here. Its text was {"threads": 2,,');
    const skipped = screen.getByTestId('skipped-checkpoint');
    expect(skipped.textContent).toBe(`⚠ Run 7 resumed past a damaged checkpoint (the steps after the one used were trained again): ${NOTE}`);
    expect(skipped.querySelector('a')!.getAttribute('href')).toBe('#/runs/7');
    const status = screen.getByTestId('status-warnings');
    expect(status.textContent!.trim()).toBe('⚠ 2 warnings');
    expect(status.getAttribute('href')).toBe('#/settings');

    await fireEvent.change(screen.getByTestId('threads-input'), { target: { value: '2' } });
    await waitFor(() => expect(screen.queryByTestId('damaged-setting')).toBeNull());
    expect(screen.getByTestId('skipped-checkpoint')).toBeTruthy();
    expect(screen.getByTestId('status-warnings').textContent!.trim()).toBe('⚠ 1 warning');
  });

  it('shows the command in why CUDA is unavailable as code, without backticks', async () => {
    const s = open(false, false, [CPU, { name: 'cuda' as const, available: false, reason: NO_CUDA }]);
    await s.stores.system.load();
    const reason = (await screen.findAllByTestId('ep-reason'))[1];
    expect(reason.textContent).toBe('the CUDA 12 provider of ONNX Runtime is not installed: run npm run setup:gpu (needs network and an NVIDIA GPU with CUDA 12)');
    expect([...reason.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['npm run setup:gpu']);
    expect(document.body.textContent).not.toContain('`');
  });

  it('shows no warnings when the lab reports none', async () => {
    const s = open();
    await s.stores.system.load();
    await screen.findByTestId('threads-input');
    expect(screen.queryByTestId('lab-warnings')).toBeNull();
    expect(screen.queryByTestId('status-warnings')).toBeNull();
  });

  it('shows an error the lab returns until the next successful save, and not after leaving and returning', async () => {
    const s = open(true);
    await s.stores.system.load();
    const input = await screen.findByTestId('concurrent-input');
    await fireEvent.change(input, { target: { value: '12' } });
    await screen.findByText(/refuses more than 8 concurrent runs/);
    await fireEvent.change(input, { target: { value: '4' } });
    await waitFor(() => expect(s.settings().concurrentRuns).toBe(4));
    await waitFor(() => expect(screen.queryByText(/refuses more than 8/)).toBeNull());

    await fireEvent.change(input, { target: { value: '12' } });
    await screen.findByText(/refuses more than 8 concurrent runs/);
    s.stores.router.go('datasets');
    await waitFor(() => expect(screen.queryByTestId('concurrent-input')).toBeNull());
    s.stores.router.go('settings');
    await screen.findByTestId('concurrent-input');
    expect(screen.queryByText(/refuses more than 8/)).toBeNull();
    expect(s.stores.system.error).toBeNull();
  });
});
