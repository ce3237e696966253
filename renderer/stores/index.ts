// All stores of one window, created once from the LabApi connection and shared through Svelte context.
import { getContext, setContext } from 'svelte';
import type { LabApi } from '../../common/lab-api';
import { DatasetsStore } from './datasets.svelte';
import { ImportsStore } from './imports.svelte';
import { ModelsStore } from './models.svelte';
import { Router } from './router.svelte';
import { RunsStore } from './runs.svelte';
import { SystemStore } from './system.svelte';
import { Theme } from './theme.svelte';

export interface Stores {
  lab: LabApi;
  router: Router;
  theme: Theme;
  datasets: DatasetsStore;
  imports: ImportsStore;
  models: ModelsStore;
  runs: RunsStore;
  system: SystemStore;
  /** Local path of a dropped file in Electron; null in a browser (the file is uploaded instead). */
  pathForFile(file: File): string | null;
}

export function createStores(lab: LabApi, pathForFile: (f: File) => string | null = () => null): Stores {
  return {
    lab,
    router: new Router(),
    theme: new Theme(),
    datasets: new DatasetsStore(lab),
    imports: new ImportsStore(lab),
    models: new ModelsStore(lab),
    runs: new RunsStore(lab),
    system: new SystemStore(lab),
    pathForFile,
  };
}

const KEY = Symbol('gatelab.stores');
export const provideStores = (s: Stores): Stores => setContext(KEY, s);
export const useStores = (): Stores => getContext<Stores>(KEY);
