// LabApi over the serve-mode WebSocket (/lab). The HttpOnly cookie set on first load authenticates
// the socket; the page's token (from ?token= on first load, then sessionStorage) is passed too, for a
// browser that blocks cookies.
// Requests made while (re)connecting wait in a queue; a dropped socket fails pending requests
// and reconnects with backoff, and `connection.state` tells the UI. A browser hides why an upgrade
// failed, so after a drop one cheap HTTP request with the same token asks: a 401 means the lab is up
// but no longer knows this page's token (`gatelab serve` was restarted with a new one), and retrying
// could never succeed: the client stops and says which URL to open.
import { createLabClient, type LabClient } from '../../common/lab-api/client';
import type { WireMessage } from '../../common/lab-api/wire';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface SocketLab extends LabClient {
  onState(listener: (s: ConnectionState, detail: string) => void): () => void;
}

/** Where a tab keeps its token once the address bar no longer shows it (per tab, per origin: host and port). */
export const TOKEN_KEY = 'gatelab.token';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;
type AddressBar = Pick<History, 'replaceState' | 'state'>;

/**
 * The access token of this page. On the first load it is in `?token=`: it is kept in sessionStorage
 * and removed from the address bar (history, screenshots and shared screens then do not show it);
 * after that, and on a reload, it comes from sessionStorage. The HttpOnly cookie authenticates too;
 * this copy serves reconnects in a browser that refuses cookies.
 */
export function pageToken(location: Pick<Location, 'search' | 'pathname' | 'hash'>, storage?: TokenStorage, history?: AddressBar): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      storage?.setItem(TOKEN_KEY, fromUrl);
    } catch {
      /* storage disabled: the cookie still works */
    }
    params.delete('token');
    const rest = params.toString();
    history?.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The socket URL of this page's lab; the token comes from pageToken() (which also cleans the address bar). */
export function socketUrl(location: Location, token = pageToken(location, globalThis.sessionStorage, globalThis.history)): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/lab${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/** What the banner says when the lab answers but refuses this page's token. */
export const RESTARTED = 'GateLab was restarted: open the new URL it printed (this page\'s access token is no longer valid)';

/** True when the lab is up and answers 401 to this socket URL's token (the probe is any HTTP request). */
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
      client.failAll(`connection to the lab closed (${e.code}${e.reason ? `: ${e.reason}` : ''})`);
      if (e.code !== 1009 && (await tokenRefused(url))) {
        refused = true;
        client.failAll(RESTARTED); // requests queued while probing
        queue = [];
        return setState('closed', RESTARTED);
      }
      setState('closed', e.code === 1009 ? 'a message was too large for the lab' : 'the lab is not reachable; retrying');
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
