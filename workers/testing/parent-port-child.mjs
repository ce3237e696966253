// Stands in for Electron's side of a utilityProcess in tests (no Electron binary here): gives this plain
// Node child a `process.parentPort` (postMessage / on('message', e => e.data)) carried as JSON lines over
// stdin/stdout, then loads the real utilityProcess entry (workers/utility-trainer.mjs).
import { createInterface } from 'node:readline';

// Like Electron's parentPort, messages wait in a queue until the first 'message' listener is added.
const listeners = [];
const queued = [];
const write = process.stdout.write.bind(process.stdout);
const deliver = (data) => { for (const l of [...listeners]) l({ data }); };
process.parentPort = {
  postMessage: (message) => void write(`${JSON.stringify(message)}\n`),
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
await import('../utility-trainer.mjs');
