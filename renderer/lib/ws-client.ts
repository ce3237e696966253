// LabApi over the serve-mode WebSocket (/lab). The HttpOnly cookie serve sets when the printed URL is
// opened authenticates the socket (a browser that refuses cookies cannot load the page's assets either).
// Requests made while (re)connecting wait in a queue; a dropped socket fails pending requests
// and reconnects with backoff, and `connection.state` tells the UI. A browser hides why an upgrade
// failed, so after a drop one cheap HTTP request with the same cookie asks: a 401 means the lab is up
// but no longer knows this page's token (`gatelab serve` was restarted with a new one), and retrying
// could never succeed: the client stops and says which URL to open.
import { createLabClient, type LabClient } from '../../common/lab-api/client';
import type { WireMessage } from '../../common/lab-api/wire';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface SocketLab extends LabClient {
  onState(listener: (s: ConnectionState, detail: string) => void): () => void;
}

/**
 * The socket URL of this page's lab. No token in it: the page is only ever loaded after serve's 302 from
 * `/?token=…` (or `/open/CODE`) to `/`, which sets the HttpOnly token cookie, and the browser sends that
 * cookie with the socket's upgrade request (same origin) as with every asset.
 */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/lab`;
}

/** What the banner says when the lab answers but refuses this page's token. */
export const RESTARTED = 'GateLab was restarted: open the new URL it printed (this page\'s access token is no longer valid)';

/** How long the lab may be unreachable before the banner suggests the restarted lab printed another address. */
export const LONG_DOWN_MS = 10_000;

/**
 * What the banner says while the lab does not answer. Serve reuses its port after a restart, but moves to
 * another when that one is busy: after a while a page left at the old address would retry for ever.
 */
export function notReachable(downForMs: number): string {
  const retrying = 'the lab is not reachable; retrying';
  return downForMs < LONG_DOWN_MS ? retrying : `${retrying}. If you restarted GateLab and it printed a different address, open that one`; // the banner adds the full stop
}

/** True when the lab is up and answers 401 to this socket URL (its ?token=, or from a page the cookie; the probe is any HTTP request). */
export async function tokenRefused(socketUrl: string): Promise<boolean> {
  try {
    const r = await fetch(socketUrl.replace(/^ws/, 'http'), { cache: 'no-store', credentials: 'same-origin' });
    return r.status === 401;
  } catch {
    return false; // not reachable at all: a restart in progress, worth retrying
  }
}

export function connectSocketLab(url: string): SocketLab {
  let ws: WebSocket | null = null;
  let queue: string[] = [];
  let delay = 250;
  /** Set once the lab refused this page's token: nothing sent from here can succeed any more. */
  let refused = false;
  /** When the connection last dropped (Date.now()), null while it is open. */
  let downSince: number | null = null;
  const stateListeners = new Set<(s: ConnectionState, detail: string) => void>();
  const setState = (s: ConnectionState, detail = '') => stateListeners.forEach((l) => l(s, detail));

  const client = createLabClient({
    send(text) {
      if (refused) throw new Error(RESTARTED);
      if (ws?.readyState === WebSocket.OPEN) ws.send(text);
      else queue.push(text);
    },
  });

  const open = () => {
    setState('connecting');
    ws = new WebSocket(url);
    ws.onopen = () => {
      delay = 250;
      downSince = null;
      setState('open');
      for (const t of queue) ws!.send(t);
      queue = [];
    };
    ws.onmessage = (e) => {
      try {
        client.receive(JSON.parse(String(e.data)) as WireMessage);
      } catch {
        /* a malformed frame from the lab is a lab bug; ignore it rather than break the UI */
      }
    };
    ws.onerror = () => {}; // a failed socket always closes too: onclose handles it
    ws.onclose = async (e) => {
      const since = (downSince ??= Date.now());
      client.failAll(`connection to the lab closed (${e.code}${e.reason ? `: ${e.reason}` : ''})`);
      if (e.code !== 1009 && (await tokenRefused(url))) {
        refused = true;
        client.failAll(RESTARTED); // requests queued while probing
        queue = [];
        return setState('closed', RESTARTED);
      }
      setState('closed', e.code === 1009 ? 'a message was too large for the lab' : notReachable(Date.now() - since));
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  open();
  return Object.assign(client, {
    onState(listener: (s: ConnectionState, detail: string) => void) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  });
}
