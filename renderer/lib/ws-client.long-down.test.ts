// @vitest-environment node
// While the lab stays unreachable the banner keeps saying it retries; after LONG_DOWN_MS it adds that a
// restarted GateLab may have printed another address (serve moves when its old port is busy), and once
// the socket opens again the next drop starts the count afresh. Fake timers and a scripted WebSocket:
// the lab is "down" until the test lets the next socket open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectSocketLab, LONG_DOWN_MS, type ConnectionState } from './ws-client';

/** Sockets created so far; each either opens or closes when the test says. */
const sockets: FakeSocket[] = [];
class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    sockets.push(this);
  }
  send(): void {}
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  fail(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

const MOVED = /If you restarted GateLab and it printed a different address, open that one/;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed'))); // nothing listens: no 401
  sockets.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Fails the newest socket (the lab is down) and waits for the client to report it and schedule a retry. */
async function dropLatest(states: [ConnectionState, string][]): Promise<string> {
  const seen = states.length;
  sockets.at(-1)!.fail();
  await vi.waitFor(() => expect(states.length).toBeGreaterThan(seen));
  return states.at(-1)![1];
}

describe('the lost-connection text over time', () => {
  it('says only "retrying" at first, adds the other-address advice after ten seconds down, and starts over after a reconnect', async () => {
    const states: [ConnectionState, string][] = [];
    const client = connectSocketLab('ws://127.0.0.1:1/lab');
    client.onState((s, d) => states.push([s, d]));
    sockets[0].open();
    expect(states.at(-1)).toEqual(['open', '']);

    expect(await dropLatest(states)).toBe('the lab is not reachable; retrying');
    // keep failing every retry until just under the limit: the short text each time
    const start = Date.now();
    while (Date.now() - start < LONG_DOWN_MS - 1000) {
      const count = sockets.length;
      await vi.advanceTimersByTimeAsync(1000);
      if (sockets.length > count) expect(await dropLatest(states)).not.toMatch(MOVED);
    }
    // past ten seconds: the next failed retry says to look for another address
    let text = '';
    while (!MOVED.test(text)) {
      const count = sockets.length;
      await vi.advanceTimersByTimeAsync(1000);
      if (sockets.length > count) text = await dropLatest(states);
      expect(Date.now() - start).toBeLessThan(LONG_DOWN_MS + 6000); // within one backoff of the limit
    }
    expect(text).toBe('the lab is not reachable; retrying. If you restarted GateLab and it printed a different address, open that one');

    // the lab is back: open clears it, and a later drop is a fresh, short outage
    const count = sockets.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(sockets.length).toBe(count + 1);
    sockets.at(-1)!.open();
    expect(states.at(-1)).toEqual(['open', '']);
    expect(await dropLatest(states)).toBe('the lab is not reachable; retrying');
  });
});
