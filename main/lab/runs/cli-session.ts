// What the run verbs of the CLI share: open the lab's store and a run manager that runs only the runs
// this command hands it, print a run's progress while it trains, and turn Ctrl-C into a pause (a
// checkpoint the user can resume from), a second Ctrl-C into an interrupt.
import { openLabStore, type LabStore, type RunRecord } from '../store/index';
import { labPaths, type LabPaths } from '../home';
import { RunManager, heldNote } from './run-manager';
import { DatasetRegistry } from '../datasets/index';
import { datasetResolver } from './dataset-runs';
import { describeBaseline, describeRegressionBaseline, formatMetrics, lastMetrics, ratingUnits, validationMetrics, withMajorityClass } from './run-report';
import { ratingUnitsOf } from '../../../common/runs/rating-units';
import type { RunEvent } from './events';
import { LabUnavailable } from './refusal';
import { describeStop } from './stop-note';
import { meanSamplesPerSec } from './mean-throughput';
import { modalitiesLineOf } from '../../../common/runs/run-modalities';

export interface CliRuns {
  paths: LabPaths;
  store: LabStore;
  manager: RunManager;
  files: RunManager['files'];
  close(): Promise<void>;
}

export function openCliRuns(home: string | undefined, options: { poolSize?: number; resolveDataset?: ConstructorParameters<typeof RunManager>[0]['resolveDataset']; store?: LabStore } = {}): CliRuns {
  const paths = labPaths(home);
  const store = options.store ?? openLabStore(paths.database);
  // the lab's state, not the request's: exit 1 (refusal.ts), as for import and the other writes
  if (store.readOnly) {
    // a store this call opened is this call's to close: the caller never gets it to close
    if (!options.store) store.close();
    throw new LabUnavailable(store.notice ?? `the lab database '${paths.database}' is open read-only`);
  }
  // Every verb that may start a dataset run (train --config, resume, sweep) needs the datasets' caches and roles.
  const resolveDataset = options.resolveDataset ?? datasetResolver(new DatasetRegistry(store, paths));
  const manager = new RunManager({ store, paths, poolSize: options.poolSize, takeAnyQueued: false, resolveDataset });
  return {
    paths, store, manager, files: manager.files,
    async close() {
      await manager.close();
      store.close();
    },
  };
}

export interface FollowOptions {
  /** Print a progress line about once a second (and every event with --json). */
  follow: boolean;
  json: boolean;
  /** Where lines go (tests capture them). */
  print?: (line: string) => void;
  /** The caller prints each run's outcome line (describeResult, with its error): a failure is not said before it too. */
  outcomeLine?: boolean;
  /**
   * With --json (and no --follow): where the run's data line goes, which carries its warnings (a router
   * schedule longer than the run, the data's notes); stdout is the JSON's, so `gatelab train` gives stderr.
   */
  printNote?: (line: string) => void;
}

/**
 * A reader that goes away (`gatelab train --follow | head -4`) must not stop the training: once stdout's
 * pipe is closed (EPIPE), printing stops and the run goes on. bin/gatelab.js exits on EPIPE (right for
 * `datasets show | head`); while runs train, this handler replaces that one.
 */
let stdoutClosed = false;
function keepRunningWithoutStdout(): void {
  if (process.stdout.listeners('error').includes(onStdoutError)) return;
  process.stdout.removeAllListeners('error');
  process.stdout.on('error', onStdoutError);
}
function onStdoutError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') stdoutClosed = true;
  else throw e;
}

/** Prints a run's life until it settles; Ctrl-C pauses it, SIGTERM interrupts it. Resolves with the settled record. */
export async function followRuns(m: RunManager, ids: number[], o: FollowOptions): Promise<RunRecord[]> {
  keepRunningWithoutStdout();
  const print = o.print ?? ((l: string) => { if (!stdoutClosed) console.log(l); });
  const mine = new Set(ids);
  let lastProgress = -Infinity; // the first progress line prints at once (performance.now() starts near 0 in a new process)
  // The queue waiting for a database that refuses writes: said once when it starts and once when it ends
  // (the manager repeats the hold every ~2 s for views opened meanwhile). stderr: --json's stdout stays JSON.
  let held = false;
  const offHold = m.onQueueHold((h) => {
    if (h && !held) console.error(`gatelab: ${h.note}`);
    else if (!h && held) console.error('gatelab: the database takes writes again: the queued runs start');
    held = h !== null;
  });
  const off = m.subscribe((e: RunEvent) => {
    if (!mine.has(e.runId)) return;
    const tag = ids.length > 1 ? `run ${e.runId}: ` : '';
    if (o.json) {
      // --follow prints the event itself, with the data line in it; without, the note says what the lines above the JSON would
      if (o.printNote && !o.follow && e.type === 'status' && e.provider) for (const line of dataLines(m, e, tag)) o.printNote(line);
      // the stored error keeps the trainer's stack after '\n--\n' (for `gatelab show`); event lines carry the message
      if (o.follow && e.type !== 'metrics' && e.type !== 'gate-stats') print(JSON.stringify('error' in e && typeof e.error === 'string' ? { ...e, error: e.error.split('\n--\n')[0] } : e));
      return;
    }
    // Epochs are counted as everywhere else (the stored run, --json, gatelab show): full epochs done. The
    // validation line comes after epoch N ended (N done); a progress line inside epoch N says N - 1 done.
    if (e.type === 'status' && e.provider) {
      for (const line of dataLines(m, e, tag)) print(line);
      print(`${tag}training on ${e.provider}${e.fallbackReason ? ` (${e.fallbackReason})` : ''}`);
    }
    else if (e.type === 'status' && e.status === 'failed' && !o.outcomeLine) print(`${tag}failed: ${e.error?.split('\n')[0]}`);
    else if (e.type === 'eval' && e.split === 'validation') print(`${tag}epoch ${e.epoch}  step ${e.step}  validation ${formatMetrics(e.metrics, ratingUnitsOf(m.record(e.runId)?.config))}`);
    else if (e.type === 'progress' && o.follow && performance.now() - lastProgress > 1000) {
      lastProgress = performance.now();
      const eta = e.etaSec == null ? '' : `  eta ${Math.round(e.etaSec)} s`;
      print(`${tag}step ${e.step}/${e.totalSteps}  ${fullEpochs(e.epoch)}  ${Math.round(e.samplesPerSec).toLocaleString('en-US')} samples/s${eta}`);
    } else if (e.type === 'metrics' && o.follow && performance.now() - lastProgress > 1000) {
      const loss = e.points.filter((p) => p.name === 'loss').at(-1);
      if (loss) print(`${tag}step ${loss.step}  loss ${loss.value.toFixed(4)}`);
    }
  });
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) {
      // the runs still pausing are interrupted (they resume from their last checkpoint); none was left queued
      // those already paused stay paused (trainer-link.ts); those still on the way are interrupted
      const pausing = ids.filter((id) => m.isLive(id) && m.record(id)?.status === 'running');
      print(`stopping now${pausing.length ? `: ${runList(pausing)} will be interrupted, resumable from ${pausing.length > 1 ? 'their' : 'its'} last checkpoint` : ''}`);
      void m.close();
      return;
    }
    // Queued runs first: a trainer that pauses gives its slot back, which must not start the next run.
    const held = m.holdQueued(ids);
    const live = ids.filter((id) => m.isLive(id));
    for (const id of live) m.pause(id);
    const parts = [
      ...(live.length ? [`pausing${ids.length > 1 ? ` ${runList(live)}` : ''} (a checkpoint is written; resume with gatelab resume RUN)`] : []),
      ...(held.length ? [`${runList(held)} will not start: left paused at step 0 (gatelab resume RUN, or Resume in the app, starts one)`] : []),
    ];
    print(`${parts.join('; ') || 'no run is training'}; Ctrl-C again to stop at once`);
  };
  // SIGTERM (kill, a service manager): stop now, leave the runs interrupted, and say so.
  const onSigterm = () => {
    m.holdQueued(ids); // not left 'queued' by a process about to exit: paused, resumable
    const live = ids.filter((id) => m.isLive(id));
    console.error(`gatelab: stopping on SIGTERM; ${live.length ? `run${live.length > 1 ? 's' : ''} ${live.join(', ')} will be interrupted (resume with gatelab resume ${live[0]})` : 'no run was training'}`);
    void m.close();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  try {
    const settled = await Promise.all(ids.map((id) => m.waitFor(id)));
    // A run paused by Ctrl-C keeps an idle trainer: end it, the pause checkpoint is on disk.
    for (const r of settled) if (r.status === 'paused' && m.isLive(r.id)) await m.close();
    // m.record: an outcome the store could not record (disk full) is still reported.
    return settled.map((r) => m.record(r.id) ?? r);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    off();
    offHold();
    // After a Ctrl-C the runs are settled and nothing is left queued: another Ctrl-C while the command
    // prints its table and closes must not kill it halfway (exit 130 instead of 3); the one after quits.
    // Closing may wait (a trainer's checkpoint on a slow disk): the swallowed one says what is going on.
    if (interrupts > 0) {
      const late = () => {
        process.off('SIGINT', late);
        console.error('closing the lab; Ctrl-C again to quit now'); // stderr: --json's stdout stays JSON
        process.once('SIGINT', () => process.exit(130));
      };
      process.on('SIGINT', late);
    }
  }
}

/** A started run's data line ("dlinear: 1,234 parameters; load: …") and, for a fusion run, its modalities line. */
function dataLines(m: RunManager, e: Extract<RunEvent, { type: 'status' }>, tag: string): string[] {
  // the modalities were stored with the run before this event (trainer-link.ts): a fusion run's columns per modality
  const modalities = modalitiesLineOf(m.record(e.runId)?.dataSummary);
  return [`${tag}${e.model}: ${e.parameters?.toLocaleString('en-US')} parameters; ${e.data}`, ...(modalities ? [`${tag}${modalities}`] : [])];
}

/** "run 4", "runs 10, 11, 14–21": consecutive ids as a range. */
export function runList(ids: number[]): string {
  const sorted = [...ids].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return `run${sorted.length > 1 ? 's' : ''} ${parts.join(', ')}`;
}

/** "0 full epochs", "1 full epoch": how every CLI line and --json's `epoch` count epochs. */
export const fullEpochs = (n: number) => `${n} full epoch${n === 1 ? '' : 's'}`;

/** The final JSON object of a run (--json: the last line the command prints). */
export function runResult(store: LabStore, r: RunRecord) {
  const units = ratingUnits(store, r);
  return {
    run: r.id,
    name: r.name,
    status: r.status,
    step: r.step,
    /** Full epochs trained (0 while the first runs). */
    epoch: r.epoch,
    provider: r.provider,
    ...(r.fallbackReason ? { fallbackReason: r.fallbackReason } : {}),
    test: lastMetrics(store, r.id, 'test.'),
    validation: validationMetrics(store, r.id),
    ...(units ? { ratingUnits: units } : {}),
    // its average training speed, as `gatelab show` says it (mean-throughput.ts); absent before its first steps
    ...withSpeed(meanSamplesPerSec(store.metrics.series(r.id, 'samples_per_sec'))),
    ...(r.dataSummary?.baseline ? { baseline: withMajorityClass(r.dataSummary.baseline) } : {}),
    ...(r.dataSummary?.regressionBaseline ? { regressionBaseline: r.dataSummary.regressionBaseline } : {}),
    // how it finished (as `gatelab show` says it): a script can tell an early stop from every epoch trained,
    // and which weights the test metrics come from (bestStep: the best-on-validation checkpoint; null: the last)
    ...(r.stop && !heldNote(r) ? { stopped: finishLine(r), stoppedEarly: stoppedEarly(r), bestStep: r.stop.bestStep } : {}),
    ...(r.error ? { error: r.error.split('\n--\n')[0] } : {}),
    // a run held paused before it started: why, and how to start it (not an error: it can still finish)
    ...(heldNote(r) ? { note: heldNote(r) } : {}),
  };
}

const withSpeed = (samplesPerSec: number | null) => (samplesPerSec === null ? {} : { samplesPerSec });

/**
 * The exit code of `gatelab train`/`resume` when the run ends paused (Ctrl-C, `gatelab pause`): not 0, so a
 * script sees the run did not finish, and not 1 (failed, interrupted): the run waits, whole, for a resume.
 */
export const EXIT_PAUSED = 3;

/** The exit code of `gatelab train`/`resume` for the run's final status: 0 completed, 3 paused, 1 otherwise. */
export const exitCodeOf = (r: RunRecord): number => (r.status === 'completed' ? 0 : r.status === 'paused' ? EXIT_PAUSED : 1);

/** `gatelab sweep`'s exit code over its runs: 1 if any did not finish and is not paused, else 3 if any is paused, else 0. */
export function exitCodeOfAll(runs: RunRecord[]): number {
  const codes = runs.map(exitCodeOf);
  return codes.includes(1) ? 1 : codes.includes(EXIT_PAUSED) ? EXIT_PAUSED : 0;
}

interface FinishConfig {
  epochs?: number;
  earlyStopping?: { patience?: number; minDelta?: number };
}

/** Early stopping ended the run before its last epoch (the patience can also run out on the last one: not early). */
function stoppedEarly(r: RunRecord): boolean {
  const epochs = (r.config as FinishConfig | null)?.epochs;
  return r.stop?.reason === 'early-stopping' && (epochs === undefined || r.stop.epoch < epochs);
}

/**
 * How a finished run stopped, for the line under its test metrics: an early stop in epochs, as the user
 * set them ("stopped early at epoch 21 of 60 (validation loss did not improve for 3 epochs); test metrics
 * use the best weights, from step 108"), every other ending in stop-note.ts's words.
 */
function finishLine(r: RunRecord): string | null {
  const stop = r.stop;
  if (!stop) return null;
  if (!stoppedEarly(r)) return describeStop(stop, r.config);
  const c = (r.config ?? {}) as FinishConfig;
  const patience = c.earlyStopping?.patience ?? 0;
  const by = c.earlyStopping?.minDelta ? ` by more than ${c.earlyStopping.minDelta}` : '';
  const of = c.epochs !== undefined ? ` of ${c.epochs}` : '';
  const weights = stop.bestStep === null ? ''
    : stop.bestStep === stop.step ? '; test metrics use its final weights (the best on validation)'
      : `; test metrics use the best weights, from step ${stop.bestStep}`;
  return `stopped early at epoch ${stop.epoch}${of} (validation loss did not improve${by} for ${patience} epoch${patience === 1 ? '' : 's'})${weights}`;
}

export function describeResult(store: LabStore, r: RunRecord): string {
  const res = runResult(store, r);
  // the baseline beside the test metrics: on a 99:1 label, accuracy 0.99 is what always answering 0 gets
  // and a regression's training mean beside its r2 and rmse: an r2 near 0 is what always predicting it gets
  const baseline = r.dataSummary?.baseline ? `\n  ${describeBaseline(r.dataSummary.baseline)}`
    : r.dataSummary?.regressionBaseline ? `\n  ${describeRegressionBaseline(r.dataSummary.regressionBaseline)}` : '';
  if (r.status === 'completed') return `run ${r.id} completed at step ${r.step}: test ${formatMetrics(res.test, res.ratingUnits ?? null, r.dataSummary?.baseline?.positiveRate)}${baseline}${res.stopped ? `\n  ${res.stopped}` : ''}`;
  if (r.status === 'paused') return `run ${r.id} paused at step ${r.step}; continue with: gatelab resume ${r.id} (exit code ${EXIT_PAUSED} by design: the run did not finish, nothing is lost)`;
  // An interruption says why (trainer killed, disk full) and where the resume continues from.
  if (r.status === 'interrupted') return `run ${r.id} interrupted at step ${r.step}${res.error ? `: ${res.error.split('\n')[0]}` : `; continue with: gatelab resume ${r.id}`}`;
  return `run ${r.id} ${r.status} at step ${r.step}${res.error ? `: ${res.error}` : ''}`;
}
