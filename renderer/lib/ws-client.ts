// LabApi over the serve-mode WebSocket (/lab). The HttpOnly cookie set on first load authenticates
// the socket; the ?token= of the page URL is passed too, for a browser that blocks cookies.
// Requests made while (re)connecting wait in a queue; a dropped socket fails pending requests
// and reconnects with backoff, and `connection.state` tells the UI.
import { createLabClient, type LabClient } from '../../common/lab-api/client';
import type { WireMessage } from '../../common/lab-api/wire';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface SocketLab extends LabClient {
  onState(listener: (s: ConnectionState, detail: string) => void): () => void;
}

export function socketUrl(location: Location): string {
  const token = new URLSearchParams(location.search).get('token');
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/lab${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

export function connectSocketLab(url: string): SocketLab {
  let ws: WebSocket | null = null;
  let queue: string[] = [];
  let delay = 250;
  const stateListeners = new Set<(s: ConnectionState, detail: string) => void>();
  const setState = (s: ConnectionState, detail = '') => stateListeners.forEach((l) => l(s, detail));

  const client = createLabClient({
    send(text) {
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
    ws.onclose = (e) => {
      client.failAll(`connection to the lab closed (${e.code}${e.reason ? `: ${e.reason}` : ''})`);
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
