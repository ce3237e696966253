// The one place a raw request (from IPC or a WebSocket) becomes a handler call: the channel must be
// in the map, the payload must pass its schema, and whatever happens the caller gets a Reply, never a throw.
import { z } from 'zod';
import { REQUESTS, isRequestChannel, type LabHandlers } from '../lab-api';
import { LabError } from './errors';

export type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

/** "runs.start: seeds: Too big: expected number to be <=64" — the path of each problem, first three. */
export function describeZodError(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return `${channel}: invalid payload — ${parts.join('; ')}${more}`;
}

export async function dispatch(handlers: LabHandlers, channel: unknown, payload: unknown): Promise<Reply> {
  if (!isRequestChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
    return { ok: false, error: new LabError('unknown-channel', `'${name}' is not a LabApi channel`).toJSON() };
  }
  const spec = REQUESTS[channel];
  const parsed = spec.payload.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: new LabError('invalid-payload', describeZodError(channel, parsed.error)).toJSON() };
  try {
    const handler = handlers[channel] as (p: unknown) => unknown;
    const result = await handler(parsed.data);
    // The result schema is the contract the UI codes against: a lab bug shows up here, named.
    const checked = spec.result.safeParse(result);
    if (!checked.success) return { ok: false, error: new LabError('internal', `lab returned a bad result for ${describeZodError(channel, checked.error).replace('invalid payload', 'result')}`).toJSON() };
    return { ok: true, result: checked.data };
  } catch (e) {
    const err = LabError.from(e);
    return { ok: false, error: err.toJSON() };
  }
}
