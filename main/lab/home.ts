// Where the lab keeps its database, data and checkpoints. Order: --home DIR, $GATELAB_HOME,
// then the platform's app-data folder (the same folder Electron's userData uses for "GateLab").
import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';

export const APP_NAME = 'GateLab';

export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env): string {
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
  }
}

export interface LabPaths {
  home: string;
  database: string;
  /** Imported source files, by content hash, and their columnar caches. */
  datasets: string;
  checkpoints: string;
  exports: string;
}

/** The lab's folder for --home DIR (else $GATELAB_HOME, else the app-data folder), without creating it (labPaths does). */
export function labHomeDir(homeOption?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(homeOption ?? env.GATELAB_HOME ?? defaultAppDataDir(env));
}

/** The lab's database file in its folder. */
export const labDatabase = (home: string) => join(home, 'gatelab.sqlite');

export function labPaths(homeOption?: string, env: NodeJS.ProcessEnv = process.env): LabPaths {
  const home = labHomeDir(homeOption, env);
  const paths = {
    home,
    database: labDatabase(home),
    datasets: join(home, 'datasets'),
    checkpoints: join(home, 'checkpoints'),
    exports: join(home, 'exports'),
  };
  for (const dir of [paths.home, paths.datasets, paths.checkpoints, paths.exports]) mkdirSync(dir, { recursive: true });
  return paths;
}
