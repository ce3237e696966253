// What `npm start` says when the lab process ends. Killed by a signal that start.mjs did not pass on (the
// out-of-memory killer, kill -9), `npm start` used to exit 1 with nothing printed, leaving the user to guess
// whether the lab crashed and whether their runs survived. They do: the store is SQLite with a write-ahead
// log, and a run that was training is marked interrupted at the next start, resumable from its checkpoint.
import { constants } from 'node:os';

/**
 * The line to print when the lab exits with `signal` (null: it exited by itself, with a code), or null when
 * there is nothing to explain: an ordinary exit, or the stop the user asked for (`forwarded`: the signal
 * start.mjs passed on, Ctrl-C's SIGINT or a service manager's SIGTERM).
 */
export function unexpectedExitMessage(signal, forwarded) {
  if (!signal || signal === forwarded) return null;
  const how = signal === 'SIGKILL' ? `${signal}, e.g. the out-of-memory killer or kill -9` : signal;
  return `GateLab: the lab stopped unexpectedly (killed by ${how}). Your runs are safe: run npm start again; ` +
    'a run that was training shows as interrupted, and Resume continues it from its last checkpoint.';
}

/**
 * `npm start`'s own exit code for the lab's exit: the lab's code, or 128 + the signal's number when a signal
 * ended it, as shells report it (130 for Ctrl-C's SIGINT, 137 for SIGKILL, 143 for SIGTERM). A script or
 * service manager can then tell a kill from the lab's own failure (exit 1), which a flat 1 hid.
 */
export function exitCodeOf(code, signal) {
  if (code !== null) return code;
  if (!signal) return 0;
  const number = constants.signals[signal];
  return number === undefined ? 1 : 128 + number;
}
