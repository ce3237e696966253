// Stands in for Electron's side of a utilityProcess in tests (no Electron binary here): gives this plain
// Node child a `process.parentPort` (postMessage / on('message', e => e.data)) carried as JSON lines,
// the lab's messages on stdin and the child's on fd 3 (stdout stays the worker's, as in Electron), then
// loads the module named by argv[2] (main/electron/utility-worker.mjs) with the remaining arguments.
import { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const out = new Socket({ fd: 3, readable: false });
// Like Electron's parentPort, messages wait in a queue until the first 'message' listener is added.
const listeners = [];
const queued = [];
const deliver = (data) => { for (const l of [...listeners]) l({ data }); };
process.parentPort = {
  postMessage: (message) => void out.write(`${JSON.stringify(message)}\n`),
  on: (event, listener) => {
    if (event !== 'message') return;
    listeners.push(listener);
    if (listeners.length === 1) setImmediate(() => queued.splice(0).forEach(deliver));
  },
};
createInterface({ input: process.stdin }).on('line', (line) => {
  const data = JSON.parse(line);
  if (listeners.length) deliver(data);
  else queued.push(data);
});
// Electron hands a posted message over before the process can exit; here it must leave the pipe first.
const exit = process.exit.bind(process);
process.exit = (code) => void out.end(() => exit(code));
await import(pathToFileURL(process.argv[2]).href);
