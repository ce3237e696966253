// The application menu as data (a test can read it without the Electron binary): standard roles (so
// copy/paste, zoom, full screen and window management behave natively, with their platform shortcuts)
// plus File > Import dataset… (Ctrl/Cmd+O). Developer tools only in development: an installed app
// has no way into the renderer's console (webPreferences.devTools is off there too, window-options.ts).
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importDataset(): void;
  openDocumentation(): void;
}

export function menuTemplate(actions: MenuActions, opts: { isMac: boolean; devTools: boolean }): MenuItemConstructorOptions[] {
  const { isMac, devTools } = opts;
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import dataset…', accelerator: 'CmdOrCtrl+O', click: () => actions.importDataset() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'GateLab documentation', click: () => actions.openDocumentation() }] },
  ];
}
