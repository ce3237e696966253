// Opens serve mode's lab in the default browser for `npm start` without putting its token on a command
// line: every local user can read the arguments of every process (ps, /proc/PID/cmdline), and the token
// is the lab's only lock. So the opener gets `http://127.0.0.1:P/open/CODE`, where CODE is a single-use code
// the server issued to us (POST /open-codes, with the token): valid once and for a minute (main/serve/open-codes.ts),
// worthless once the browser has used it. (It replaced a redirect file in /tmp, which snap and flatpak
// browsers, Ubuntu's default Firefox among them, cannot read.)
import { spawn as spawnProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';

/** The system's "open this" command for a URL, or null where there is none (Linux without a display). */
export function openerFor(platform = process.platform, env = process.env) {
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return ['xdg-open'];
}

/** Asks the serve behind `tokenUrl` (the printed `http://127.0.0.1:P/?token=T`) for a single-use URL; rejects with why not. */
export function openUrl(tokenUrl, { request = httpRequest } = {}) {
  const printed = new URL(tokenUrl);
  const token = printed.searchParams.get('token');
  if (!token) return Promise.reject(new Error('the printed URL has no token'));
  return new Promise((resolve, reject) => {
    const req = request({ method: 'POST', host: printed.hostname, port: printed.port, path: '/open-codes', headers: { host: printed.host, cookie: `gatelab_token_${printed.port}=${token}` }, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        if (res.statusCode === 201 && /^[\w-]+$/.test(body)) resolve(`${printed.origin}/open/${body}`);
        // the first line only: a 401 page goes on with the ways back in, and this report is one line
        else reject(new Error(`the lab answered ${res.statusCode}: ${body.trim().split('\n')[0].slice(0, 200)}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error('the lab did not answer within 10 s')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Opens the lab behind `tokenUrl` in the default browser through a single-use URL. Resolves to what it ran
 * ({ command, args }) or null when it opened nothing; whenever no browser opens, `report` gets one line
 * with the reason and the URL to open by hand.
 */
export async function openBrowser(tokenUrl, { platform = process.platform, env = process.env, spawn = spawnProcess, request, report = (line) => console.error(line) } = {}) {
  const failed = (why) => report(`GateLab: could not open a browser (${why}); open this URL yourself: ${tokenUrl}`);
  const opener = openerFor(platform, env);
  if (!opener) {
    failed('no display: DISPLAY and WAYLAND_DISPLAY are not set');
    return null;
  }
  let url;
  try {
    url = await openUrl(tokenUrl, { request });
  } catch (e) {
    failed(`could not get a link from the lab: ${e.message}`);
    return null;
  }
  const [command, ...pre] = opener;
  const args = [...pre, url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', (e) => failed(`${command}: ${e.code === 'ENOENT' ? 'not installed' : e.message}`));
    child.on('exit', (code) => { if (code) failed(`${command} exited with code ${code}`); });
    child.unref();
  } catch (e) {
    failed(`${command}: ${e.message}`);
    return null;
  }
  return { command, args };
}
