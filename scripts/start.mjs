#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed; otherwise (an offline install,
// where electron's download failed) one line saying so, then serve mode, whose first stdout line is
// the URL to open. Extra arguments (e.g. --home DIR) are passed on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

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
  console.error('GateLab: the Electron binary is not installed here, so the lab opens in your browser instead (gatelab serve):');
  child = spawn(process.execPath, ['bin/gatelab.js', 'serve', ...args], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
