// Test-only: makes a forked Node child look like an Electron utilityProcess child (process.parentPort with
// MessageEvent-style { data } messages, no process.send), so the utilityProcess path runs without Electron.
// Like Electron's parentPort, messages that arrive before anyone listens are queued, not dropped.
const send = process.send.bind(process);
const listeners = [];
const queued = [];
process.on('message', (m) => {
  if (listeners.length === 0) queued.push(m);
  else for (const l of listeners) l({ data: m });
});
process.parentPort = {
  postMessage: (m) => send(m),
  on: (event, l) => {
    if (event !== 'message') return;
    listeners.push(l);
    while (queued.length) { const m = queued.shift(); for (const x of listeners) x({ data: m }); }
  },
};
process.send = undefined;
