// One GateLab at a time: a second launch focuses the first window instead of opening another lab on
// the same database. https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata
import type { AppModule } from './context';

export const singleInstance: AppModule = {
  name: 'single instance',
  enable(ctx) {
    if (!ctx.app.requestSingleInstanceLock()) {
      ctx.app.quit();
      process.exit(0);
    }
    ctx.app.on('second-instance', () => {
      const win = ctx.window;
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
    });
  },
};
