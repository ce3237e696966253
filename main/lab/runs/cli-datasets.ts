// How every CLI command that can name a dataset opens the lab's datasets (import, datasets, train, sweep):
// a new lab installs its demo datasets first, so they are datasets 1-3 whichever command comes first and a
// file or config naming one (README "Demo datasets") finds it. Installing them takes seconds of CPU; the
// first command says so on stderr instead of sitting silent (stdout stays the command's, JSON with --json).
import { labPaths } from '../home';
import { openLabDatasets, type DatasetRegistry, type LabDatasets } from '../datasets/index';
import { setChangeWords } from './set-change-words';

/** The line a command prints on stderr while a new lab installs its demos (once per lab). */
export const DEMO_INSTALL_LINE = 'gatelab: installing the built-in demo datasets (first use of this lab, a few seconds)…';

/** The lab's datasets, its demos installed first on a new lab (said on stderr); `demos: false` leaves them out. */
export function openCliDatasets(home: string | undefined, options: { demos?: boolean } = {}): Promise<LabDatasets> {
  return openLabDatasets(labPaths(home), { ...options, onDemoInstall: () => console.error(DEMO_INSTALL_LINE) });
}

/** For a command that then opens the lab's runs (train --config, sweep): a new lab's demos installed, the lab closed again. */
export async function installDemosOnFirstUse(home: string | undefined): Promise<void> {
  (await openCliDatasets(home)).close();
}

/**
 * A run config that names its dataset (`"datasetId": "Demo: click log (CTR)"`, as --dataset takes it), with the
 * id the stored config keeps: a dataset's id depends on what a lab imported first, so a file written for one lab
 * would train another dataset in the next. Read so by `train --config` and a sweep file's config alike.
 */
export function withDatasetIdByName(config: Record<string, unknown>, registry: DatasetRegistry): Record<string, unknown> {
  const data = config.data as Record<string, unknown> | undefined;
  if (typeof data?.datasetId !== 'string') return config;
  return { ...config, data: { ...data, datasetId: registry.resolve(data.datasetId).id } };
}

/**
 * A run's name as the app and `train --dataset` give it when the config has none: "dlinear on Demo: grid
 * load", then what the command's `--set` options change ("… · lookback=336": set-change-words.ts).
 */
export function defaultRunName(template: string, datasetName: string, sets: ReadonlyArray<readonly [string, string]> = []): string {
  const changes = setChangeWords(sets);
  return `${template} on ${datasetName}${changes ? ` · ${changes}` : ''}`.slice(0, 200);
}

/**
 * `train --config FILE` without a `name`: named from its template, dataset and `--set` options as a `--dataset`
 * run is, so it reads the same in `gatelab runs` and the app (not "null"). A config without a known dataset
 * stays as it is.
 */
export function withDefaultRunName(config: Record<string, unknown>, registry: DatasetRegistry, sets: ReadonlyArray<readonly [string, string]> = []): Record<string, unknown> {
  if (typeof config.name === 'string' && config.name) return config;
  const template = (config.model as { template?: unknown } | undefined)?.template;
  const datasetId = (config.data as { datasetId?: unknown } | undefined)?.datasetId;
  if (typeof template !== 'string' || typeof datasetId !== 'number') return config;
  const dataset = registry.get(datasetId);
  return dataset ? { ...config, name: defaultRunName(template, dataset.name, sets) } : config;
}
