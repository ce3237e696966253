// Serve mode's access token, kept in the lab home so the URL stays the same from one `gatelab serve` to
// the next (a bookmark keeps working; with --port P the whole URL does). It is a file only this user can
// read (0600), like an SSH key: anyone who can read it can use the lab, so a file others can read is
// refused rather than used. `gatelab serve --new-token` replaces it, which locks out every earlier URL.
// Not a --token flag: command lines are visible to every local user (ps).
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from './auth';

export const TOKEN_FILE = 'serve-token';
/** base64url, at least 192 bits: what newToken() makes; a token written by hand must be as strong. */
const TOKEN = /^[A-Za-z0-9_-]{32,}$/;

export interface ServeToken {
  token: string;
  /** Where it is kept; null when it could not be saved (then `warning` says why). */
  file: string | null;
  /** A new token was made (first serve on this home, or --new-token): earlier URLs no longer work. */
  created: boolean;
  warning?: string;
}

/** The lab home's serve token: the saved one, or a new one (saved) when there is none or `renew` is set. */
export function serveToken(home: string, options: { renew?: boolean } = {}): ServeToken {
  const file = join(home, TOKEN_FILE);
  if (!options.renew) {
    const saved = readSaved(file);
    if (saved) return { token: saved, file, created: false };
  }
  const token = newToken();
  try {
    save(file, token);
    return { token, file, created: true };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { token, file: null, created: true, warning: `could not save the access token in ${file} (${why}): the URL works until serve stops, and the next start makes a new one` };
  }
}

/** The saved token, or null when there is none; throws (with what to do) when the file is unsafe or not a token. */
function readSaved(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read the access token in ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run \`gatelab serve --new-token\` to replace it`);
  }
  // Windows has no such mode bits (the file is under the user's profile, readable by that user only).
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && mode & 0o077) {
    throw new Error(`the access token in ${file} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}), so it may be known to them: ` +
      'run `gatelab serve --new-token` to replace it with a new one (earlier URLs stop working)');
  }
  const token = text.trim();
  if (!TOKEN.test(token)) {
    throw new Error(`${file} does not hold an access token (at least 32 of the characters A-Z a-z 0-9 _ -): run \`gatelab serve --new-token\` to write a new one`);
  }
  return token;
}

/** Written to a 0600 file beside it, then renamed over it: a crash leaves the old token or the new one, never half of one. */
function save(file: string, token: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    rmSync(tmp, { force: true }); // a leftover of a crashed start with this pid
    // created 0600 ('wx': a new file, so the mode applies; the umask can only remove bits)
    writeFileSync(tmp, `${token}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
