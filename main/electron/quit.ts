// Graceful quit: run the registered quit tasks once (close the lab; the run manager will pause and
// checkpoint running runs here), then let the app exit. Closing the last window quits, except on macOS.
import type { AppModule } from './context';

export const gracefulQuit: AppModule = {
  name: 'graceful quit',
  enable(ctx) {
    let done = false;
    ctx.app.on('before-quit', (event) => {
      if (done) return;
      event.preventDefault();
      done = true;
      void (async () => {
        for (const task of ctx.onQuit) {
          try {
            await task();
          } catch (e) {
            console.error(`gatelab: a quit task failed: ${(e as Error).message}`);
          }
        }
        ctx.app.quit();
      })();
    });
    ctx.app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') ctx.app.quit();
    });
  },
};
