// GateLab's desktop shell, as a table of contents. Each module does one thing in `enable(context)`;
// they run in this order (the protocol must be registered before the app is ready, the lab must be
// open before IPC forwards its events, the window comes last).
import { app } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext, AppModule } from './context';
import { singleInstance } from './single-instance';
import { appProtocol } from './app-protocol';
import { security } from './security';
import { appData } from './app-data';
import { ipc } from './ipc';
import { appMenu } from './menu';
import { mainWindow } from './window';
import { gracefulQuit } from './quit';

const MODULES: AppModule[] = [
  singleInstance, // one lab per user
  appProtocol, // gatelab://app/ serves the built renderer
  security, // CSP, permissions, navigation, new windows
  appData, // the lab opens under userData; its trainers are utilityProcesses (trainers.ts)
  ipc, // LabApi over IPC, generated from the map
  appMenu, // standard roles + File > Import dataset…
  mainWindow, // the window, bounds remembered
  gracefulQuit, // quit tasks (running runs paused and checkpointed, lab closed), then exit
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const context: AppContext = {
  app,
  lab: null,
  window: null,
  paths: { preload: join(root, 'dist', 'electron', 'preload.cjs'), renderer: join(root, 'dist', 'renderer') },
  onQuit: [],
};

for (const m of MODULES) {
  try {
    await m.enable(context);
  } catch (e) {
    console.error(`gatelab: could not start (${m.name}): ${(e as Error).stack ?? e}`);
    app.exit(1);
  }
}
