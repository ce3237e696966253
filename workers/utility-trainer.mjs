// Trainer entry for Electron's utilityProcess (the desktop app's trainers, main/electron/trainers.ts):
// registers tsx so the TypeScript trainer loads, then runs workers/trainer.ts. A utility process has no
// Node IPC channel (process.send is undefined); the trainer then listens on process.parentPort
// (workers/run/parent-channel.ts), so the same trainer code serves fork() and utilityProcess.
import { register } from 'tsx/esm/api';

if (!process.parentPort) {
  throw new Error('workers/utility-trainer.mjs runs only as an Electron utilityProcess; outside Electron start workers/trainer.ts with child_process.fork');
}
register();
await import('./trainer.ts');
