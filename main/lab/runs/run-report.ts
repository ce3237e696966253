// What `gatelab runs` and `gatelab show` print (and their --json objects): status, progress, the
// metrics that matter per family, the last gate statistics, checkpoints. Reads only the store.
import { configDiff } from '../../../common/runs/config-diff';
import type { LabStore, RunRecord } from '../store/index';
import type { RegressionBaseline, TestBaseline } from '../../../common/trainer-protocol';
import { gateLabel, gateNamesFromConfig, statComponentNames, storedNameLegend, type GateNames } from '../../../common/analytics/gate-names';
import { statWords } from '../../../common/analytics/stat-words';
import { evaluationNote, statTitle } from '../../../common/analytics/gate-captions';
import { resumeNotes } from './resume-notes';
import { stepScope } from './gate-call-means';
import { describeStop, HELD_REASON_PREFIX } from './stop-note';
import { forecastHeadlineText, testChannelsOf, testChannelsText, testTargetsOf } from './test-channels-report';
import { testClassesOf, testClassesText } from './test-classes-report';
import { isRatingMetric, ratingUnitsOf, scaledRatingNote, type RatingUnits } from '../../../common/runs/rating-units';
import { speedText } from '../../../common/runs/speed-text';
import { apAfterAuc, apChanceText } from '../../../common/runs/ap-chance';
import { meanSamplesPerSec } from './mean-throughput';
import { modalitiesLineOf } from '../../../common/runs/run-modalities';
import { shownMetricName } from '../../../common/runs/metric-name';
import { classBalanceLine } from '../../../common/runs/class-balance';

type Metrics = Record<string, number>;

/** Last value of each metric whose name starts with `prefix` ('test.', 'val.'), prefix removed. */
export function lastMetrics(store: LabStore, runId: number, prefix: string): Metrics {
  const out: Metrics = {};
  for (const s of store.metrics.summary(runId)) if (s.name.startsWith(prefix) && s.last !== null) out[s.name.slice(prefix.length)] = s.last;
  return out;
}

/**
 * Validation metrics of the weights the run keeps: those at its best checkpoint's step (the test metrics
 * and the export use that checkpoint), else the last ones. With early stopping the last epoch is usually
 * worse than the best, so reporting it would understate the model that was tested and exported.
 */
export function validationMetrics(store: LabStore, runId: number, step = store.checkpoints.forRun(runId).filter((c) => c.kind === 'best').at(-1)?.step): Metrics {
  if (step === undefined) return lastMetrics(store, runId, 'val.');
  const out: Metrics = {};
  for (const name of store.metrics.names(runId)) {
    if (!name.startsWith('val.')) continue;
    const s = store.metrics.series(runId, name, step);
    if (s.steps[0] === step && !Number.isNaN(s.values[0])) out[name.slice(4)] = s.values[0];
  }
  return Object.keys(out).length ? out : lastMetrics(store, runId, 'val.');
}

/**
 * An interrupted run: the step its progress reached (its loss curve runs that far) when it is past the
 * checkpoint the run resumes from (its stored step); null otherwise. "interrupted · step 3 / 80" under a
 * loss chart that runs to step 19 read as a contradiction: the views say both.
 */
export function reachedStep(store: LabStore, r: RunRecord): number | null {
  if (r.status !== 'interrupted') return null;
  const last = Math.max(r.step, ...store.metrics.summary(r.id).map((s) => s.lastStep ?? 0));
  return last > r.step ? last : null;
}

/**
 * What an interrupted run's two steps are, in one sentence: the step its curves reached and the checkpoint
 * resume continues from (`gatelab show`; the Runs view words it the same way). Step 0: no usable checkpoint.
 */
export function reachedText(reached: number, resumeStep: number): string {
  return resumeStep > 0
    ? `reached step ${reached} before it stopped; resume continues from the checkpoint at step ${resumeStep} (steps ${resumeStep + 1}–${reached} are trained again)`
    : `reached step ${reached} before it stopped; with no usable checkpoint, resume starts again from step 0`;
}

/** The step of the best-on-validation checkpoint (the weights test and export use); null: none kept. */
export const bestCheckpointStep = (store: LabStore, runId: number): number | null =>
  store.checkpoints.forRun(runId).filter((c) => c.kind === 'best').at(-1)?.step ?? null;

/** Why a late-fusion run's modality weights are no gate to knock out (its `show` lists them with the gates). */
export const LATE_FUSION_WEIGHTS = "late fusion's modality weights are learned once, the same for every sample: no gate that gatelab knockout can switch off; gmu and moe-fusion weigh each sample";

const template = (r: RunRecord) => ((r.config as { model?: { template?: string } })?.model?.template ?? '?');
const firstLine = (s: string | null) => (s ? s.split('\n')[0] : null);

/**
 * The units of the run's rating_* metrics (MMoE's rating tower): 'rating' (the rating's own units) or
 * 'scaled' (standard deviations of the rating: runs created before the change); null when it has none.
 */
export function ratingUnits(store: LabStore, r: RunRecord): RatingUnits | null {
  return store.metrics.names(r.id).some(isRatingMetric) ? ratingUnitsOf(r.config) : null;
}

/** The dataset a run trains on, by name: 'synthetic', or '#4 (deleted)' when it is gone. */
export function datasetName(store: LabStore, r: RunRecord): string {
  const id = r.datasetId ?? (r.config as { data?: { datasetId?: number } } | null)?.data?.datasetId;
  if (id == null) return 'synthetic';
  return store.datasets.get(id)?.name ?? `#${id} (deleted)`;
}

export function runSummary(store: LabStore, r: RunRecord) {
  return {
    run: r.id,
    name: r.name,
    group: r.groupId,
    status: r.status,
    template: template(r),
    dataset: r.datasetId,
    /** The dataset's name ('synthetic' for the demo model's data), in full. */
    datasetName: datasetName(store, r),
    seed: r.seed,
    step: r.step,
    /** Full epochs trained (0 while the first runs), as the --follow lines count them. */
    epoch: r.epoch,
    provider: r.provider,
    fallbackReason: r.fallbackReason,
    priority: r.priority,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    error: firstLine(r.error),
    /** Why it stopped, in words (stop-note.ts); null until it finishes. */
    stopped: describeStop(r.stop, r.config),
    /** The step val.* come from (the best checkpoint's), null: the last validation. */
    bestStep: bestCheckpointStep(store, r.id),
    reachedStep: reachedStep(store, r),
    validation: validationMetrics(store, r.id),
    test: lastMetrics(store, r.id, 'test.'),
    /** Average training speed over its steps (samples per second spent training; mean-throughput.ts); null before its first steps. */
    samplesPerSec: meanSamplesPerSec(store.metrics.series(r.id, 'samples_per_sec')),
    /** Units of rating_* in validation/test: 'rating' or 'scaled' (runs from before); null without them. */
    ratingUnits: ratingUnits(store, r),
    /** What always answering the training split's majority class scores on test (classification); null otherwise. */
    baseline: withMajorityClass(r.dataSummary?.baseline),
    /** What always predicting the training mean scores on test, in the target's units (regression); null otherwise. */
    regressionBaseline: r.dataSummary?.regressionBaseline ?? null,
  };
}

// A run's gate names, worked out once per record: runDetail names its gates with them and showText titles
// the same rows, and both read the one record (--json keeps them out: it carries the stored ids).
const namesByRecord = new WeakMap<RunRecord, GateNames>();
function gateNamesOf(r: RunRecord): GateNames {
  let names = namesByRecord.get(r);
  if (!names) namesByRecord.set(r, (names = gateNamesFromConfig(r.config as Record<string, unknown> | null, r.dataSummary)));
  return names;
}

export function runDetail(store: LabStore, r: RunRecord) {
  // label and names: the gate and its vector's components in the app's words (common/analytics/gate-names.ts):
  // modality weights by modality, expert loads by expert; names null where the app numbers them too
  const words = gateNamesOf(r);
  // only each statistic's last stored row is read (store.metrics.lastGateStats), not its per-step history
  const gates = store.metrics.lastGateStats(r.id).map((last) => {
    const { gate, stat } = last;
    const vector = last.vector ? Array.from(last.vector) : null;
    const names = vector ? statComponentNames(gate, stat, vector.length, words) : null;
    // note: what a stored name does not say (val.router dropped: tokens that *would* be dropped; evaluation keeps all)
    // firstStep: set for a point stored as the mean over one trainer call (runs from before per-step statistics)
    return { gate, stat, label: gateLabel(gate, words), step: last.step as number | null, firstStep: last.firstStep, value: last.value, vector, names, note: evaluationNote(gate, stat, words) };
  });
  const metrics = store.metrics.summary(r.id).map((s) => ({ name: s.name, points: s.count, first: s.first, last: s.last, min: s.min, max: s.max, lastStep: s.lastStep }));
  const checkpoints = store.checkpoints.forRun(r.id).map((c) => ({ kind: c.kind, step: c.step, epoch: c.epoch, path: c.path, bytes: c.bytes, metric: c.metric }));
  // data: the trainer's data line, log-scaled columns and majority-class or mean baseline (null before it started)
  // resumeNote: the damaged checkpoint a resume skipped (resume-notes.ts), null when none was
  const resumeNote = resumeNotes(store.settings)[String(r.id)] ?? null;
  // forecasting: testChannels.baselines are the naive forecasts' test errors; testTargets the target-role channels' own
  const testChannels = testChannelsOf(store, r.id);
  return { ...runSummary(store, r), error: r.error, errorStep: r.errorStep, resumeNote, data: r.dataSummary ?? null, testChannels, testTargets: testTargetsOf(testChannels, r.config), testClasses: testClassesOf(store, r.id), config: r.config, metrics, gates, checkpoints };
}

/** The label of a run's stored message in `gatelab show`, by status (others: 'error'). */
const ERROR_LABEL: Partial<Record<RunRecord['status'], string>> = { paused: 'note', interrupted: 'interrupted' };
/** Runs whose metrics are still growing (or will again, once resumed). */
const LIVE: readonly RunRecord['status'][] = ['running', 'paused'];

const fmt = (v: number | null | undefined) => (v == null ? '-' : Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4));

/**
 * "auc 0.7812  ap 0.4120 (chance 0.14)  rating_rmse 0.9123"; `units` 'scaled': rating_* values say so
 * ("rating_rmse 0.8012 (scaled)"). ap follows auc (the two rankings are read together) and, given the
 * test part's positive rate (`apChance`), says it: a random ranking's AP, 0.05 on a 5% fraud label. Each
 * name as the app shows it ("f1 (macro)": a bare f1 was read as the positive class's); --json keeps `f1`.
 */
export const formatMetrics = (m: Metrics, units: RatingUnits | null = null, apChance?: number) =>
  apAfterAuc(Object.entries(m), ([k]) => k).map(([k, v]) => `${shownMetricName(k)} ${fmt(v)}${units === 'scaled' && isRatingMetric(k) ? ' (scaled)' : ''}${k === 'ap' && apChance !== undefined ? ` (${apChanceText(apChance)})` : ''}`).join('  ');

/**
 * "majority-class baseline: accuracy 0.990 (always 'false'; positive rate 1.0% on test)": what a model that
 * always answers the training split's most frequent class scores on test. A reference line, not a metric.
 */
export function describeBaseline(b: TestBaseline): string {
  const rate = b.positiveRate === undefined ? '' : `; positive rate ${(100 * b.positiveRate).toFixed(1)}% on test`;
  return `majority-class baseline: accuracy ${b.accuracy.toFixed(3)} (always ${b.majority}${rate})`;
}

/** 4 significant digits (23.61, 4.859): the baseline's errors, in the target's units. */
const sig4 = (v: number) => String(Number(v.toPrecision(4)));

/**
 * "mean baseline: r2 -0.0021, rmse 4.859 (always the training mean 102.798; mse 23.61, mae 3.951 on test)":
 * what a model that always predicts the training rows' mean scores on test, in the target's units. A
 * regression's r2 of 0.31 and rmse of 2.3 are read against it. No r2 when every test target is the same.
 */
export function describeRegressionBaseline(b: RegressionBaseline): string {
  // -0.00001 is "0.0000", not "-0.0000": the sign of a rounded zero means nothing
  const r2 = b.r2 === undefined ? '' : `r2 ${(Math.abs(b.r2) < 5e-5 ? 0 : b.r2).toFixed(4)}, `;
  // the mean keeps 6 digits, so a price of 1234.57 keeps its cents
  return `mean baseline: ${r2}rmse ${sig4(b.rmse)} (always the training mean ${Number(b.mean.toPrecision(6))}; mse ${sig4(b.mse)}, mae ${sig4(b.mae)} on test)`;
}

/**
 * A stored baseline with `majorityClass`, the class as the file writes it (`majority` quotes it for reading:
 * "'0'"); a run stored before the trainer sent it has only `majority`, unquoted here as the trainer words it
 * (workers/data/baseline.ts): "'0'" → "0", "'rating' ≥ 4" → "rating ≥ 4".
 */
export function withMajorityClass(b: TestBaseline | undefined): TestBaseline | null {
  if (!b) return null;
  if (b.majorityClass !== undefined) return b;
  const rule = /^'(.*)' ([≥<] \S+)$/.exec(b.majority);
  const quoted = /^'(.*)'$/.exec(b.majority);
  return { ...b, majorityClass: rule ? `${rule[1]} ${rule[2]}` : quoted ? quoted[1] : b.majority };
}

/** "majority baseline accuracy 0.857": describeBaseline's numbers, short enough for a table's row. */
export const shortBaseline = (b: TestBaseline) => `majority baseline accuracy ${b.accuracy.toFixed(3)}`;

/**
 * "mean baseline r2 -0.0021 rmse 4.859": describeRegressionBaseline's r2 and rmse (the two a regression is
 * read against), for a table row that shows those test metrics: only those of `shown`, null when it has neither.
 */
export function shortRegressionBaseline(b: RegressionBaseline, shown: Metrics): string | null {
  const parts = [
    ...('r2' in shown && b.r2 !== undefined ? [`r2 ${(Math.abs(b.r2) < 5e-5 ? 0 : b.r2).toFixed(4)}`] : []),
    ...('rmse' in shown ? [`rmse ${sig4(b.rmse)}`] : []),
  ];
  return parts.length ? `mean baseline ${parts.join(' ')}` : null;
}

/**
 * The settings that tell the listed runs apart (a sweep's grid point: `optimizer.lr=0.001 router.k=2`), one
 * string per run; empty when they share one config. Seeds, names and the dataset's columns have their own
 * columns or say nothing; template fields drop their `model.` prefix. A setting only some runs have is one
 * the data decided when they started (`fields=[25,5,…]`, stored once the trainer built the model): the
 * runs still queued lack it, which is no difference between the runs. Every run of a sweep has its points.
 */
function distinguishing(runs: RunRecord[]): string[] {
  const diff = configDiff(runs.map((r) => (r.config ?? {}) as Record<string, unknown>))
    .filter((d) => !['name', 'seed', 'model.template'].includes(d.key) && !d.key.startsWith('data.columns'))
    .filter((d) => d.values.every((v) => v !== undefined));
  return runs.map((_, i) => diff.filter((d) => d.values[i] !== undefined).map((d) => `${d.key.replace(/^model\./, '')}=${d.values[i]!.replace(/^"(.*)"$/, '$1')}`).join(' '));
}

/** A live run before its first validation: its training loss so far ("train loss 0.4051 (step 64)"), else null. */
function liveLoss(store: LabStore, r: RunRecord): string | null {
  if (!LIVE.includes(r.status)) return null;
  const loss = store.metrics.summary(r.id).find((m) => m.name === 'loss');
  return loss ? `train loss ${fmt(loss.last)} (step ${loss.lastStep})` : null;
}

/** Widths of the name and dataset columns: a long name is cut with '…' (`--json` and `gatelab show` have it whole). */
export const NAME_WIDTH = 32;
export const DATASET_WIDTH = 24;
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/**
 * A run's name in NAME_WIDTH, cut so that what tells it from its siblings stays: the changes after ' · '
 * ("gmu on Demo: sensor… · modalityDropout=0.3", a CLI run's --set options or an app child's changes) keep
 * their words and the template-on-dataset part before them is cut instead (the table has both as columns).
 */
export function clipName(name: string): string {
  const at = name.indexOf(' · ');
  if (name.length <= NAME_WIDTH || at < 0) return clip(name, NAME_WIDTH);
  const changes = clip(name.slice(at + 3), NAME_WIDTH);
  return `${clip(name.slice(0, at), Math.max(MIN_BASE_WIDTH, NAME_WIDTH - 3 - changes.length))} · ${changes}`;
}
/** What is kept of the part before the changes, however long they are: the template, at least. */
const MIN_BASE_WIDTH = 12;

/** `settings`: add the distinguishing settings (a sweep's group; a list of unrelated runs would differ in everything). */
export function runsTable(store: LabStore, runs: RunRecord[], o: { settings?: boolean } = {}): string {
  const settings = o.settings ? distinguishing(runs) : runs.map(() => '');
  const rows = runs.map((r, i) => {
    const s = runSummary(store, r);
    const metrics = Object.keys(s.test).length ? `test ${formatMetrics(s.test, s.ratingUnits)}` : Object.keys(s.validation).length ? `val ${formatMetrics(s.validation, s.ratingUnits)}` : null;
    // accuracy 0.85 on a label that is 85% negative is no result: the baseline stands beside it, as in show;
    // a regression's r2 and rmse likewise beside the mean's (a test baseline: beside test metrics only)
    const reference = s.baseline ? shortBaseline(s.baseline)
      : s.regressionBaseline && Object.keys(s.test).length ? shortRegressionBaseline(s.regressionBaseline, s.test) : null;
    const result = metrics ? `${metrics}${reference ? `  (${reference})` : ''}` : (liveLoss(store, r) ?? s.error ?? '');
    return [String(r.id), clipName(r.name ?? ''), r.status, s.template, clip(s.datasetName, DATASET_WIDTH), r.groupId ?? '', String(r.seed ?? ''), String(r.step), ...(settings.some(Boolean) ? [settings[i]] : []), result];
  });
  const head = ['run', 'name', 'status', 'template', 'dataset', 'group', 'seed', 'step', ...(settings.some(Boolean) ? ['settings'] : []), 'result'];
  const last = head.length - 1;
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === last ? 0 : r[i].length))));
  const line = (r: string[]) => r.map((c, i) => (i === last ? c : c.padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/**
 * The stored epoch counts whole epochs done; `--follow` numbers the epoch a validation happens in. A run
 * capped inside its first epoch read "epoch 0" after "epoch 1" was printed: say what the number counts.
 */
const epochsDone = (n: number) => `${n} full epoch${n === 1 ? '' : 's'}`;

export function showText(store: LabStore, r: RunRecord): string {
  const d = runDetail(store, r);
  const lines = [
    `run ${d.run}${d.name ? ` (${d.name})` : ''}: ${d.status}, template ${d.template}, seed ${d.seed}, step ${d.step}, ${epochsDone(d.epoch)}`,
    `  provider: ${d.provider ?? '-'}${d.fallbackReason ? ` (${d.fallbackReason})` : ''}${d.group ? `   group: ${d.group}` : ''}`,
  ];
  // a paused run's message says why it waits (never started: its command stopped first), not what failed;
  // an interrupted run's says where it resumes: neither is an error
  if (r.error) lines.push(`  ${ERROR_LABEL[r.status] ?? 'error'}${r.errorStep != null ? ` at step ${r.errorStep}` : ''}: ${r.error}`);
  if (d.resumeNote) lines.push(`  note: resumed past a damaged checkpoint: ${d.resumeNote}`);
  // a run held before it started did not stop ("stopped: held before it started: …" said it twice)
  if (d.stopped) lines.push(`  ${r.stop?.reason.startsWith(HELD_REASON_PREFIX) ? 'note' : 'stopped'}: ${d.stopped}`);
  if (d.reachedStep !== null) lines.push(`  ${reachedText(d.reachedStep, d.step)}`);
  if (d.samplesPerSec !== null) lines.push(`  speed: ${speedText(d.samplesPerSec)} samples/s on average${LIVE.includes(r.status) ? ' so far' : ''} (training steps only: validation and start-up not counted)`);
  if (Object.keys(d.validation).length) lines.push(`  validation${d.bestStep !== null ? ` (best, step ${d.bestStep})` : ''}: ${formatMetrics(d.validation, d.ratingUnits)}`);
  // a live run's metrics list its training curves so far; the validation it lacks yet is not missing
  else if (LIVE.includes(r.status) && d.metrics.length) lines.push('  validation: none yet (it runs at the end of each epoch)');
  if (Object.keys(d.test).length) lines.push(`  test:       ${formatMetrics(d.test, d.ratingUnits, d.data?.baseline?.positiveRate)}`);
  if (d.ratingUnits === 'scaled') lines.push(`  note: ${scaledRatingNote(r.config)}`);
  // forecasting: the target channel's own errors and the naive forecasts, beside the headline they qualify
  lines.push(...forecastHeadlineText(d.testChannels, d.test, d.config));
  lines.push(...testChannelsText(d.testChannels));
  lines.push(...testClassesText(d.testClasses, d.config));
  if (d.data?.baseline) lines.push(`  ${describeBaseline(d.data.baseline)}`);
  if (d.data?.regressionBaseline) lines.push(`  ${describeRegressionBaseline(d.data.regressionBaseline)}`);
  if (d.data) lines.push(`  data: ${d.data.line}`);
  const modalities = modalitiesLineOf(d.data);
  if (modalities) lines.push(`  ${modalities}`);
  // how imbalanced the label is per part: what the accuracy and the macro-F1 above are read against
  const balance = classBalanceLine(d.data?.label, d.data?.classCounts);
  if (balance) lines.push(`  ${balance}`);
  lines.push('  metrics:');
  for (const m of d.metrics) {
    const scaled = d.ratingUnits === 'scaled' && isRatingMetric(m.name) ? '  (scaled units)' : '';
    // a metric stored once (the test metrics) has one value: first/last/min/max of it would say it four times
    const values = m.points === 1 ? `${String(1).padStart(7)} point   value ${fmt(m.last)}` : `${String(m.points).padStart(7)} points  first ${fmt(m.first)}  last ${fmt(m.last)}  min ${fmt(m.min)}  max ${fmt(m.max)}`;
    lines.push(`    ${shownMetricName(m.name).padEnd(20)} ${values}${scaled}`);
  }
  if (d.gates.length) lines.push('  gates (last value):');
  // the statistic in the app's words (openness histogram, not openness_hist; a top-2 router's `load` is its
  // "share of top-2 picks", `importance` its "mean router probability"); --json keeps the stored name
  const words = gateNamesOf(r);
  const gateName = (g: (typeof d.gates)[number]) => `${g.gate} ${statTitle(g.stat, words) ?? statWords(g.stat)}`;
  const nameWidth = Math.max(30, ...d.gates.map((g) => gateName(g).length));
  for (const g of d.gates) {
    const values = g.vector && (g.names ? g.vector.map((v, i) => `${g.names![i]} ${v.toFixed(3)}`).join(', ') : g.vector.map((v) => v.toFixed(3)).join(' '));
    lines.push(`    ${gateName(g).padEnd(nameWidth)} ${values ? `[${values}]` : fmt(g.value)}  (${stepScope(g.step ?? 0, g.firstStep)})${g.note ? `  ${g.note}` : ''}`);
  }
  // the ids stay (knockout --gate takes them); what the app and the knockout rows call them, once each
  const legend = storedNameLegend(d.gates.map((g) => g.gate), words);
  if (legend.length) lines.push(`    (names: ${legend.join('; ')})`);
  // late fusion's weights are listed beside the gates, yet `knockout` then finds no gate: say why up front
  if (d.template === 'late-fusion' && d.gates.length) lines.push(`    (${LATE_FUSION_WEIGHTS})`);
  lines.push('  checkpoints:');
  for (const c of d.checkpoints) lines.push(`    ${c.kind.padEnd(9)} step ${c.step}  after ${epochsDone(c.epoch ?? 0)}  ${c.path}`);
  lines.push(`  config: ${JSON.stringify(d.config)}`);
  return lines.join('\n');
}
