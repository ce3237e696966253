// The main window: created from windowOptions() (security settings in one pure function), bounds
// remembered across launches, shown when ready, the renderer loaded from gatelab://app/.
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import type { AppModule } from './context';
import { APP_ORIGIN } from './csp';
import { loadWindowState, onScreen, saveWindowState, windowOptions } from './window-options';

export const mainWindow: AppModule = {
  name: 'window',
  async enable(ctx) {
    await ctx.app.whenReady();
    const stateFile = join(ctx.app.getPath('userData'), 'window-state.json');
    const open = () => {
      const state = onScreen(loadWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
      const win = new BrowserWindow(windowOptions(ctx.paths.preload, state, !ctx.app.isPackaged));
      ctx.window = win;
      if (state.maximized) win.maximize();
      win.once('ready-to-show', () => win.show());
      win.on('close', () => saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
      win.on('closed', () => (ctx.window = null));
      void win.loadURL(`${APP_ORIGIN}/index.html`);
    };
    open();
    // macOS: clicking the dock icon with no window open opens one.
    ctx.app.on('activate', () => {
      if (!ctx.window) open();
    });
  },
};
