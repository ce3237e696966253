#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed; otherwise (an offline install,
// where electron's download failed) one line saying so, then serve mode, whose first stdout line is
// the URL, which is also opened in the default browser (not with --no-open, nor without a display)
// through a single-use link, so the token never appears on a command line (open-browser.mjs).
// Extra arguments (e.g. --home DIR, --port P) are passed on. Serve comes back on the port it last used for
// the lab home (main/serve/port-file.ts), so after a restart a tab left open reconnects by itself, with the
// cookie the single-use link set (it is named by the port), and needs no new link.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openBrowser } from './open-browser.mjs';
import { exitCodeOf, unexpectedExitMessage } from './lab-exit.mjs';

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron'); // the binary's path, when installed
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const electron = electronBinary();
let child;
if (electron) {
  const { buildAll } = await import('./build.mjs');
  await buildAll({ quiet: true });
  const home = args.indexOf('--home');
  const env = home >= 0 && args[home + 1] ? { ...process.env, GATELAB_HOME: args[home + 1] } : process.env;
  child = spawn(electron, ['main/electron/entry.mjs'], { stdio: 'inherit', env });
} else {
  console.error('GateLab: the Electron binary is not installed here, so the lab opens in your browser instead (gatelab serve).');
  // --no-open (start only): print the URL without opening a browser (headless machines, scripts).
  const open = !args.includes('--no-open');
  child = spawn(process.execPath, ['bin/gatelab.js', 'serve', ...args.filter((a) => a !== '--no-open')], { stdio: ['inherit', 'pipe', 'inherit'] });
  let first = true;
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!first) return;
    buffered += chunk.toString();
    const nl = buffered.indexOf('\n');
    if (nl < 0) return;
    first = false;
    const url = buffered.slice(0, nl).trim();
    if (open && /^http:\/\/127\.0\.0\.1:\d+\//.test(url)) void openBrowser(url);
  });
}

/** The signal this script passed on (Ctrl-C, a service stop): the lab stopping on it is no surprise. */
let forwarded = null;
function stop(sig) {
  forwarded = sig;
  child.kill(sig);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig));

// `npm start` runs this script through `sh -c`, and sh does not pass a SIGTERM sent to npm on: npm and sh
// exit, this script is reparented (to PID 1 or a subreaper) and the lab would keep its port with nobody to
// stop it. So when the parent goes away, stop exactly as on SIGTERM (the lab marks training runs interrupted,
// their checkpoints kept). Linux has no portable "parent died" event for Node, hence the poll; unref'd so it
// never keeps this script alive by itself.
const parent = process.ppid;
// The terminal or pipe it printed to may have gone with the parent: a write failing with EPIPE must not crash
// this script before it has stopped the lab.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const parentWatch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(parentWatch);
  if (!forwarded) stop('SIGTERM');
}, 1000);
parentWatch.unref();
child.on('exit', (code, signal) => {
  const note = unexpectedExitMessage(signal, forwarded);
  if (note) console.error(note);
  process.exit(exitCodeOf(code, signal)); // 128 + n for a signal, as shells say it
});
