// The lab's home is Electron's userData folder (the same folder `gatelab` uses by default), unless
// GATELAB_HOME says otherwise; the lab opens there once the app is ready, its trainers as utility processes.
import type { AppModule } from './context';
import { Lab } from '../lab/lab';
import { utilityTrainers } from './trainers';

export const appData: AppModule = {
  name: 'app data',
  async enable(ctx) {
    await ctx.app.whenReady();
    const home = process.env.GATELAB_HOME ?? ctx.app.getPath('userData');
    ctx.lab = await Lab.open({ home, face: 'electron', version: ctx.app.getVersion(), launcher: utilityTrainers });
    // Quit pauses running runs (checkpointed), remembers them for the next start's offer, then closes the lab.
    ctx.onQuit.push(async () => { await ctx.lab?.quitGracefully(); });
  },
};
