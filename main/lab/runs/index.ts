// The run side of the lab core, for the Lab facade, serve mode and the CLI:
//   const runs = new RunManager({ store, paths, takeAnyQueued: true });
//   runs.subscribe((e) => ...);  const id = runs.create({ model: { template: 'demo-gated' }, epochs: 5 });
//   runs.pause(id); runs.resume(id); runs.cancel(id); await runs.waitFor(id); await runs.close();
export { RunManager, type RunManagerOptions, type CreateRunOptions } from './run-manager';
export type { RunEvent, RunListener } from './events';
export { FINAL, SETTLED } from './events';
export { forkTrainer, forkTrainerWith, type TrainerLauncher, type TrainerProcess, type TrainerExit } from './trainer-process';
export { utilityTrainer, type UtilityFork, type UtilityProcessLike } from './utility-trainer';
export { openRunsPort } from './runs-port';
export { exportRun } from './export-run';
export { runSummary, runDetail, lastMetrics, validationMetrics } from './run-report';
export { applyOverrides } from './run-overrides';
