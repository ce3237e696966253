// "New run from this": what a stored run fills the Models form with, read from the lab — its template,
// dataset (or, when that is gone, one made for the run's family), template fields, Training settings,
// split and seeds — with a note when not all of them could be kept. ModelsStore.openRun puts them in the
// form (apart from models.svelte.ts, which must stay within 400 lines).
import { LabError, type DatasetDetail, type Family, type LabApi, type SplitInfo, type Template } from '../../common/lab-api';
import { runForm } from './run-form';
import { seedsOfGroup } from './run-group-seeds';

export interface OpenedRun {
  name: string;
  template: Template;
  /** The run's template fields (over the template's defaults, the form's: a field added since keeps its default). */
  fields: Record<string, unknown>;
  training: Record<string, unknown>;
  /** The run's own dataset id as stored (null: synthetic data). */
  datasetId: string | null;
  /** The dataset the form trains on: the run's, else a stand-in for the run's family, else null (keep the form's). */
  dataset: DatasetDetail | null;
  /** The stored splits of the run's dataset, when the form uses it; null otherwise. */
  splits: SplitInfo[] | null;
  /** The run's split when it still exists; null: the family's default. */
  splitId: string | null;
  seeds: number;
  note: string | null;
}

/**
 * Reads run `id` as the form would hold it. `templates`: the lab's templates; `current`: the form's dataset
 * (kept when the run's is gone, unless it was made for another family). Throws a LabError for a template
 * this version of GateLab does not have.
 */
export async function openedRun(lab: LabApi, id: string, templates: readonly Template[], current: DatasetDetail | null): Promise<OpenedRun> {
  const [run, all] = await Promise.all([lab.invoke('runs.get', { id }), lab.invoke('runs.list', {}).catch(() => [])]);
  const form = runForm(run.config);
  const t = templates.find((x) => x.id === form.template);
  if (!t) throw new LabError('not-found', `run ${id} used the template '${form.template}', which this version of GateLab does not have`);
  let dataset: DatasetDetail | null = null;
  let note: string | null = null;
  let splits: SplitInfo[] = [];
  if (form.datasetId) {
    [dataset, splits] = await Promise.all([
      lab.invoke('datasets.get', { id: form.datasetId }).catch(() => null),
      lab.invoke('splits.list', { datasetId: form.datasetId }).catch(() => [] as SplitInfo[]),
    ]);
  }
  if (!dataset) {
    note = form.datasetId ? `its dataset (id ${form.datasetId}) was deleted: pick one above` : 'it trained on synthetic data: pick a dataset above';
    // The form's dataset, if made for another family, would fill the run's data fields with its
    // shape (a click log gives a fusion template one modality): use one made for the run's family.
    const substitute = current?.family && current.family !== t.family ? await datasetFor(lab, t.family) : null;
    if (substitute) {
      dataset = substitute;
      note = `${form.datasetId ? `its dataset (id ${form.datasetId}) was deleted` : 'it trained on synthetic data'}: the form uses ${substitute.name}; pick another above if you want`;
    }
  }
  // "New run from this" trains on the run's split, when it still exists
  const sameData = !!dataset && dataset.id === form.datasetId;
  const splitId = sameData && splits.some((s) => s.id === form.splitId) ? form.splitId : null;
  if (form.splitId && splitId !== form.splitId) note = [note, `its split (id ${form.splitId}) no longer exists: the family's default is used`].filter(Boolean).join('; ');
  return {
    name: run.name, template: t, fields: form.config, training: form.training,
    datasetId: form.datasetId ?? null, dataset, splits: sameData ? splits : null, splitId, seeds: seedsOfGroup(run, all), note,
  };
}

/** The first dataset made for `family` (a demo says which), or null. */
async function datasetFor(lab: LabApi, family: Family): Promise<DatasetDetail | null> {
  const summary = (await lab.invoke('datasets.list', {})).find((d) => d.family === family);
  return summary ? lab.invoke('datasets.get', { id: summary.id }).catch(() => null) : null;
}
