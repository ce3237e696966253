// What a CLI run's `--set key=value` options change, in a few words for its automatic name ("gmu on jobs ·
// modalityDropout=0.3"): runs of one template on one dataset that differ only in them were all "gmu on jobs"
// in `gatelab runs` and the app's run list. Worded as the app words a "New run from this" child's changes
// (renderer/lib/run-label.ts changedWords, which main/ cannot import): `key=value` joined by ' · ', a dotted
// key by its last part unless two share it, at most 3, then "+N more"; the seed left out, as there.

/** Longest value said in full; a longer one (a list, a path) is cut with '…': the name must stay a name. */
const VALUE_CHARS = 24;

/** "modalityDropout=0.3 · lr=1e-3", "" without --set; a key given twice says its last value. */
export function setChangeWords(sets: ReadonlyArray<readonly [string, string]>, max = 3): string {
  const last = new Map<string, string>();
  // the dataset is said by the name's "on …" already
  for (const [key, value] of sets) if (key !== 'seed' && key.split('.').at(-1) !== 'datasetId') last.set(key, value);
  const keys = [...last.keys()];
  const tail = (key: string) => key.split('.').at(-1)!;
  const shared = (key: string) => keys.filter((k) => tail(k) === tail(key)).length > 1;
  const words = keys.map((key) => {
    const value = last.get(key)!;
    return `${shared(key) ? key : tail(key)}=${value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS - 1)}…` : value}`;
  });
  return words.length > max ? `${words.slice(0, max).join(' · ')} · +${words.length - max} more` : words.join(' · ');
}
