// The application menu: standard roles (so copy/paste, zoom, full screen and window management
// behave natively, with their platform shortcuts) plus File > Import dataset… (Ctrl/Cmd+O).
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { AppContext, AppModule } from './context';
import { importWithDialog } from './dialogs';

export function menuTemplate(ctx: AppContext, isMac = process.platform === 'darwin'): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import dataset…', accelerator: 'CmdOrCtrl+O', click: () => void importWithDialog(ctx) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'GateLab documentation', click: () => void shell.openExternal('https://github.com/gatelab/gatelab#readme') }],
    },
  ];
}

export const appMenu: AppModule = {
  name: 'menu',
  async enable(ctx) {
    await ctx.app.whenReady();
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(ctx)));
  },
};
