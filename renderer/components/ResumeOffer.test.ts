// The "paused when GateLab quit" offer reaches a tab that reconnects on its own: serve stopped (Ctrl+C)
// while run 13 trained, so the lab paused it; started again, the open tab reconnects and must offer
// Resume it / Keep paused without a reload (audit H2 #1). The offer is asked for each time the connection opens.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import { createStores } from '../stores';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

describe('ResumeOffer', () => {
  it('appears after a reconnect when the lab paused runs as it quit, and Resume resumes them', async () => {
    let paused: string[] = [];
    const resumed: string[] = [];
    const t = handlerLab({
      'runs.pausedAtQuit': ({ clear }) => { const runIds = paused; if (clear) paused = []; return { runIds }; },
      'runs.resume': ({ id }) => (resumed.push(id), { ok: true as const }),
      'runs.list': () => [runSummary({ id: '13', template: 'tsmixer-gated', status: 'paused' })],
    });
    const stores = createStores(t.lab);
    stores.system.connection = 'open';
    window.location.hash = '#/settings';
    render(App, { props: { stores } });
    await waitFor(() => expect(t.calls.filter((c) => c.channel === 'runs.pausedAtQuit')).toHaveLength(1));
    expect(screen.queryByTestId('resume-offer')).toBeNull(); // nothing was paused at this start

    // serve stops (pausing run 13), the tab loses the socket, serve starts again and the tab reconnects
    stores.system.connection = 'closed';
    paused = ['13'];
    stores.system.connection = 'connecting';
    stores.system.connection = 'open';
    const offer = await screen.findByTestId('resume-offer');
    expect(offer.textContent).toContain('Run 13 was paused when GateLab quit (checkpointed).');
    await fireEvent.click(screen.getByRole('button', { name: 'Resume it' }));
    await waitFor(() => expect(screen.queryByTestId('resume-offer')).toBeNull());
    expect(resumed).toEqual(['13']);
  });

  it('does not ask while the connection is down', async () => {
    const t = handlerLab({ 'runs.pausedAtQuit': () => ({ runIds: ['4'] }) });
    const stores = createStores(t.lab);
    stores.system.connection = 'closed';
    window.location.hash = '#/settings';
    render(App, { props: { stores } });
    await new Promise((r) => setTimeout(r, 50));
    expect(t.calls.filter((c) => c.channel === 'runs.pausedAtQuit')).toEqual([]);
    stores.system.connection = 'open';
    expect((await screen.findByTestId('resume-offer')).textContent).toContain('Run 4 was paused');
  });
});
