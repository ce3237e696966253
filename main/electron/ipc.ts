// The only place IPC handlers are registered: one per LabApi request channel, generated from the map
// (a channel not in the map has no handler and is refused). Each checks that the sender is our
// window's main frame, then lab.dispatch validates the payload against the channel's zod schema.
// Lab events are forwarded to the window. Uploads go through the window's page's allowance (window-uploads.ts);
// path imports only for files the user chose in that page (window-path-imports.ts), which the preload
// reports on CHOSEN_PATH_CHANNEL as the renderer asks for a dropped or picked file's path.
// https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
import { ipcMain } from 'electron';
import { REQUEST_CHANNELS } from '../../common/lab-api';
import { IPC_EVENT, ipcChannel } from '../../common/lab-api/bridge';
import type { Reply } from '../../common/lab-api/dispatch';
import type { AppModule } from './context';
import { senderIsOurWindow } from './ipc-sender';
import { WindowUploads } from './window-uploads';
import { WindowPathImports } from './window-path-imports';
import { CHOSEN_PATH_CHANNEL } from './chosen-paths';

export const ipc: AppModule = {
  name: 'ipc',
  enable(ctx) {
    let uploads: WindowUploads | null = null;
    const pathImports = new WindowPathImports();
    ipcMain.on(CHOSEN_PATH_CHANNEL, (event, path: unknown) => {
      if (senderIsOurWindow(ctx, event) && typeof path === 'string' && path) pathImports.chosen(event.sender, path);
    });
    for (const channel of REQUEST_CHANNELS) {
      ipcMain.handle(ipcChannel(channel), async (event, payload): Promise<Reply> => {
        if (!senderIsOurWindow(ctx, event)) return { ok: false, error: { code: 'unknown-channel', message: 'LabApi answers only the GateLab window' } };
        if (!ctx.lab) return { ok: false, error: { code: 'not-available', message: 'the lab is still starting' } };
        uploads ??= new WindowUploads(ctx.lab);
        const page = uploads.of(event.sender);
        if (channel === 'datasets.import') return pathImports.import(event.sender, payload, (p) => page.dispatch(channel, p));
        return page.dispatch(channel, payload);
      });
    }
    // app-data (enabled before this module) has opened the lab.
    ctx.lab?.onEvent((event, data) => {
      pathImports.labEvent(event, data);
      const win = ctx.window;
      if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT, event, data);
    });
  },
};
