// The application menu (its template: menu-template.ts), with developer tools only when not packaged.
import { Menu, shell } from 'electron';
import type { AppModule } from './context';
import { importWithDialog } from './dialogs';
import { menuTemplate } from './menu-template';

export const appMenu: AppModule = {
  name: 'menu',
  async enable(ctx) {
    await ctx.app.whenReady();
    const template = menuTemplate(
      {
        importDataset: () => void importWithDialog(ctx),
        openDocumentation: () => void shell.openExternal('https://github.com/gatelab/gatelab#readme'),
      },
      { isMac: process.platform === 'darwin', devTools: !ctx.app.isPackaged },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  },
};
