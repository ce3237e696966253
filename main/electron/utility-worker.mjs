// Entry of a Try it or gate analytics worker in the desktop app, where it runs as an Electron utilityProcess
// (main/electron/utility-workers.ts) instead of a child_process.fork (which would need the runAsNode fuse).
// The workers (workers/predict.ts, workers/analytics/entry.ts) speak fork's IPC: process.send(m, cb),
// process.on('message'), process.disconnect() and 'disconnect'. A utility process has only
// process.parentPort, so this gives them that API over the parent port, registers tsx (the workers are
// TypeScript), then loads the worker named by --gatelab-worker-entry=PATH.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const port = process.parentPort;
if (!port) {
  throw new Error('main/electron/utility-worker.mjs runs only as an Electron utilityProcess; outside Electron the lab forks the worker itself');
}
const ENTRY_FLAG = '--gatelab-worker-entry=';
const entry = process.argv.find((a) => a.startsWith(ENTRY_FLAG))?.slice(ENTRY_FLAG.length);
if (!entry) throw new Error(`main/electron/utility-worker.mjs: no ${ENTRY_FLAG}PATH argument`);

// fork() sends JSON (NaN becomes null, typed arrays become objects); the parent port would clone them
// as they are. The same conversion keeps a worker's messages identical under both launchers.
const asJson = (m) => (m === undefined ? undefined : JSON.parse(JSON.stringify(m)));
let connected = true;
Object.defineProperty(process, 'connected', { get: () => connected, configurable: true });
process.send = (message, ...rest) => {
  const callback = rest.find((a) => typeof a === 'function');
  if (!connected) {
    if (callback) setImmediate(callback, new Error('the lab is no longer listening (channel closed)'));
    return false;
  }
  port.postMessage(asJson(message)); // handed over at once, as the trainer's workers/run/parent-channel.ts assumes too
  if (callback) setImmediate(callback, null);
  return true;
};
process.disconnect = () => {
  if (!connected) return;
  connected = false;
  process.emit('disconnect');
  // An open parent port keeps a utility process alive; a forked worker disconnects to end, so end here.
  setImmediate(() => process.exit(0));
};

register();
await import(pathToFileURL(entry).href);
// Only now: the parent port holds messages until its first listener, and the worker has added its own
// process.on('message') while it loaded, so the lab's first message (sent right after the start) is not lost.
port.on('message', (e) => process.emit('message', asJson(e.data)));
