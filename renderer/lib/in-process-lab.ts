// LabApi from a function that answers with Reply objects: the Electron bridge, or a Lab in the same
// (or a child) process for component tests. Same validation, replies and events as every transport.
import { LabError, type EventChannel, type LabApi } from '../../common/lab-api';
import type { Reply } from '../../common/lab-api/dispatch';
import { speakingPlainly } from './user-errors';

export function labFromReplies(
  invoke: (channel: string, payload: unknown) => Promise<Reply>,
  on: (event: EventChannel, listener: (data: unknown) => void) => () => void,
): LabApi {
  return {
    async invoke(channel, payload) {
      const reply = await invoke(channel, payload);
      if (!reply.ok) throw LabError.from(reply.error);
      return reply.result as never;
    },
    on: (event, listener) => on(event, listener as (data: unknown) => void),
  };
}

export interface Dispatcher {
  dispatch(channel: unknown, payload: unknown): Promise<Reply>;
  onEvent(listener: (event: EventChannel, data: unknown) => void): () => void;
}

/** Over a Dispatcher, with a JSON round trip as over the wire: nothing shared by reference; errors as the app's LabApi gives them (lab.ts). */
export function inProcessLab(lab: Dispatcher): LabApi {
  const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  return speakingPlainly(labFromReplies(
    async (channel, payload) => copy(await lab.dispatch(channel, copy(payload))),
    (event, listener) => lab.onEvent((e, data) => e === event && listener(copy(data))),
  ));
}
