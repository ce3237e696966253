// What the shell's modules share. Each module exports `{ name, enable(context) }`; index.ts lists them.
import type { App, BrowserWindow } from 'electron';
import type { Lab } from '../lab/lab';

export interface AppContext {
  app: App;
  /** Set by app-data once the lab is open. */
  lab: Lab | null;
  /** Set by the window module; null before it exists and after it closes. */
  window: BrowserWindow | null;
  paths: {
    /** Bundled preload (CommonJS, built by scripts/build.mjs). */
    preload: string;
    /** Built renderer: index.html + assets. */
    renderer: string;
  };
  /** Tasks to run before quitting (stop trainers, close the lab), in order. */
  onQuit: Array<() => Promise<void> | void>;
}

export interface AppModule {
  name: string;
  enable(context: AppContext): void | Promise<void>;
}
