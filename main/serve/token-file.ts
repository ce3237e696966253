// Serve mode's access token, kept in the lab home so the URL stays the same from one `gatelab serve` to
// the next (a bookmark keeps working; with --port P the whole URL does). It is a file only this user can
// read (0600), like an SSH key: anyone who can read it can use the lab. A file others can read is made
// private again and, since its token may already be known, replaced. Where the file system keeps no
// permission bits (WSL /mnt/c, exFAT/FAT, some SMB mounts) nothing can be kept private: each start then
// uses a one-time token instead of refusing forever. `gatelab serve --new-token` replaces the saved token,
// which locks out every earlier URL. Not a --token flag: command lines are visible to every local user (ps).
import { chmodSync, linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from './auth';

export const TOKEN_FILE = 'serve-token';
/** base64url, at least 192 bits: what newToken() makes; a token written by hand must be as strong. */
const TOKEN = /^[A-Za-z0-9_-]{32,}$/;

export interface ServeToken {
  token: string;
  /** Where it is kept; null when it is not saved (then `warning` says why). */
  file: string | null;
  /** A new token was made (first serve on this home, --new-token, a replaced file): earlier URLs no longer work. */
  created: boolean;
  /** Why the token is not saved (this start only). */
  warning?: string;
  /** Something the user should know although the token is saved (an exposed token was replaced). */
  notice?: string;
}

/** How permission bits are read and set: the real file system, or (in tests) one that ignores chmod. */
export interface FileModes {
  mode(file: string): number;
  chmod(file: string, mode: number): void;
}
const realModes: FileModes = { mode: (f) => statSync(f).mode & 0o777, chmod: chmodSync };

export interface ServeTokenOptions {
  renew?: boolean;
  modes?: FileModes;
  /** Windows has no such mode bits (the file is under the user's profile, readable by that user only). */
  platform?: NodeJS.Platform;
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/**
 * Makes `file` readable by this user only, if it is not already. Returns null when it is (or now is)
 * private, else the mode it keeps showing after chmod 0600 (the file system ignores modes).
 */
function makePrivate(file: string, modes: FileModes): number | null {
  if ((modes.mode(file) & 0o077) === 0) return null;
  try {
    modes.chmod(file, 0o600);
  } catch {
    /* e.g. EPERM on a mount that refuses chmod: judged by the mode below */
  }
  const after = modes.mode(file);
  return after & 0o077 ? after : null;
}

function oneTime(file: string, mode: number): ServeToken {
  return {
    token: newToken(),
    file: null,
    created: true,
    warning: `the file system of ${file} does not keep permission modes (still ${octal(mode)} after chmod 600), so a saved token could be read by other users: ` +
      'this start uses a one-time token (the URL works until serve stops, and the next start makes a new one)',
  };
}

/** The lab home's serve token: the saved one, or a new one (saved) when there is none, it was exposed, or `renew` is set. */
export function serveToken(home: string, options: ServeTokenOptions = {}): ServeToken {
  const file = join(home, TOKEN_FILE);
  const modes = options.platform === 'win32' || (!options.platform && process.platform === 'win32') ? null : (options.modes ?? realModes);
  let notice: string | undefined;
  if (!options.renew) {
    const text = readSaved(file);
    if (text !== null) {
      const exposed = modes ? modes.mode(file) : 0;
      if (modes && exposed & 0o077) {
        const stuck = makePrivate(file, modes);
        if (stuck !== null) return oneTime(file, stuck);
        // private now, but the token was readable until this moment: it may be known, so it is not used again
        notice = `the access token in ${file} could be read by other users (mode ${octal(exposed)}), so it may be known to them: ` +
          'the file is private again (0600) and holds a new token (earlier URLs stop working)';
      } else {
        return { token: parseToken(file, text), file, created: false };
      }
    }
  }
  const token = newToken();
  try {
    // Only the very first token is written exclusively: a --new-token or a replacement is meant to overwrite.
    const outcome = save(file, token, modes, !options.renew && !notice);
    if (outcome.kind === 'stuck') return oneTime(file, outcome.mode);
    if (outcome.kind === 'lost') {
      // another `gatelab serve` on this home wrote its token first: use that one, so both URLs are the saved one
      return { token: parseToken(file, readSaved(file) ?? ''), file, created: false };
    }
    return { token, file, created: true, ...(notice ? { notice } : {}) };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { token, file: null, created: true, warning: `could not save the access token in ${file} (${why}): the URL works until serve stops, and the next start makes a new one` };
  }
}

/** The file's text, or null when there is none; throws (with what to do) when it cannot be read. */
function readSaved(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read the access token in ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run \`gatelab serve --new-token\` to replace it`);
  }
}

function parseToken(file: string, text: string): string {
  const token = text.trim();
  if (!TOKEN.test(token)) {
    throw new Error(`${file} does not hold an access token (at least 32 of the characters A-Z a-z 0-9 _ -): run \`gatelab serve --new-token\` to write a new one`);
  }
  return token;
}

type Saved = { kind: 'saved' } | { kind: 'lost' } | { kind: 'stuck'; mode: number };

/**
 * Written to a 0600 file beside it, then put in place: a crash leaves the old token or the new one, never
 * half of one. The temp file's mode is checked first (same folder, same file system), so a token is never
 * left where others can read it. `exclusive`: link, not rename, so that of two serves starting at once on
 * a new home exactly one writes the token ('lost' for the other, which then reads it).
 */
function save(file: string, token: string, modes: FileModes | null, exclusive: boolean): Saved {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    rmSync(tmp, { force: true }); // a leftover of a crashed start with this pid
    // created 0600 ('wx': a new file, so the mode applies; the umask can only remove bits)
    writeFileSync(tmp, `${token}\n`, { mode: 0o600, flag: 'wx' });
    const stuck = modes ? makePrivate(tmp, modes) : null;
    if (stuck !== null) return { kind: 'stuck', mode: stuck };
    if (!exclusive) {
      renameSync(tmp, file);
      return { kind: 'saved' };
    }
    try {
      linkSync(tmp, file);
      return { kind: 'saved' };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return { kind: 'lost' };
      // no hard links on this file system (FAT, some network mounts): an exclusive create instead
      try {
        writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
        return { kind: 'saved' };
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return { kind: 'lost' };
        throw e2;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
