// `npm start` explains a lab killed from outside (OOM killer, kill -9) instead of exiting 1 in silence, and
// stays quiet when the user stopped it.
import { describe, expect, it } from 'vitest';
import { unexpectedExitMessage } from './lab-exit.mjs';

describe('unexpectedExitMessage', () => {
  it('names the signal, says the runs are safe and what to do, for a kill nobody here sent', () => {
    const line = unexpectedExitMessage('SIGKILL', null)!;
    expect(line).toContain('the lab stopped unexpectedly (killed by SIGKILL, e.g. the out-of-memory killer or kill -9)');
    expect(line).toContain('Your runs are safe: run npm start again');
    expect(unexpectedExitMessage('SIGSEGV', 'SIGINT')).toContain('(killed by SIGSEGV)');
    // a SIGTERM from elsewhere (not through start.mjs) is unexpected too
    expect(unexpectedExitMessage('SIGTERM', null)).toContain('killed by SIGTERM');
  });

  it('says nothing for the stop the user asked for, or an exit with a code', () => {
    expect(unexpectedExitMessage('SIGINT', 'SIGINT')).toBeNull();
    expect(unexpectedExitMessage('SIGTERM', 'SIGTERM')).toBeNull();
    expect(unexpectedExitMessage(null, null)).toBeNull();
  });
});
