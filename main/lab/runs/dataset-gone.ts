// The data a run names no longer exists: its dataset or its split was deleted, or the split it names belongs to
// another dataset (datasetResolver in dataset-runs.ts finds it). Typed so the run manager fails such a run for
// good (unlaunchable-run.ts) by its class, not by the words of the message: any other error that stops a run's
// data from being read may pass (a busy database, an unmounted drive) and leaves the run resumable.

/** A run's dataset or split is gone for good; the message says which and what to do instead. */
export class DatasetGone extends Error {
  override name = 'DatasetGone';
}
