// A LabApi client over any message transport (the browser's WebSocket; tests' in-process pipes).
// Matches replies to requests by id, turns error replies into LabError, fans events out to listeners.
import type { EventChannel, EventData, LabApi, RequestChannel, RequestPayload, RequestResult } from '../lab-api';
import { LabError } from './errors';
import type { WireMessage } from './wire';

export interface MessagePort {
  send(text: string): void;
}

export interface LabClient extends LabApi {
  /** Feed every message received from the lab here. */
  receive(message: WireMessage): void;
  /** Fails every pending request (the connection dropped). */
  failAll(reason: string): void;
}

export function createLabClient(port: MessagePort): LabClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  return {
    invoke<C extends RequestChannel>(channel: C, payload: RequestPayload<C>): Promise<RequestResult<C>> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        try {
          port.send(JSON.stringify({ id, channel, payload }));
        } catch (e) {
          pending.delete(id);
          reject(new LabError('internal', `could not reach the lab: ${(e as Error).message}`));
        }
      });
    },
    on<E extends EventChannel>(event: E, listener: (data: EventData<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (d: unknown) => void);
      return () => set.delete(listener as (d: unknown) => void);
    },
    receive(message) {
      if ('event' in message) {
        for (const l of listeners.get(message.event) ?? []) l(message.data);
        return;
      }
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if (message.ok) p.resolve(message.result);
      else p.reject(LabError.from(message.error));
    },
    failAll(reason) {
      for (const p of pending.values()) p.reject(new LabError('internal', reason));
      pending.clear();
    },
  };
}
