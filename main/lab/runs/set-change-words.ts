// What a CLI run's `--set key=value` options change, in a few words for its automatic name ("gmu on jobs ·
// modalityDropout=0.3"): runs of one template on one dataset that differ only in them were all "gmu on jobs"
// in `gatelab runs` and the app's run list. Worded as the app words a "New run from this" child's changes
// (common/runs/change-words.ts); the seed left out, as there.
import { changeWords } from '../../../common/runs/change-words';

/** "modalityDropout=0.3 · lr=1e-3", "" without --set; a key given twice says its last value. */
export function setChangeWords(sets: ReadonlyArray<readonly [string, string]>, max?: number): string {
  // the dataset is said by the name's "on …" already
  return changeWords(sets.filter(([key]) => key !== 'seed' && key.split('.').at(-1) !== 'datasetId'), { max });
}
