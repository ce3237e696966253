// The browser face's access token: read from ?token= on the first load, then removed from the address
// bar (kept in sessionStorage), and still there for the socket URL of a reconnect or a reload.
// jsdom's real location, history and sessionStorage.
import { beforeEach, describe, expect, it } from 'vitest';
import { pageToken, socketUrl, TOKEN_KEY } from './ws-client';

beforeEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

describe('pageToken', () => {
  it('takes ?token= once, cleans the address bar (keeping other parameters and the route), then reads it from sessionStorage', () => {
    history.replaceState(null, '', '/?token=s3cret-T0ken&view=compact#/datasets/3');
    expect(pageToken(window.location, sessionStorage, history)).toBe('s3cret-T0ken');
    expect(window.location.search).toBe('?view=compact');
    expect(window.location.hash).toBe('#/datasets/3');
    expect(window.location.href).not.toContain('s3cret');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('s3cret-T0ken');
    // a reconnect (or reload) later: the URL has no token any more
    expect(pageToken(window.location, sessionStorage, history)).toBe('s3cret-T0ken');
    expect(socketUrl(window.location)).toBe(`ws://${window.location.host}/lab?token=s3cret-T0ken`);
  });

  it('a new ?token= (serve restarted, the user opened the new URL) replaces the kept one', () => {
    sessionStorage.setItem(TOKEN_KEY, 'old');
    history.replaceState(null, '', '/?token=new');
    expect(socketUrl(window.location)).toBe(`ws://${window.location.host}/lab?token=new`);
    expect(window.location.search).toBe('');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('new');
  });

  it('without a token anywhere the socket URL carries none (the cookie may still authenticate)', () => {
    expect(pageToken(window.location, sessionStorage, history)).toBeNull();
    expect(socketUrl(window.location)).toBe(`ws://${window.location.host}/lab`);
  });

  it('works when storage refuses (private mode): the token from the URL is still used', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    history.replaceState(null, '', '/?token=abc');
    expect(pageToken(window.location, refusing, history)).toBe('abc');
    expect(pageToken(window.location, refusing, history)).toBeNull();
  });
});
