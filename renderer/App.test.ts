// Focus after a view change, against a real Lab (child process, temp home): opening the app leaves focus
// where the browser put it; Alt+1…6, a nav link and a button that opens another view (as Start runs opens
// Runs) move it to the new view's h1, so the next Tab starts in that view and not at "Skip to content".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { openLabStores, type LabProcess } from './fixtures/lab-stores';
import App from './App.svelte';
import type { Stores } from './stores';

let lab: LabProcess;
let stores: Stores;

beforeAll(async () => {
  ({ lab, stores } = await openLabStores());
  await Promise.all([stores.system.load(), stores.datasets.refresh()]);
});
afterAll(async () => {
  cleanup();
  await lab?.stop();
});

const focusedHeading = () => {
  const el = document.activeElement as HTMLElement | null;
  return el?.tagName === 'H1' ? el.textContent : `${el?.tagName} ${el?.textContent?.slice(0, 40)}`;
};

describe('focus after navigation', () => {
  it('does not move focus on the first load, then moves it to each new view’s heading', async () => {
    window.location.hash = '#/datasets';
    render(App, { props: { stores } });
    await screen.findByRole('heading', { level: 1, name: 'Datasets' });
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(document.body);

    await fireEvent.keyDown(window, { key: '2', altKey: true }); // Alt+2: Models
    await waitFor(() => expect(focusedHeading()).toBe('Models'));
    const h1 = document.activeElement as HTMLElement;
    expect(h1.getAttribute('tabindex')).toBe('-1'); // focusable by script, not a Tab stop

    await fireEvent.keyDown(window, { key: '6', altKey: true }); // Alt+6: Settings
    await waitFor(() => expect(focusedHeading()).toBe('Settings'));

    await fireEvent.click(screen.getByTestId('nav-runs'));
    window.location.hash = '#/runs'; // jsdom does not follow a link's href: the hash change is what a click does
    await waitFor(() => expect(focusedHeading()).toBe('Runs'));
  });

  it('a button that opens another view (Build a model →, like Start runs) leaves focus on the new heading, not <body>', async () => {
    await fireEvent.keyDown(window, { key: '1', altKey: true });
    await waitFor(() => expect(focusedHeading()).toBe('Datasets'));
    // the button shows once the selected dataset's details come from the lab's child process: on a loaded
    // machine that took longer than testing-library's 1 s default
    const build = await screen.findByRole('button', { name: 'Build a model →' }, { timeout: 15_000 });
    build.focus();
    await fireEvent.click(build);
    await waitFor(() => expect(focusedHeading()).toBe('Models'));
    expect(build.isConnected).toBe(false); // the button focus was on is gone with its view
  });
});
