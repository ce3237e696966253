// Who may call LabApi over IPC: our window's main frame, showing our app. Pure (types only from
// electron) so it is tested without the Electron binary.
import type { IpcMainInvokeEvent } from 'electron';
import type { AppContext } from './context';
import { isAppUrl } from './csp';

export function senderIsOurWindow(ctx: Pick<AppContext, 'window'>, event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const win = ctx.window;
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  return !!frame && frame === win.webContents.mainFrame && isAppUrl(frame.url);
}
