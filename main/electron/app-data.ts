// The lab's home is Electron's userData folder (the same folder `gatelab` uses by default), unless
// GATELAB_HOME says otherwise; the lab opens there once the app is ready. Its trainers, Try it's predictions
// and gate analytics jobs run as utility processes: child_process.fork would need ELECTRON_RUN_AS_NODE, a
// fuse the installed app keeps off (electron-builder.yml).
import { utilityProcess } from 'electron';
import type { AppModule } from './context';
import { Lab } from '../lab/lab';
import { utilityTrainers } from './trainers';
import { utilityWorkers } from './utility-workers';

export const appData: AppModule = {
  name: 'app data',
  async enable(ctx) {
    await ctx.app.whenReady();
    const home = process.env.GATELAB_HOME ?? ctx.app.getPath('userData');
    ctx.lab = await Lab.open({ home, face: 'electron', version: ctx.app.getVersion(), launcher: utilityTrainers, workers: utilityWorkers(utilityProcess.fork) });
    // Quit pauses running runs (checkpointed), remembers them for the next start's offer, then closes the lab.
    ctx.onQuit.push(async () => { await ctx.lab?.quitGracefully(); });
  },
};
