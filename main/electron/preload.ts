// The preload: exposes window.gatelab with LabApi's verbs only (never ipcRenderer). Requests for a
// channel outside the LabApi map are refused here, before IPC. Bundled to CommonJS by
// scripts/build.mjs because sandboxed preloads cannot load modules. A dropped or picked file's path is
// told to main as the renderer asks for it: main imports by path only files chosen so (chosen-paths.ts).
// Page script cannot make a File that has a path, so it cannot add a path of its own choosing.
// https://www.electronjs.org/docs/latest/tutorial/context-isolation
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isEventChannel, isRequestChannel, type EventChannel } from '../../common/lab-api';
import { IPC_EVENT, ipcChannel, type ElectronBridge } from '../../common/lab-api/bridge';
import { CHOSEN_PATH_CHANNEL } from './chosen-paths';

const listeners = new Map<string, Set<(data: unknown) => void>>();
ipcRenderer.on(IPC_EVENT, (_e, event: string, data: unknown) => {
  for (const l of listeners.get(event) ?? []) l(data);
});

const bridge: ElectronBridge<File> = {
  face: 'electron',
  invoke(channel, payload) {
    if (!isRequestChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `'${String(channel).slice(0, 80)}' is not a LabApi channel` } });
    return ipcRenderer.invoke(ipcChannel(channel), payload);
  },
  on(event: EventChannel, listener) {
    if (!isEventChannel(event)) throw new Error(`'${String(event)}' is not a LabApi event`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
  pathForFile(file) {
    const path = webUtils.getPathForFile(file);
    // Messages from one frame reach main in order (one IPC pipe), so main knows the choice before the
    // datasets.import the renderer sends next.
    if (path) ipcRenderer.send(CHOSEN_PATH_CHANNEL, path);
    return path;
  },
};

contextBridge.exposeInMainWorld('gatelab', bridge);
