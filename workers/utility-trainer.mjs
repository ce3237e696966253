// Trainer entry for Electron's utilityProcess (the desktop app's trainers, main/electron/trainers.ts).
// A utility process talks through `process.parentPort`, not Node's IPC channel; the trainer
// (workers/trainer.ts, workers/run/trainer-main.ts) speaks Node IPC: process.send(msg, ..., callback),
// process.on('message'), process.connected, process.disconnect() and 'disconnect'. This shim maps one
// onto the other before the trainer loads, so the same trainer runs under fork() and utilityProcess.
import { register } from 'tsx/esm/api';

const port = process.parentPort;
if (!port) {
  throw new Error('workers/utility-trainer.mjs runs only as an Electron utilityProcess; outside Electron start workers/trainer.ts with child_process.fork');
}
let connected = true;
Object.defineProperty(process, 'connected', { configurable: true, get: () => connected });
process.send = (message, ...rest) => {
  const callback = rest.find((a) => typeof a === 'function');
  if (!connected) {
    callback?.(new Error('the lab closed this trainer\'s channel'));
    return false;
  }
  port.postMessage(message);
  if (callback) queueMicrotask(() => callback(null));
  return true;
};
process.disconnect = () => {
  if (!connected) return;
  connected = false;
  process.emit('disconnect');
};
port.on('message', (event) => process.emit('message', event.data));

register();
await import('./trainer.ts');
