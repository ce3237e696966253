// Serve's access token kept in the lab home: the same URL after a restart, a new one on request, and a
// token file others could read made private and replaced, a file system without modes handled, and one
// that holds no token refused with what to do. Over real files.
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

  it.skipIf(!posix)('a token file other users can read is made private again and gets a new token (the old one may be known)', () => {
    const { file, token } = serveToken(home);
    chmodSync(file!, 0o644);
    const replaced = serveToken(home);
    expect(replaced).toMatchObject({ file, created: true });
    expect(replaced.notice).toBe(`the access token in ${file} could be read by other users (mode 0644), so it may be known to them: ` +
      'the file is private again (0600) and holds a new token (earlier URLs stop working)');
    expect(replaced.token).not.toBe(token);
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(readFileSync(file!, 'utf8')).toBe(`${replaced.token}\n`);
    expect(serveToken(home)).toEqual({ token: replaced.token, file, created: false }); // and kept from then on
  });

  it.skipIf(!posix)('a file system that ignores chmod (WSL /mnt/c, exFAT, SMB): a one-time token each start, with a warning, never a refusal', () => {
    const { file, token } = serveToken(home);
    // what such a mount shows: every file 0777, chmod accepted and without effect
    const chmods: string[] = [];
    const ignoring = { mode: () => 0o777, chmod: (f: string) => { chmods.push(f); } };
    const warning = `the file system of ${file} does not keep permission modes (still 0777 after chmod 600), so a saved token could be read by other users: ` +
      'this start uses a one-time token (the URL works until serve stops, and the next start makes a new one)';
    const first = serveToken(home, { modes: ignoring });
    expect(first).toEqual({ token: expect.stringMatching(/^[\w-]{32}$/), file: null, created: true, warning });
    expect(first.token).not.toBe(token);
    expect(chmods).toEqual([file]); // it tried
    const second = serveToken(home, { modes: ignoring });
    expect(second.warning).toBe(warning);
    expect(second.token).not.toBe(first.token); // one-time: not saved
    expect(readFileSync(file!, 'utf8')).toBe(`${token}\n`); // the file is left as it was

    // --new-token there: the new file's mode is checked before it replaces anything; no token is left readable
    const renewed = serveToken(home, { renew: true, modes: ignoring });
    expect(renewed).toMatchObject({ file: null, created: true, warning });
    expect(readFileSync(file!, 'utf8')).toBe(`${token}\n`);
    expect(readdirSync(home)).toEqual([TOKEN_FILE]);

    // a new home on such a file system: nothing is written
    rmSync(file!);
    expect(serveToken(home, { modes: ignoring })).toMatchObject({ file: null, warning });
    expect(readdirSync(home)).toEqual([]);
  });

  it('Windows: no mode bits to check', () => {
    const { file, token } = serveToken(home);
    const looksOpen = { mode: () => 0o666, chmod: () => { throw new Error('not called'); } };
    expect(serveToken(home, { modes: looksOpen, platform: 'win32' })).toEqual({ token, file, created: false });
  });

  it('two serves starting at once on a new home: the one that loses the race uses the saved token, not its own', () => {
    const file = join(home, TOKEN_FILE);
    // the other serve's token lands between this one's look (no file) and its write
    const other = 'o'.repeat(32);
    let raced = false;
    const racing = {
      mode: (f: string) => {
        if (!raced && f.endsWith('.tmp')) { raced = true; writeFileSync(file, `${other}\n`, { mode: 0o600 }); }
        return statSync(f).mode & 0o777;
      },
      chmod: chmodSync,
    };
    const t = serveToken(home, { modes: racing, platform: 'linux' });
    expect(raced).toBe(true);
    expect(t).toEqual({ token: other, file, created: false });
    expect(readFileSync(file, 'utf8')).toBe(`${other}\n`);
    expect(readdirSync(home)).toEqual([TOKEN_FILE]);
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
