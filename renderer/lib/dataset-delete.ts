// What deleting a dataset costs, said before the second click. Runs keep what is stored in the lab
// (results, curves, checkpoints' exports); everything that reads the data again — knockouts, gate
// reports, Try it, resume — stops working. A demo dataset is installed once, on the lab's first start
// (main/lab/datasets/demo-install.ts): a deleted demo is not re-created, and importing the same file
// again makes a new dataset that the old runs do not point to.

/** The confirmation text; `runs` null while the runs are still being counted. */
export function deleteWarning(runs: number | null, demo: boolean): string {
  const who = runs === null ? 'Counting the runs that use it…'
    : runs === 0 ? 'No run uses it.'
    : `${runs.toLocaleString('en-US')} ${runs === 1 ? 'run uses it: its results, curves and exports stay' : 'runs use it: their results, curves and exports stay'}; ` +
      'knockouts, gate reports, Try it and resume need the data and will stop working.';
  return demo ? `${who} It is a demo dataset: GateLab does not re-create a deleted demo.` : who;
}

