// New runs into the queue: a config is checked (defaults filled in, then the model's size and the data) and
// refused before anything is stored, so a run that cannot train never sits in the queue only to fail. A
// sweep is checked whole before any of its points is queued. The RunManager owns one; what happens to a run
// once it is queued (scheduling, training) stays the manager's.
import type { LabStore } from '../store/index';
import { type RunConfig, type RunConfigInput } from '../../../common/runs/config';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import { expandExperiment, type ExperimentSpec } from '../../../common/runs/expand';
import type { RunFiles } from './run-files';
import { withDatasetDefaults } from './dataset-defaults';
import { checkRunSize } from './size-guard';
import { checkRunData, DataCheckMemo } from './data-guard';
import { moveStaleRunFolder } from './stale-home';
import { refusing } from './refusal';

export interface CreateRunOptions {
  priority?: number;
  groupId?: string | null;
  name?: string;
  /**
   * The data checks its caller already made on this run's data (`gatelab train --dataset`: its setup,
   * dataset-runs.ts): their reads are reused, not repeated. Absent: the data is read afresh.
   */
  dataChecks?: DataCheckMemo;
}

/** A queued group: its id, its runs, and the data checks' warnings (none: []). */
export interface QueuedExperiment {
  groupId: string;
  runIds: number[];
  warnings: string[];
}

export class RunIntake {
  /** `queued` hears each run once it is stored queued (the manager announces and schedules it). */
  constructor(private readonly store: LabStore, private readonly files: RunFiles, private readonly queued: (id: number) => void) {}

  /** Queues one run (validated config). */
  create(config: RunConfigInput, o: CreateRunOptions = {}): number {
    return this.queue(this.checked(config, o.dataChecks ?? new DataCheckMemo()), o);
  }

  /**
   * Seeds × sweep -> a group of queued runs sharing a group id, and what the data checks found worth saying
   * but not refusing (DataCheckMemo.warnings: "only 3 validation windows…"), once each, for the faces to
   * show beside the started runs (the app's launch bar; the CLI prints its own setup's).
   */
  createExperiment(spec: ExperimentSpec): QueuedExperiment {
    const runs = expandExperiment(spec);
    // every point is validated before any is queued: one invalid point refuses the whole group. The points
    // share their data (only lookback, horizon, seeds... vary): it is read once, not once per point.
    const memo = new DataCheckMemo();
    const configs = runs.map((r) => this.checked(r.config, memo));
    const groupId = `g${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const runIds = runs.map((r, i) => this.queue(configs[i], { groupId, name: r.name, priority: spec.priority }));
    return { groupId, runIds, warnings: [...memo.warnings] };
  }

  /**
   * A new run's config, defaults filled in, refused here (not queued to fail) when the model or the data
   * cannot train. `memo` keeps the data check's reads (cache, time column, split) across a sweep's points.
   * What the checks throw is a Refusal (every face reports it as one: the CLI exits 2), unless the lab
   * itself failed while checking (its database, a disk read): refusal.ts tells them apart.
   */
  private checked(config: RunConfigInput, memo: DataCheckMemo): RunConfig {
    return refusing(() => checkRunData(checkRunSize(withDatasetDefaults(parseNewRunConfig(config), this.store)), this.store, (stored) => this.files.fromStored(stored), memo));
  }

  /** Stores a validated config, defaults filled in, as a queued run. */
  private queue(c: RunConfig, o: CreateRunOptions): number {
    const id = this.store.runs.create({
      config: c, seed: c.seed, name: o.name ?? c.name ?? null, groupId: o.groupId ?? null, priority: o.priority ?? 0,
      providerRequested: c.provider, datasetId: c.data.kind === 'dataset' ? c.data.datasetId : null,
    });
    // A folder left by another database (a fresh one reuses run ids) must not mix with this run's files.
    moveStaleRunFolder(this.files.folder(id), id);
    this.queued(id);
    return id;
  }
}
