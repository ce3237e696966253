// The only place IPC handlers are registered: one per LabApi request channel, generated from the map
// (a channel not in the map has no handler and is refused). Each checks that the sender is our
// window's main frame, then lab.dispatch validates the payload against the channel's zod schema.
// Lab events are forwarded to the window. Uploads go through the window's page's allowance (window-uploads.ts).
// https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
import { ipcMain } from 'electron';
import { REQUEST_CHANNELS } from '../../common/lab-api';
import { IPC_EVENT, ipcChannel } from '../../common/lab-api/bridge';
import type { Reply } from '../../common/lab-api/dispatch';
import type { AppModule } from './context';
import { senderIsOurWindow } from './ipc-sender';
import { WindowUploads } from './window-uploads';

export const ipc: AppModule = {
  name: 'ipc',
  enable(ctx) {
    let uploads: WindowUploads | null = null;
    for (const channel of REQUEST_CHANNELS) {
      ipcMain.handle(ipcChannel(channel), async (event, payload): Promise<Reply> => {
        if (!senderIsOurWindow(ctx, event)) return { ok: false, error: { code: 'unknown-channel', message: 'LabApi answers only the GateLab window' } };
        if (!ctx.lab) return { ok: false, error: { code: 'not-available', message: 'the lab is still starting' } };
        uploads ??= new WindowUploads(ctx.lab);
        return uploads.of(event.sender).dispatch(channel, payload);
      });
    }
    // app-data (enabled before this module) has opened the lab.
    ctx.lab?.onEvent((event, data) => {
      const win = ctx.window;
      if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT, event, data);
    });
  },
};
