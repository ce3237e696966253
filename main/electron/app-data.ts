// The lab's home is Electron's userData folder (the same folder `gatelab` uses by default), unless
// GATELAB_HOME says otherwise; the lab opens there once the app is ready.
import type { AppModule } from './context';
import { Lab } from '../lab/lab';

export const appData: AppModule = {
  name: 'app data',
  async enable(ctx) {
    await ctx.app.whenReady();
    const home = process.env.GATELAB_HOME ?? ctx.app.getPath('userData');
    ctx.lab = await Lab.open({ home, face: 'electron', version: ctx.app.getVersion() });
    ctx.onQuit.push(() => ctx.lab?.close());
  },
};
