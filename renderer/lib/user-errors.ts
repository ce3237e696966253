// The lab names the LabApi channel a refusal came from ("splits.create: The ETT split needs 20 months…"):
// useful in the CLI and logs, but in the app it reads as an internal method name beside the button the
// user pressed ("Create split: splits.create: …"). The UI's LabApi drops that prefix from every error it
// hands to views, once, here; uiHint drops it too for messages that reached a view some other way.
import { isRequestChannel, LabError, type LabApi } from '../../common/lab-api';

/** "splits.create: The ETT split needs…" → "The ETT split needs…"; only real channel names are dropped. */
export function withoutChannel(message: string): string {
  const m = /^([a-z][A-Za-z]*\.[A-Za-z.]+): /.exec(message);
  return m && isRequestChannel(m[1]) ? message.slice(m[0].length) : message;
}

/** The same error as a LabError whose message has no channel prefix (its code is kept). */
export function plainLabError(e: unknown): LabError {
  const err = LabError.from(e);
  const message = withoutChannel(err.message);
  return message === err.message ? err : new LabError(err.code, message);
}

/** `api` whose rejected invokes carry plain messages; events pass through untouched. */
export function speakingPlainly(api: LabApi): LabApi {
  return {
    invoke: (channel, payload) => api.invoke(channel, payload).catch((e: unknown) => { throw plainLabError(e); }),
    on: (event, listener) => api.on(event, listener),
  };
}
