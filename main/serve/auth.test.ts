// The 401 page is where a user lands after closing the browser (its access cookie is a session cookie) and
// opening the lab's address again: it must name every way back in that exists, with this lab's port and the
// file the token is saved in, not just "the URL serve printed" (npm start opens the browser for you, so that
// URL may have gone unread).
import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { checkRequest, waysBackIn } from './auth';

const PORT = 41234;
const TOKEN = 'T'.repeat(32);

/** A loopback request for `url` as a browser sends it, with `cookie` when given. */
function request(url: string, cookie?: string): IncomingMessage {
  return { url, socket: { remoteAddress: '127.0.0.1' }, headers: { host: `127.0.0.1:${PORT}`, ...(cookie ? { cookie } : {}) } } as unknown as IncomingMessage;
}

function refusal(url: string, options: Parameters<typeof checkRequest>[3] = {}): string {
  const verdict = checkRequest(request(url), TOKEN, PORT, options);
  if (verdict.ok) throw new Error(`${url} was let in`);
  expect(verdict.status).toBe(401);
  return verdict.reason;
}

describe('the 401 page: every way back in', () => {
  it('a reopened browser (no cookie) is told the printed URL, the token file with this port, and npm start', () => {
    const reason = refusal('/', { tokenFile: '/home/me/.config/GateLab/serve-token' });
    expect(reason.split('\n')).toEqual([
      'missing or wrong token: this browser has no access to this lab (a browser forgets it when it is closed, so a tab reopened later lands here)',
      'Ways back in:',
      `- open the URL that \`npm start\` or \`gatelab serve\` printed as its first line, http://127.0.0.1:${PORT}/?token=… (it stays the same across restarts)`,
      `- or open http://127.0.0.1:${PORT}/?token= followed by the text in /home/me/.config/GateLab/serve-token (a file only you can read)`,
      '- or run `npm start` again: it opens the lab for you (the desktop app, or without Electron your browser); while this lab runs, as a second lab process on the same lab home, so runs and datasets are shared',
    ]);
  });

  it('a used single-use link says so, then the same ways', () => {
    const reason = refusal('/open/used-code', { redeem: () => false, tokenFile: '/lab/serve-token' });
    expect(reason).toBe(`this link to open GateLab was already used or is more than a minute old\n${waysBackIn(PORT, '/lab/serve-token')}`);
    expect(reason).toContain('/lab/serve-token');
  });

  it('with a one-time token (not saved) no file is named, and it says why', () => {
    const reason = refusal('/', { tokenFile: null });
    expect(reason).not.toContain('followed by the text in');
    expect(reason).toContain('this lab\'s token is not saved, as serve warned when it started: only its printed URL works, until it stops');
    expect(reason).toContain('`npm start` again');
  });

  it('names no file when the caller does not know it', () => {
    expect(waysBackIn(PORT)).not.toContain('followed by the text in');
    expect(waysBackIn(PORT)).not.toContain('not saved');
  });

  it('still lets the right token in, by query or by the port\'s cookie', () => {
    expect(checkRequest(request(`/?token=${TOKEN}`), TOKEN, PORT)).toMatchObject({ ok: true, via: 'query' });
    expect(checkRequest(request('/', `gatelab_token_${PORT}=${TOKEN}`), TOKEN, PORT)).toMatchObject({ ok: true, via: 'cookie' });
  });
});
