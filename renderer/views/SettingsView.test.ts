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

function open(refuseConcurrent = false) {
  let settings: Settings = { executionProvider: 'auto', threads: 1, concurrentRuns: 2, theme: 'light' };
  const t = handlerLab({
    'system.info': () => ({ version: '0', face: 'test', platform: 'linux', cores: 2, home: '/tmp/lab', executionProviders: [{ name: 'cpu', available: true, reason: 'always' }], unavailable: [], notice: null }),
    'settings.get': () => settings,
    'settings.set': (patch) => {
      if (refuseConcurrent && patch.concurrentRuns !== undefined && patch.concurrentRuns > 8) throw new LabError('invalid-payload', 'the lab refuses more than 8 concurrent runs here');
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
