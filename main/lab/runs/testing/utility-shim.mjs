// Test-only: makes a forked Node child look like an Electron utilityProcess child (process.parentPort with
// MessageEvent-style { data } messages, no process.send), so the utilityProcess path runs without Electron.
const send = process.send.bind(process);
const listeners = [];
process.on('message', (m) => { for (const l of listeners) l({ data: m }); });
process.parentPort = {
  postMessage: (m) => send(m),
  on: (event, l) => { if (event === 'message') listeners.push(l); },
};
process.send = undefined;
