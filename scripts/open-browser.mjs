// Opens serve mode's URL in the default browser for `npm start` without putting its token on a command
// line: every local user can read the arguments of every process (ps, /proc/PID/cmdline), and the
// token is the lab's only lock. So the URL goes into a small HTML file that only this user can read
// (0600, in a fresh 0700 folder), which sends the browser on to it; the opener gets the file's path.
// The file is removed once the browser has had time to read it, and when `npm start` ends.
import { spawn as spawnProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How long the redirect file stays: a browser started cold reads it well within this. */
export const REDIRECT_FILE_MS = 60_000;

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page: location.replace (the file does not stay in the tab's history), a meta refresh without JavaScript, a link as a last resort. */
export function redirectPage(url) {
  const href = escapeHtml(url);
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>GateLab</title>
<meta http-equiv="refresh" content="0;url=${href}">
<script>location.replace(${JSON.stringify(url).replace(/</g, '\\u003c')});</script>
</head><body><p><a href="${href}">Open GateLab</a></p></body></html>
`;
}

/** Writes the redirect file in a new private folder; `remove()` deletes both (safe to call twice). */
export function writeRedirectFile(url, parent = tmpdir()) {
  const dir = mkdtempSync(join(parent, 'gatelab-open-')); // created 0700
  const path = join(dir, 'open-gatelab.html');
  writeFileSync(path, redirectPage(url), { mode: 0o600, flag: 'wx' }); // a new file: 0600 (a umask only removes bits)
  return { path, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The system's "open this" command for a file path, or null where there is none (Linux without a display). */
export function openerFor(platform = process.platform, env = process.env) {
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return ['xdg-open'];
}

/**
 * Opens `url` through a redirect file. Returns what it ran ({ command, args, file }) or null when this
 * machine has no opener (the printed URL is then the way in). A failing opener is silent: the URL is printed.
 */
export function openBrowser(url, { platform = process.platform, env = process.env, spawn = spawnProcess, parent, keepMs = REDIRECT_FILE_MS } = {}) {
  const opener = openerFor(platform, env);
  if (!opener) return null;
  const file = writeRedirectFile(url, parent);
  const [command, ...pre] = opener;
  const args = [...pre, file.path];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener after all: the URL is printed
  }
  setTimeout(file.remove, keepMs).unref();
  process.once('exit', file.remove);
  return { command, args, file };
}
