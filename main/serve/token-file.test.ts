// Serve's access token kept in the lab home: the same URL after a restart, a new one on request, and a
// token file others could read (or that holds no token) refused with what to do. Over real files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveToken, TOKEN_FILE } from './token-file';

let home: string;
beforeEach(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-token-')); });
afterEach(() => { chmodSync(home, 0o700); rmSync(home, { recursive: true, force: true }); });

const posix = process.platform !== 'win32';

describe('serve token file', () => {
  it('is made on the first start (0600), reused on the next, replaced by --new-token', () => {
    const first = serveToken(home);
    expect(first).toMatchObject({ file: join(home, TOKEN_FILE), created: true });
    expect(first.token).toMatch(/^[\w-]{32}$/);
    expect(readFileSync(first.file!, 'utf8')).toBe(`${first.token}\n`);
    if (posix) expect(statSync(first.file!).mode & 0o777).toBe(0o600);

    expect(serveToken(home)).toEqual({ token: first.token, file: first.file, created: false });

    const renewed = serveToken(home, { renew: true });
    expect(renewed.created).toBe(true);
    expect(renewed.token).not.toBe(first.token);
    expect(serveToken(home).token).toBe(renewed.token);
    if (posix) expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(readdirSync(home)).toEqual([TOKEN_FILE]); // no temp file left beside it
  });

  it.skipIf(!posix)('refuses a token file other users can read, and leaves it as it is', () => {
    const { file, token } = serveToken(home);
    chmodSync(file!, 0o644);
    expect(() => serveToken(home)).toThrow(`the access token in ${file} can be read by other users (mode 0644), so it may be known to them: run \`gatelab serve --new-token\``);
    expect(readFileSync(file!, 'utf8')).toBe(`${token}\n`);
    // the way out it names
    const renewed = serveToken(home, { renew: true });
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(serveToken(home).token).toBe(renewed.token);
  });

  it('refuses a file that holds no token (empty, edited, too short to be safe)', () => {
    for (const text of ['', 'secret\n', 'x'.repeat(31), 'a b'.repeat(20)]) {
      writeFileSync(join(home, TOKEN_FILE), text, { mode: 0o600 });
      expect(() => serveToken(home)).toThrow(`${join(home, TOKEN_FILE)} does not hold an access token (at least 32 of the characters A-Z a-z 0-9 _ -): run \`gatelab serve --new-token\``);
    }
    writeFileSync(join(home, TOKEN_FILE), `${'k'.repeat(40)}\n`, { mode: 0o600 });
    expect(serveToken(home).token).toBe('k'.repeat(40)); // one written by hand, if strong enough
  });

  // root can write anywhere: the case needs an ordinary user
  it.skipIf(!posix || process.getuid?.() === 0)('where it cannot be saved: a token for this run and a warning saying so', () => {
    chmodSync(home, 0o500);
    const t = serveToken(home);
    expect(t).toMatchObject({ file: null, created: true });
    expect(t.warning).toMatch(/^could not save the access token in .*serve-token \(EACCES\): the URL works until serve stops/);
  });
});
